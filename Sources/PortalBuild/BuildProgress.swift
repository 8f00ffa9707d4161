import Foundation

/// Tells a person what a long build is doing. On a terminal: one line that is redrawn
/// (phase, pages done of all, elapsed seconds), at most ten times a second. Elsewhere (CI logs):
/// one plain line per phase with the elapsed time, never a carriage return.
public final class BuildProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let interactive: Bool
    private let write: @Sendable (String) -> Void
    private let start = Date()
    private var phaseName = ""
    private var done = 0
    private var total = 0
    private var lastDraw = Date.distantPast

    /// - Parameters:
    ///   - interactive: true when standard error is a terminal.
    ///   - write: where the text goes (standard error in the CLI).
    public init(interactive: Bool, write: @escaping @Sendable (String) -> Void) {
        self.interactive = interactive
        self.write = write
    }

    package var elapsed: String { String(format: "%.1f s", Date().timeIntervalSince(start)) }

    package func phase(_ name: String, total: Int = 0) {
        lock.withLock {
            phaseName = name
            done = 0
            self.total = total
            if interactive { draw(force: true) } else { write("\(name) … (\(elapsed))\n") }
        }
    }

    package func step() {
        lock.withLock {
            done += 1
            if interactive { draw(force: done == total) }
        }
    }

    package func finish() {
        lock.withLock {
            if interactive { write("\r\u{1B}[2K") } else { write("fertig (\(elapsed))\n") }
        }
    }

    /// Clears the terminal line before error messages are printed; prints nothing elsewhere.
    public func abandon() {
        lock.withLock { if interactive { write("\r\u{1B}[2K") } }
    }

    private func draw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let count = total > 0 ? " \(done)/\(total)" : ""
        write("\r\u{1B}[2K\(phaseName)\(count) · \(elapsed)")
    }
}

