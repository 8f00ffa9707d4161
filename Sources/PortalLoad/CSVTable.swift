import Foundation
import PortalModel
import PortalSupport
import CSV

/// A CSV file (RFC 4180, comma separated, header row) parsed by CSV.swift, with line numbers per row.
/// CSV.swift is about five times faster than SwiftCSV on a 300,000-row responsibilities.csv, but
/// lenient: it keeps stray quotes and reads an unclosed quote to the end of the file. `QuoteScan`
/// therefore checks the quotes first (and gives their line and column) and cuts the pieces.
package struct CSVTable {
    package struct Row {
        package var fields: [String]
        package var line: Int
    }

    package var rows: [Row] = []
    /// The header's columns: the expected ones, plus the optional ones where the file has them.
    package var columns: [String] = []

    /// Parses `file` and checks its header and row widths; nil when the file cannot be used at all.
    /// Large files are cut at line ends outside quotes and the pieces parsed in parallel.
    /// `optional` columns may follow the expected ones (e.g. `verband` in `regions.csv`, spec v2).
    /// With a memo, each piece's rows are kept in it (named by the file and the piece's place):
    /// after an edit to one row of `responsibilities.csv` only that row's piece is parsed again.
    package static func parse(_ file: SourceFile, header expected: [String], optional: [String] = [], memo: ParseMemo? = nil,
                              into diagnostics: inout Diagnostics) -> CSVTable? {
        let scan = QuoteScan(file.text)
        if let problem = scan.problem {
            diagnostics.error(SourceLocation(path: file.path, line: problem.line, column: problem.column), problem.message)
            return nil
        }
        let parsed = ParallelMap.map(Array(scan.pieces.enumerated())) { k, piece -> [Row] in
            // Lines counted from the piece's start, so that a piece after a changed line count
            // is still the same result.
            let rows = memo?.value("csv:\(file.path):\(k)", input: piece.text) { CSVTable(rows: Self.rows(of: piece.text)) }.rows
                ?? Self.rows(of: piece.text)
            return rows.map { Row(fields: $0.fields, line: $0.line + piece.firstLine - 1) }
        }
        guard let header = parsed.lazy.compactMap(\.first).first else {
            diagnostics.error(SourceLocation(path: file.path), "CSV-Datei ist leer; erwartet wird die Kopfzeile „\(expected.joined(separator: ","))“")
            return nil
        }
        let actual = header.fields
        guard actual.count >= expected.count, actual.count <= expected.count + optional.count,
              actual == Array((expected + optional).prefix(actual.count)) else {
            let also = optional.isEmpty ? "" : " (oder mit „,\(optional.joined(separator: ","))“)"
            diagnostics.error(SourceLocation(path: file.path, line: header.line),
                              "falsche Kopfzeile „\(actual.joined(separator: ","))“; erwartet wird „\(expected.joined(separator: ","))“\(also)")
            return nil
        }
        var table = CSVTable(rows: [])
        table.columns = actual
        table.rows.reserveCapacity(parsed.reduce(0) { $0 + $1.count } - 1)
        var ok = true, first = true
        for piece in parsed {
            for row in piece {
                if first { first = false; continue }
                if row.fields.count != actual.count {
                    diagnostics.error(SourceLocation(path: file.path, line: row.line),
                                      "Zeile hat \(row.fields.count) Felder, erwartet werden \(actual.count) (\(actual.joined(separator: ",")))")
                    ok = false
                    continue
                }
                table.rows.append(row)
            }
        }
        return ok ? table : nil
    }

    init(rows: [Row]) {
        self.rows = rows
    }

    /// The rows of one piece, lines counted from 1 at its start. Fields are trimmed where they
    /// are read, and each distinct text is kept once per piece: in `responsibilities.csv` the
    /// same slugs and ids fill 300,000 rows, and one table of rows (no second, trimmed copy) is
    /// the load step's peak of memory.
    private static func rows(of text: String) -> [Row] {
        var rows: [Row] = []
        var texts: [String: String] = [:]
        var line = 1
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else { return rows }
        while let fields = reader.next() {
            // Blank lines come through as one empty field; skip them but count their line.
            if !(fields.count == 1 && fields[0].isEmpty) {
                rows.append(Row(fields: fields.map { intern(trimmingSpaces($0), in: &texts) }, line: line))
            }
            line += 1
            for field in fields where field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                line += field.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
            }
        }
        return rows
    }

    /// The text as `texts` already holds it, or `text` kept there: each distinct text of a table
    /// once (also when a table is decoded from the parse memo, `LoadCoding`).
    static func intern(_ text: String, in texts: inout [String: String]) -> String {
        if let kept = texts[text] { return kept }
        texts[text] = text
        return text
    }

    /// `trimmingCharacters(in: .whitespaces)` (spaces, tabs, other Unicode space separators)
    /// without Foundation's bridging, which showed up in profiles: most fields need no trimming.
    package static func trimmingSpaces(_ field: String) -> String {
        func isSpace(_ c: Character) -> Bool {
            c == " " || c == "\t" || (c.unicodeScalars.count == 1 && c.unicodeScalars.first!.properties.generalCategory == .spaceSeparator)
        }
        guard let first = field.first, let last = field.last, isSpace(first) || isSpace(last) else { return field }
        guard let from = field.firstIndex(where: { !isSpace($0) }), let to = field.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(field[from...to])
    }
}
