import Foundation
import PortalModel

/// What the preview knows about the last build, shared by the build loop and the HTTP handlers.
/// `generation` counts finished builds (good or bad); browsers reload when it changes.
final class PreviewState: @unchecked Sendable {
    private let lock = NSLock()
    private var generation = 0
    private var diagnostics: [Diagnostic] = []
    private var hasGoodSite = false
    private var subscribers: [UUID: AsyncStream<Data>.Continuation] = [:]

    struct Snapshot {
        var generation: Int
        /// Errors and warnings of the last build; errors mean the site shown is an older one.
        var diagnostics: [Diagnostic]
        var failed: Bool { diagnostics.contains { $0.severity == .error } }
        var hasGoodSite: Bool
    }

    var snapshot: Snapshot {
        lock.withLock { Snapshot(generation: generation, diagnostics: diagnostics, hasGoodSite: hasGoodSite) }
    }

    /// Records a finished build and tells every open browser tab.
    func finished(diagnostics: [Diagnostic], succeeded: Bool) {
        let (event, targets) = lock.withLock { () -> (Data, [AsyncStream<Data>.Continuation]) in
            generation += 1
            self.diagnostics = diagnostics
            if succeeded { hasGoodSite = true }
            return (Self.event(generation: generation, ok: succeeded), Array(subscribers.values))
        }
        for target in targets { target.yield(event) }
    }

    /// A server-sent event stream: the current build at once, then one event per build.
    func subscribe() -> AsyncStream<Data> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in self?.unsubscribe(id) }
        lock.withLock {
            subscribers[id] = continuation
            // Ask the browser to reconnect quickly when the server restarts.
            continuation.yield(Data("retry: 500\n\n".utf8))
            continuation.yield(Self.event(generation: generation, ok: !diagnostics.contains { $0.severity == .error }))
        }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        _ = lock.withLock { subscribers.removeValue(forKey: id) }
    }

    /// Ends every event stream (server shutdown).
    func closeAll() {
        let targets = lock.withLock { Array(subscribers.values) }
        for target in targets { target.finish() }
    }

    static func event(generation: Int, ok: Bool) -> Data {
        Data("event: build\ndata: {\"generation\":\(generation),\"ok\":\(ok)}\n\n".utf8)
    }
}
