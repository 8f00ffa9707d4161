/// Collects every problem of a run, so editors see all of them at once rather than one per build.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: Diagnostics) { items.append(contentsOf: other.items) }

    public mutating func error(_ location: SourceLocation, _ message: String) {
        items.append(Diagnostic(path: location.path, line: location.line, column: location.column, message: message))
    }

    public mutating func warning(_ location: SourceLocation, _ message: String) {
        items.append(Diagnostic(path: location.path, line: location.line, column: location.column, severity: .warning, message: message))
    }

    /// All diagnostics sorted by file and line, as they are printed.
    public var sorted: [Diagnostic] { items.sorted(by: Diagnostic.reportOrder) }
}

/// A place in a content file.
public struct SourceLocation: Sendable, Equatable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }
}

/// Thrown by a stage that found errors; carries every diagnostic of the run (warnings included).
public struct ContentErrors: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics.sorted(by: Diagnostic.reportOrder) }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
