import Foundation
import SwiftCSV

/// A CSV file (RFC 4180, comma separated, header row) parsed by SwiftCSV, with line numbers per row.
struct CSVTable {
    struct Row {
        var fields: [String]
        var line: Int
    }

    var rows: [Row] = []

    /// Parses `file` and checks its header and row widths; nil when the file cannot be used at all.
    static func parse(_ file: SourceFile, header expected: [String], into diagnostics: inout Diagnostics) -> CSVTable? {
        var rows: [Row] = []
        var line = 1
        do {
            try CSV<Enumerated>(string: file.text, delimiter: .comma, loadColumns: false).enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                // Blank lines come through as one empty field; skip them but count their line.
                if !(fields.count == 1 && fields[0].isEmpty) {
                    rows.append(Row(fields: fields, line: line))
                }
                line += 1 + fields.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.isNewline ? 1 : 0) } }
            }
        } catch {
            diagnostics.error(SourceLocation(path: file.path, line: line), "CSV kann nicht gelesen werden: Anführungszeichen mitten in einem Feld (Anführungszeichen in Feldern werden verdoppelt: \"\")")
            return nil
        }
        // SwiftCSV ends silently inside an unclosed quote; an odd number of quotes gives it away.
        if file.text.reduce(0, { $0 + ($1 == "\"" ? 1 : 0) }) % 2 == 1 {
            let start = rows.last(where: { row in row.fields.contains { $0.contains(where: \.isNewline) } })?.line ?? rows.last?.line ?? 1
            diagnostics.error(SourceLocation(path: file.path, line: start), "CSV: ein Anführungszeichen wird nicht geschlossen")
            return nil
        }
        guard let header = rows.first else {
            diagnostics.error(SourceLocation(path: file.path), "CSV-Datei ist leer; erwartet wird die Kopfzeile „\(expected.joined(separator: ","))“")
            return nil
        }
        let actual = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard actual == expected else {
            diagnostics.error(SourceLocation(path: file.path, line: header.line),
                              "falsche Kopfzeile „\(actual.joined(separator: ","))“; erwartet wird „\(expected.joined(separator: ","))“")
            return nil
        }
        var table = CSVTable()
        var ok = true
        for row in rows.dropFirst() {
            if row.fields.count != expected.count {
                diagnostics.error(SourceLocation(path: file.path, line: row.line),
                                  "Zeile hat \(row.fields.count) Felder, erwartet werden \(expected.count) (\(expected.joined(separator: ",")))")
                ok = false
                continue
            }
            table.rows.append(Row(fields: row.fields.map { $0.trimmingCharacters(in: .whitespaces) }, line: row.line))
        }
        return ok ? table : nil
    }
}
