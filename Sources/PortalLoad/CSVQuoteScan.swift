import PortalSupport

extension CSVTable {
    /// One pass over the bytes of a CSV file, before CSV.swift parses it: finds the first misplaced
    /// or unclosed quote (RFC 4180: a quote opens a field, closes it before a comma or line end, or
    /// is doubled inside it), and cuts the file into pieces at line ends outside quotes, which are
    /// then parsed in parallel and kept in the parse memo one by one. A piece ends after a line
    /// whose bytes hash to a multiple of 2,048 (about 90 KB of rules), once it has 16 KB, or at
    /// 256 KB: the cuts depend on the lines near them, not on where the file starts, so after an
    /// edit to one row the other pieces are the same texts as before and their parses are taken
    /// over. It does not split fields; that is the parser's.
    struct QuoteScan {
        struct Problem {
            var line: Int
            var column: Int
            var message: String
        }

        var pieces: [(text: String, firstLine: Int)] = []
        var problem: Problem?

        init(_ text: String, least: Int = 16 << 10, most: Int = 256 << 10) {
            let bytes = Array(text.utf8)
            let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
            enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
            var state = State.fieldStart
            var line = 1, column = 0, start = 0, startLine = 1
            var opened = (line: 1, column: 1)
            // FNV-1a of the current line's bytes.
            var lineHash: UInt32 = 2_166_136_261
            for (i, byte) in bytes.enumerated() {
                lineHash = (lineHash ^ UInt32(byte)) &* 16_777_619
                // Columns count characters, not bytes: UTF-8 continuation bytes do not advance.
                if byte & 0xC0 != 0x80 { column += 1 }
                switch state {
                case .fieldStart, .unquoted:
                    if byte == quote {
                        guard state == .fieldStart else {
                            problem = Problem(line: line, column: column, message: "CSV: Anführungszeichen mitten in einem Feld; ein Feld mit Anführungszeichen steht ganz in Anführungszeichen, und jedes Anführungszeichen darin wird verdoppelt: \"\"")
                            return
                        }
                        state = .quoted
                        opened = (line, column)
                    } else {
                        state = (byte == comma || byte == lf || byte == cr) ? .fieldStart : .unquoted
                    }
                case .quoted:
                    if byte == quote { state = .quoteInQuoted }
                case .quoteInQuoted:
                    if byte == quote {
                        state = .quoted
                    } else if byte == comma || byte == lf || byte == cr {
                        state = .fieldStart
                    } else {
                        problem = Problem(line: line, column: column, message: "CSV: nach dem schließenden Anführungszeichen muss ein Komma oder das Zeilenende folgen; ein Anführungszeichen im Feld wird verdoppelt: \"\"")
                        return
                    }
                }
                guard byte == lf else { continue }
                line += 1
                column = 0
                let size = i + 1 - start, cut = (lineHash % 2_048 == 0 && size >= least) || size >= most
                lineHash = 2_166_136_261
                if state == .fieldStart, cut, i + 1 < bytes.count {
                    pieces.append((String(decoding: bytes[start...i], as: UTF8.self), startLine))
                    start = i + 1
                    startLine = line
                }
            }
            if state == .quoted {
                problem = Problem(line: opened.line, column: opened.column, message: "CSV: ein Anführungszeichen wird nicht geschlossen")
                return
            }
            pieces.append((String(decoding: bytes[start...], as: UTF8.self), startLine))
        }
    }

    /// The column (in characters) where field `index` of the row starting on `line` begins, for
    /// `path:line:column` diagnostics; only called when there is something to report.
    package static func column(ofField index: Int, line: Int, in text: String) -> Int {
        var current = 1, field = 0, column = 1, quoted = false
        for c in text {
            if current < line {
                if c == "\n" || c == "\r\n" { current += 1 }
                continue
            }
            if field == index || c == "\n" || c == "\r\n" { break }
            if c == "\"" { quoted.toggle() } else if c == ",", !quoted { field += 1 }
            column += 1
        }
        return field == index ? column : 1
    }
}
