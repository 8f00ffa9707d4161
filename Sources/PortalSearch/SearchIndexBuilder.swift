import Foundation

/// Builds the static search index (format version 2, Tools/search/docs-input.schema.md) — a port
/// of `buildIndex`/`serializeIndex` in Templates/assets/search-core.js that produces the same
/// bytes (Tests/vectors/search-index/ pins it down). The browser only folds, stems and looks up
/// the query; everything else happens here, once per build.
struct SearchIndexBuilder {
    struct Doc: Decodable {
        struct Part: Decodable {
            var title: String
            var text: String
        }
        var url: String
        var kind: String
        var title: String
        var ozg_id: String
        var themenfeld: String
        var lebenslagen: [String]
        var keywords: [String]
        var summary: String
        var sections: [Part]
    }

    struct Input: Decodable {
        var docs: [Doc]
        var synonyms: [String]
    }

    /// The index files: the main file's bytes and each shard's file name and bytes.
    struct Files {
        var main: Data
        var shards: [(name: String, data: Data)]
    }

    static let version = 2
    static let fieldMax = 7
    static let snippetMax = 200
    static let commonDivisor = 5
    static let skippedSections: Set<String> = ["rechtsgrundlage", "rechtsgrundlagen"]

    static func fieldTexts(_ doc: Doc) -> [String] {
        [
            doc.title,
            doc.keywords.joined(separator: " "),
            doc.summary,
            ([doc.themenfeld] + doc.lebenslagen).joined(separator: " "),
            bodyText(doc.sections),
        ]
    }

    /// The last field: the sections' texts, without the legal references.
    static func bodyText(_ sections: [Doc.Part]) -> String {
        sections.filter { !skippedSections.contains($0.title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) }
            .map(\.text).joined(separator: " ")
    }

    /// - Parameter memo: tokens of documents whose texts are unchanged since an earlier build in this process.
    static func build(_ input: Input, memo: ParseMemo? = nil) -> Files {
        SearchCorpus(input, memo: memo).files()
    }

    /// Whitespace collapsed; cut to at most 200 code points at a space, with " …" when cut.
    static func snippet(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let scalars = Array(flat.unicodeScalars)
        guard scalars.count > snippetMax else { return flat }
        var cut = String(String.UnicodeScalarView(scalars[0..<(snippetMax - 2)]))
        if let space = cut.lastIndex(of: " "), space != cut.startIndex { cut = String(cut[..<space]) }
        return cut + " …"
    }

    /// `left = right` lines; `#` comments; later files replace keys, an empty right side removes one.
    static func mergeSynonyms(_ texts: [String]) -> [(String, String)] {
        var map: [String: String] = [:]
        for text in texts {
            for raw in text.components(separatedBy: CharacterSet(charactersIn: "\r\n")) {
                let line = raw.trimmingCharacters(in: .whitespaces)
                guard !line.isEmpty, !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
                let key = GermanText.tokenize(String(line[..<eq])).joined(separator: " ")
                guard !key.isEmpty else { continue }
                let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                map[key] = value.isEmpty ? nil : value
            }
        }
        return map.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    }

    /// Front-coded terms: a capital letter for the shared prefix length (A = 0 … Z = 25), then the rest.
    static func encodeVocab(_ vocab: [String]) -> String {
        var out = ""
        var previous: [UInt8] = []
        for term in vocab {
            let t = Array(term.utf8)
            var n = 0
            while n < 25 && n < previous.count && n < t.count && previous[n] == t[n] { n += 1 }
            out.unicodeScalars.append(Unicode.Scalar(UInt8(65 + n)))
            out += String(decoding: t[n...], as: UTF8.self)
            previous = t
        }
        return out
    }

    /// JSON string with only `"`, `\` and control characters escaped (lowercase hex), as in search-core.js.
    static func jsonString(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
