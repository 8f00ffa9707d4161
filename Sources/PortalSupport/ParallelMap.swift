import Foundation

/// Maps independent items on all cores, keeping their order. Used for parsing and rendering,
/// where each item touches nothing but its own input and output.
package enum ParallelMap {
    package static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let results = Slots<R>(count: items.count)
        // The workers are other threads: they record their reads into the caller's log.
        let reads = InputReads.current
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            InputReads.$current.withValue(reads) { results.set(index, transform(items[index])) }
        }
        return results.values
    }

    /// Write-once result slots in raw memory (not an array property, whose exclusivity checks
    /// would trap on concurrent writes); each index is written by exactly one iteration.
    private final class Slots<R>: @unchecked Sendable {
        private let buffer: UnsafeMutablePointer<R?>
        private let count: Int
        package init(count: Int) {
            self.count = count
            buffer = .allocate(capacity: max(count, 1))
            buffer.initialize(repeating: nil, count: count)
        }
        deinit {
            buffer.deinitialize(count: count)
            buffer.deallocate()
        }
        package func set(_ index: Int, _ value: R) { buffer[index] = value }
        package var values: [R] { (0..<count).map { buffer[$0]! } }
    }
}
