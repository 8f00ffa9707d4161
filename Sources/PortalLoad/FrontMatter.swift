import PortalModel

/// Splits a Markdown file into its YAML front matter and body.
package struct FrontMatter {
    /// The YAML between the `---` lines.
    package let yaml: String
    /// Line number of the first YAML line in the file (1-based), to map YAML marks to file lines.
    package let yamlFirstLine: Int
    package let body: String
    /// Line number of the first body line in the file.
    package let bodyFirstLine: Int

    package static func split(_ file: SourceFile, into diagnostics: inout Diagnostics) -> FrontMatter? {
        // Lines end at "\n" or "\r\n" (files saved on Windows). Only the front matter is cut into
        // lines; the body is taken whole, which matters for large files.
        let bytes = file.text.utf8
        var lines: [Substring] = []
        var start = bytes.startIndex
        var closing: Int?
        while start < bytes.endIndex, closing == nil {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var lineEnd = end
            if lineEnd > start, bytes[bytes.index(before: lineEnd)] == 0x0D { lineEnd = bytes.index(before: lineEnd) }
            let line = Substring(bytes[start..<lineEnd])
            if lines.isEmpty, line.trimmingTrailingSpaces != "---" { break }
            if !lines.isEmpty, line.trimmingTrailingSpaces == "---" || line.trimmingTrailingSpaces == "..." { closing = lines.count }
            lines.append(line)
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            diagnostics.error(SourceLocation(path: file.path, line: 1, column: 1),
                              "Datei muss mit einer Zeile „---“ beginnen, gefolgt von den Angaben (Front Matter) und einer weiteren Zeile „---“")
            return nil
        }
        guard let closing else {
            diagnostics.error(SourceLocation(path: file.path, line: 1, column: 1),
                              "die Angaben (Front Matter) werden nicht mit einer Zeile „---“ abgeschlossen")
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        var body = String(Substring(bytes[start...]))
        if body.utf8.contains(0x0D) { body = body.replacing("\r\n", with: "\n") }
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }
}

extension Substring {
    package var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
