import Foundation

/// One piece of work run on another thread while the caller goes on, and collected once with
/// `result()`. The loader reads the FIM schemas (megabytes of XML) this way while it parses the
/// service files, so the two share the cores instead of following each other.
package final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: T?

    package init(_ work: @escaping @Sendable () -> T) {
        // The worker records its reads into the caller's log, as `ParallelMap`'s workers do.
        let reads = InputReads.current
        DispatchQueue.global().async {
            let result = InputReads.$current.withValue(reads) { work() }
            self.lock.withLock { self.value = result }
            self.done.signal()
        }
    }

    /// Waits for the work to finish (once; a second call would wait for ever, so it is not made).
    package func result() -> T {
        done.wait()
        return lock.withLock { value! }
    }
}
