import Foundation
import PortalSupport

/// Builds the static search index (format version 2, Tools/search/docs-input.schema.md) — a port
/// of `buildIndex`/`serializeIndex` in Templates/assets/search-core.js that produces the same
/// bytes (Tests/vectors/search-index/ pins it down). The browser only folds, stems and looks up
/// the query; everything else happens here, once per build.
package struct SearchIndexBuilder {
    package struct Doc: Codable {
        package struct Part: Codable {
            package var title: String
            package var text: String

            package init(title: String, text: String) {
                self.title = title
                self.text = text
            }
        }
        package var url: String
        package var kind: String
        package var title: String
        package var ozg_id: String
        package var themenfeld: String
        package var lebenslagen: [String]
        package var keywords: [String]
        package var summary: String
        package var sections: [Part]

        package init(url: String, kind: String, title: String, ozg_id: String, themenfeld: String, lebenslagen: [String], keywords: [String], summary: String, sections: [Part]) {
            self.url = url
            self.kind = kind
            self.title = title
            self.ozg_id = ozg_id
            self.themenfeld = themenfeld
            self.lebenslagen = lebenslagen
            self.keywords = keywords
            self.summary = summary
            self.sections = sections
        }
    }

    package struct Input: Codable {
        package var docs: [Doc]
        package var synonyms: [String]
        /// The index's language, if not German (`"en"`, spec v2); written into the index as `lang`.
        package var lang: String?
        /// The theme's `search/thesaurus.txt` (German only; `Thesaurus`), if any.
        package var thesaurus: String?

        package init(docs: [Doc], synonyms: [String], lang: String? = nil, thesaurus: String? = nil) {
            self.docs = docs
            self.synonyms = synonyms
            self.lang = lang
            self.thesaurus = thesaurus
        }
    }

    /// The index files: the main file's bytes and each shard's file name and bytes.
    package struct Files {
        package var main: Data
        package var shards: [(name: String, data: Data)]
        /// The index's language where it is not the site's (it is in the file names).
        package var language: String?

        package init(main: Data, shards: [(name: String, data: Data)], language: String? = nil) {
            self.main = main
            self.shards = shards
            self.language = language
        }
    }

    package static let version = 2
    package static let fieldMax = 7
    package static let snippetMax = 200
    package static let commonDivisor = 5
    package static let skippedSections: Set<String> = ["rechtsgrundlage", "rechtsgrundlagen"]

    package static func fieldTexts(_ doc: Doc) -> [String] {
        [
            doc.title,
            doc.keywords.joined(separator: " "),
            doc.summary,
            ([doc.themenfeld] + doc.lebenslagen).joined(separator: " "),
            bodyText(doc.sections),
        ]
    }

    /// The last field: the sections' texts, without the legal references.
    package static func bodyText(_ sections: [Doc.Part]) -> String {
        sections.filter { !skippedSections.contains($0.title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) }
            .map(\.text).joined(separator: " ")
    }

    /// - Parameter memo: tokens of documents whose texts are unchanged since an earlier build in this process.
    package static func build(_ input: Input, memo: ParseMemo? = nil) -> Files {
        var corpus = SearchCorpus(input, language: input.lang.flatMap(SearchLanguage.init(rawValue:)) ?? .german, memo: memo)
        return corpus.files()
    }

    /// Whitespace collapsed; cut to at most 200 code points at a space, with " …" when cut.
    package static func snippet(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let scalars = Array(flat.unicodeScalars)
        guard scalars.count > snippetMax else { return flat }
        var cut = String(String.UnicodeScalarView(scalars[0..<(snippetMax - 2)]))
        if let space = cut.lastIndex(of: " "), space != cut.startIndex { cut = String(cut[..<space]) }
        return cut + " …"
    }

    /// `left = right` lines; `#` comments; later files replace keys, an empty right side removes one.
    package static func mergeSynonyms(_ texts: [String]) -> [(String, String)] {
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
    package static func encodeVocab(_ vocab: [String]) -> String {
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

}
