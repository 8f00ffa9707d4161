import Foundation
import PortalModel

/// Diagnostics for people: `path:line:column: error: message`, then the offending source line
/// with a caret under the column, as compilers print them. The first line stays machine-readable
/// (editors and CI jump to it); colours only on a terminal.
struct DiagnosticPrinter {
    /// Source files read so far, split into lines; nil if a file cannot be read.
    private var files: [String: [Substring]?] = [:]
    /// The last line quoted, as scalars: many diagnostics on one very long line (a fuzzed CSV row
    /// of 300,000 bytes) made turning it into scalars each time take minutes.
    private var lastLine: (path: String, line: Int, scalars: [Unicode.Scalar])?

    mutating func format(_ diagnostic: Diagnostic) -> String {
        let location = Terminal.paint("\(diagnostic.path):\(diagnostic.line):\(diagnostic.column):", .bold)
        let severity = diagnostic.severity == .error ? Terminal.paint("error:", .red) : Terminal.paint("warning:", .yellow)
        var text = "\(location) \(severity) \(diagnostic.message)\n"
        if let quote = quote(diagnostic) { text += quote }
        return text
    }

    /// The source line (at most 100 characters around the column) and a caret line, or nil when
    /// the path is not a readable text file (the built-in theme, a missing file).
    mutating func quote(_ diagnostic: Diagnostic) -> String? {
        if files[diagnostic.path] == nil {
            let lines: [Substring]? = FileManager.default.contents(atPath: diagnostic.path).flatMap { data in
                data.count <= 32 << 20 ? String(data: data, encoding: .utf8) : nil
            }.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
            files[diagnostic.path] = .some(lines)
        }
        guard let lines = files[diagnostic.path] ?? nil, diagnostic.line <= lines.count else { return nil }
        var line: [Unicode.Scalar]
        if let last = lastLine, last.path == diagnostic.path, last.line == diagnostic.line {
            line = last.scalars
        } else {
            line = Array(lines[diagnostic.line - 1].unicodeScalars)
            if line.last == "\r" { line.removeLast() }
            lastLine = (diagnostic.path, diagnostic.line, line)
        }
        var caret = min(diagnostic.column - 1, line.count)
        // Long lines: a window around the column.
        let width = 100
        var prefix = "", suffix = ""
        if line.count > width {
            let start = max(0, min(caret - width / 2, line.count - width))
            if start > 0 { prefix = "…" }
            if start + width < line.count { suffix = "…" }
            line = Array(line[start..<start + width])
            caret = caret - start + (prefix.isEmpty ? 0 : 1)
        }
        // Tabs and control characters would shift the caret or act on the terminal.
        let shown = prefix + String(String.UnicodeScalarView(line.map { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) ? " " : $0 })) + suffix
        if shown.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
        let number = String(diagnostic.line)
        let gutter = String(repeating: " ", count: number.count)
        let marker = Terminal.paint("^", diagnostic.severity == .error ? .red : .yellow)
        return Terminal.paint("\(number) | ", .dim) + shown + "\n"
            + Terminal.paint("\(gutter) | ", .dim) + String(repeating: " ", count: caret) + marker + "\n"
    }
}
