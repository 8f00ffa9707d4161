/// One problem found in the content, reported as `path:line:column: severity: message`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var path: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(path: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.path = path
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.message = message
    }

    public var description: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }
}

extension Diagnostic {
    /// Sort order of a report: by file, then line, then column.
    static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
    }
}
