import Foundation
import PortalModel
import PortalSupport
import SwiftCSV

/// A CSV file (RFC 4180, comma separated, header row) parsed by SwiftCSV, with line numbers per row.
package struct CSVTable {
    package struct Row {
        package var fields: [String]
        package var line: Int
    }

    package var rows: [Row] = []

    /// Parses `file` and checks its header and row widths; nil when the file cannot be used at all.
    /// Large files are cut at line ends outside quotes and the pieces parsed in parallel.
    package static func parse(_ file: SourceFile, header expected: [String], memo: ParseMemo?, into diagnostics: inout Diagnostics) -> CSVTable? {
        guard let memo else { return parse(file, header: expected, into: &diagnostics) }
        let parsed = memo.value("csv:" + file.path + ":" + expected.joined(separator: ","), input: file.text) { () -> Parsed<CSVTable> in
            var local = Diagnostics()
            return Parsed(parse(file, header: expected, into: &local), local)
        }
        diagnostics.append(contentsOf: parsed.diagnostics)
        return parsed.value
    }

    package static func parse(_ file: SourceFile, header expected: [String], into diagnostics: inout Diagnostics) -> CSVTable? {
        let pieces = split(file.text)
        let parsed = ParallelMap.map(pieces) { piece -> (rows: [Row], failedAt: Int?) in
            var rows: [Row] = []
            var line = piece.firstLine
            do {
                try CSV<Enumerated>(string: piece.text, delimiter: .comma, loadColumns: false).enumerateAsArray(startAt: 0, rowLimit: nil) { fields in
                    // Blank lines come through as one empty field; skip them but count their line.
                    if !(fields.count == 1 && fields[0].isEmpty) {
                        rows.append(Row(fields: fields, line: line))
                    }
                    line += 1
                    for field in fields where field.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                        line += field.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }
                    }
                }
                return (rows, nil)
            } catch {
                return (rows, line)
            }
        }
        if let line = parsed.lazy.compactMap(\.failedAt).first {
            diagnostics.error(SourceLocation(path: file.path, line: line), "CSV kann nicht gelesen werden: Anführungszeichen mitten in einem Feld (Anführungszeichen in Feldern werden verdoppelt: \"\")")
            return nil
        }
        let rows = parsed.flatMap(\.rows)
        // SwiftCSV ends silently inside an unclosed quote; an odd number of quotes gives it away.
        if file.text.utf8.reduce(0, { $0 + ($1 == UInt8(ascii: "\"") ? 1 : 0) }) % 2 == 1 {
            let start = rows.last(where: { row in row.fields.contains { $0.contains(where: \.isNewline) } })?.line ?? rows.last?.line ?? 1
            diagnostics.error(SourceLocation(path: file.path, line: start), "CSV: ein Anführungszeichen wird nicht geschlossen")
            return nil
        }
        guard let header = rows.first else {
            diagnostics.error(SourceLocation(path: file.path), "CSV-Datei ist leer; erwartet wird die Kopfzeile „\(expected.joined(separator: ","))“")
            return nil
        }
        let actual = header.fields.map(trimmingSpaces)
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
            table.rows.append(Row(fields: row.fields.map(trimmingSpaces), line: row.line))
        }
        return ok ? table : nil
    }

    /// Pieces of about 256 KB that end at a line end outside quotes, each with its first line number.
    package static func split(_ text: String) -> [(text: String, firstLine: Int)] {
        let bytes = Array(text.utf8)
        let target = 256 << 10
        guard bytes.count > 2 * target else { return [(text, 1)] }
        var pieces: [(String, Int)] = []
        var start = 0, line = 1, startLine = 1, quoted = false
        for (i, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            guard byte == 0x0A else { continue }
            line += 1
            if !quoted, i + 1 - start >= target, i + 1 < bytes.count {
                pieces.append((String(decoding: bytes[start...i], as: UTF8.self), startLine))
                start = i + 1
                startLine = line
            }
        }
        pieces.append((String(decoding: bytes[start...], as: UTF8.self), startLine))
        return pieces
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
