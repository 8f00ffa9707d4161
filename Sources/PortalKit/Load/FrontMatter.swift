/// Splits a Markdown file into its YAML front matter and body.
struct FrontMatter {
    /// The YAML between the `---` lines.
    let yaml: String
    /// Line number of the first YAML line in the file (1-based), to map YAML marks to file lines.
    let yamlFirstLine: Int
    let body: String
    /// Line number of the first body line in the file.
    let bodyFirstLine: Int

    static func split(_ file: SourceFile, into diagnostics: inout Diagnostics) -> FrontMatter? {
        // "\r\n" is one Character in Swift, so files saved on Windows are split on both.
        let lines = file.text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            diagnostics.error(SourceLocation(path: file.path, line: 1, column: 1),
                              "Datei muss mit einer Zeile „---“ beginnen, gefolgt von den Angaben (Front Matter) und einer weiteren Zeile „---“")
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingSpaces == "---" || lines[$0].trimmingTrailingSpaces == "..." }) else {
            diagnostics.error(SourceLocation(path: file.path, line: 1, column: 1),
                              "die Angaben (Front Matter) werden nicht mit einer Zeile „---“ abgeschlossen")
            return nil
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2)
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
