import Foundation

/// Parse results kept between builds of one long-running process (`portal serve`): a file whose
/// text is unchanged is not parsed again. A result depends only on the input text and the name
/// it is stored under (file path and slug), which together are the key; cross-file checks still
/// run on every build. Entries of files that disappear are simply never asked for again.
public final class ParseMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (input: String, result: Any)] = [:]

    public init() {}

    /// The result of `make` for this input, computed once per (name, input).
    package func value<T>(_ name: String, input: String, make: () -> T) -> T {
        if let hit = lock.withLock({ entries[name] }), hit.input == input, let result = hit.result as? T { return result }
        let result = make()
        lock.withLock { entries[name] = (input, result) }
        return result
    }
}
