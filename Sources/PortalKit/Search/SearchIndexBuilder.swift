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
            doc.sections.filter { !skippedSections.contains($0.title.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()) }
                .map(\.text).joined(separator: " "),
        ]
    }

    /// - Parameter memo: tokens of documents whose texts are unchanged since an earlier build in this process.
    static func build(_ input: Input, memo: ParseMemo? = nil) -> Files {
        let stemmer = GermanStemmer()
        let texts = input.docs.map(fieldTexts)
        // Folding and tokenising is over half of the work and pure: both cores.
        let urls = input.docs.map(\.url)
        let tokens = ParallelMap.map(Array(texts.indices)) { d -> [[String]] in
            let tokenize = { texts[d].map { GermanText.tokenize($0).filter { !GermanText.stopwords.contains($0) } } }
            return memo?.value("search:" + urls[d], input: texts[d].joined(separator: "\u{1}"), make: tokenize) ?? tokenize()
        }
        var known: Set<String> = []
        for fields in tokens { for field in fields { for t in field where t.utf8.count >= Compounds.minPart { known.insert(stemmer.stem(t)) } } }
        let compounds = Compounds(known: known, stemmer: stemmer)

        // term → per document (in document order, as documents are added in order) its
        // half-counts per field
        var postings: [String: [Posting]] = [:]
        func add(_ term: String, _ d: Int, _ f: Int, _ amount: Int) {
            postings[term, default: []].add(doc: d, field: f, amount: amount)
        }
        var compoundCache: [String: [String]] = [:]
        var lens: [[Int]] = []
        for d in input.docs.indices {
            lens.append(tokens[d].map(\.count))
            for f in 0..<5 {
                for t in tokens[d][f] {
                    add(stemmer.stem(t), d, f, 2)
                    if compoundCache[t] == nil { compoundCache[t] = compounds.compoundTerms(Array(t.utf8)) }
                    for part in compoundCache[t]! { add(part, d, f, 1) }
                }
                guard f <= 1 else { continue }
                for word in compounds.ellipsisWords(texts[d][f]) where !GermanText.stopwords.contains(word) {
                    add(stemmer.stem(word), d, f, 1)
                }
            }
        }

        var vocab: [String] = []
        var shards: [(key: String, entries: [(String, [Int])])] = []
        for (term, perDoc) in postings.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            let common = perDoc.count * commonDivisor > input.docs.count
            var list: [Int] = []
            var last = 0
            for posting in perDoc {
                let h = posting.counts
                if common && h[0] == 0 && h[1] == 0 { continue }
                var code = 0
                for f in 0..<5 { code = code * (fieldMax + 1) + min(h[f], fieldMax) }
                list.append(posting.doc - last)
                list.append(code)
                last = posting.doc
            }
            if list.isEmpty { continue }
            let key = String(term.prefix(1))
            if shards.last?.key != key { shards.append((key, [])) }
            shards[shards.count - 1].entries.append((term, list))
            vocab.append(term)
        }

        let shardFiles = shards.map { shard -> (key: String, name: String, text: String) in
            let text = "{" + shard.entries.map { jsonString($0.0) + ":[" + $0.1.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "}"
            return (shard.key, "suche-\(shard.key).\(AssetNames.hash(Data(text.utf8))).json", text)
        }
        let docs = input.docs.map { doc in
            [doc.url, doc.title, doc.themenfeld, snippet(doc.summary), doc.ozg_id, doc.kind == "page" ? "page" : "service"]
        }
        var main = "{\"v\":\(version)"
        main += ",\"docs\":[" + docs.map { "[" + $0.map(jsonString).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        main += ",\"lens\":[" + lens.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        main += ",\"syn\":[" + mergeSynonyms(input.synonyms).map { "[" + jsonString($0.0) + "," + jsonString($0.1) + "]" }.joined(separator: ",") + "]"
        main += ",\"vocab\":" + jsonString(encodeVocab(vocab))
        main += ",\"shards\":{" + shardFiles.map { jsonString($0.key) + ":" + jsonString($0.name) }.joined(separator: ",") + "}}"
        return Files(main: Data(main.utf8), shards: shardFiles.map { ($0.name, Data($0.text.utf8)) })
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

/// One document's half-counts of a term in the five fields.
struct Posting {
    var doc: Int
    var counts = SIMD8<Int>()
}

extension Array where Element == Posting {
    /// Adds to the last posting if it is this document's, else starts one: documents come in order.
    mutating func add(doc: Int, field: Int, amount: Int) {
        if let i = indices.last, self[i].doc == doc {
            self[i].counts[field] += amount
        } else {
            var posting = Posting(doc: doc)
            posting.counts[field] = amount
            append(posting)
        }
    }
}
