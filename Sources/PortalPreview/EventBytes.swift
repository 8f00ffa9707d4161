import FlyingFox
import FlyingSocks
import Foundation

/// The bytes of a server-sent event stream as FlyingFox sends a response body of unknown
/// length (chunked): each event is written as soon as it is yielded.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let events: AsyncStream<Data>

    func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<Data>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            while pending.isEmpty {
                guard let data = await events.next() else { return nil }
                pending = Array(data)
            }
            let n = Swift.max(1, Swift.min(count, pending.count))
            defer { pending.removeFirst(n) }
            return Array(pending.prefix(n))
        }
    }
}
