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
        self.message = Self.printable(message)
    }

    /// One line per diagnostic, whatever the content quoted in it: line breaks and control
    /// characters (terminal escapes!) are shown as escapes, and very long messages are cut.
    package static func printable(_ message: String) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0, 0x2028, 0x2029: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.count > 300 ? String(out.prefix(297)) + "…" : out
    }

    public var description: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }
}

extension Diagnostic {
    /// Sort order of a report: by file, then line, then column.
    package static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.message) < (b.path, b.line, b.column, b.message)
    }
}
