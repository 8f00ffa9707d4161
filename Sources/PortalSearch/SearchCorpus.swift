import Foundation
import PortalModel
import PortalSupport

/// The search index's documents as tokens, and what each document adds to the postings. Kept in
/// the build cache: after a body edit only that document is tokenised again (`updateBody`), and
/// other documents only where one of their words is now split into different compound parts.
///
/// Compound parts depend on the set of *known* stems (stems of all tokens of at least
/// `Compounds.minPart` letters). When an edit adds or removes a known stem `k`, only words that
/// contain `k` can split differently: every test in `Compounds` asks whether the stem of a piece
/// of the word is known, and a German Snowball stem of a folded ASCII word is a prefix of that
/// word (`BodyEditPartsTests.stemsOfFoldedWordsArePrefixes` checks it on Tests/vectors/stemmer-de.tsv), so the piece contains `k`.
package struct SearchCorpus {
    package struct Doc {
        package var url: String
        /// Digests of everything but the body, and of the body (`fingerprint`); the first made
        /// from one of everything but body and summary (`restDigest`) and the summary.
        package var headDigest: String
        package var bodyDigest: String
        package var restDigest: String
        /// This document's entry in the index's `docs` list, as JSON.
        package var meta: String
        /// Title and keywords as written: elided compounds ("Organ- und Gewebespende") are
        /// completed from them.
        package var heads: [String]
        /// The heads folded, to find the ones an edit changes (their stop words are no tokens).
        package var foldedHeads: [UInt8]
        /// Tokens per field (stop words left out): the index's `lens`.
        package var lens: [Int32] = []
        /// Per field, its distinct token ids, each followed by how often it occurs. The order of
        /// tokens does not matter to the index, and this is half the size to keep.
        package var fields: [[Int32]]
        /// What the document adds to the postings: term ids, ascending, with five half-counts each.
        package var terms: [Int32] = []
        package var counts: [Int32] = []
    }

    package private(set) var docs: [Doc] = []
    private var tokenTable = StringTable()
    private var termTable = StringTable()
    private var tokens: [String] { tokenTable.strings }
    private var terms: [String] { termTable.strings }
    /// Term ids in the order of their UTF-8 bytes, the index's order; kept, as sorting all terms
    /// again took longer than a body edit's whole search update.
    private var order: [Int32] = []
    /// Known stem → number of documents with a token of that stem.
    private var known: [String: Int] = [:]
    private var synonyms: [(String, String)] = []
    /// The theme's thesaurus file, narrowed to the vocabulary when the files are written. Not
    /// kept in the build cache (it is the theme's, 1.9 MB): `attachThesaurus` puts it back.
    private var thesaurus = ""
    /// Digest of the synonym files and the thesaurus.
    private var synonymsDigest = ""
    /// Whether the corpus was made with a thesaurus; read back from the build cache without it.
    private var hasThesaurus = false
    /// The thesaurus files last made, with a digest of the vocabulary (and `synonymsDigest`) they
    /// were made for (`thesaurusFiles`).
    private var thesaurusMade: (vocabDigest: String, files: [(key: String, name: String, data: Data)])?
    /// German for the site's index (the only one kept in the build cache, so not coded there).
    package private(set) var language = SearchLanguage.german

    package static let fieldCount = 5

    /// Tokenises and analyses every document.
    /// - Parameter memo: tokens of documents whose texts are unchanged since an earlier build in this process.
    package init(_ input: SearchIndexBuilder.Input, language: SearchLanguage = .german, memo: ParseMemo? = nil) {
        self.language = language
        // An untranslated service is in the English index too, with other texts under its URL.
        let memoKey = language == .german ? "search:" : "search-\(language.rawValue):"
        let stemmer = SnowballStemmer(language)
        // A batch of documents at a time: their texts and tokens are dropped once they are ids
        // (all of them at once were the largest thing in memory at 2,000 services).
        let batch = 256
        for start in stride(from: 0, to: input.docs.count, by: batch) {
            let range = start..<min(start + batch, input.docs.count)
            let texts = range.map { SearchIndexBuilder.fieldTexts(input.docs[$0]) }
            // Folding and tokenising is over half of the work and pure: both cores.
            let tokenized = ParallelMap.map(Array(texts.indices)) { i -> [[String]] in
                let tokenize = { Tokens(fields: texts[i].map(language.tokenize)) }
                return (memo?.value(memoKey + input.docs[range.lowerBound + i].url, input: texts[i].joined(separator: "\u{1}"), make: tokenize) ?? tokenize()).fields
            }
            for (i, d) in range.enumerated() {
                let doc = input.docs[d], digests = Self.digests(doc)
                var entry = Doc(url: doc.url, headDigest: digests.head, bodyDigest: digests.body, restDigest: digests.rest, meta: Self.meta(doc),
                                heads: [texts[i][0], texts[i][1]], foldedHeads: Self.fold(texts[i][0], texts[i][1]), fields: [])
                entry.lens = tokenized[i].map { Int32($0.count) }
                entry.fields = tokenized[i].map { field in Self.bag(field.map { tokenID($0) }) }
                if language.splitsCompounds {
                    for stem in knownStems(entry.fields, stemmer) { known[stem, default: 0] += 1 }
                }
                docs.append(entry)
            }
        }
        synonyms = SearchIndexBuilder.mergeSynonyms(input.synonyms)
        thesaurus = language == .german ? input.thesaurus ?? "" : ""
        hasThesaurus = !thesaurus.isEmpty
        synonymsDigest = Self.digest(synonyms: input.synonyms, thesaurus: thesaurus)
        analyse(Array(docs.indices), stemmer: stemmer)
    }

    /// Everything the index is made from, for incremental builds: per document a digest of its
    /// body and one of the rest, so a body edit can update it without the other documents' texts.
    package var fingerprint: String {
        Self.fingerprint(docs.map { ($0.headDigest, $0.bodyDigest) }, synonyms: synonymsDigest)
    }

    package static func fingerprint(_ input: SearchIndexBuilder.Input) -> String {
        fingerprint(input.docs.map { let d = digests($0); return (d.head, d.body) }, synonyms: digest(synonyms: input.synonyms, thesaurus: input.lang == nil ? input.thesaurus ?? "" : ""))
    }

    private static func fingerprint(_ docs: [(head: String, body: String)], synonyms: String) -> String {
        var f = Fingerprint()
        f.add(SearchIndexBuilder.version)
        f.add(docs.count)
        for doc in docs { f.add(doc.head); f.add(doc.body) }
        f.add(synonyms)
        return f.hex
    }

    package static func digests(_ doc: SearchIndexBuilder.Doc) -> (head: String, body: String, rest: String) {
        var f = Fingerprint()
        for value in [doc.url, doc.kind, doc.title, doc.ozg_id, doc.themenfeld] { f.add(value) }
        f.add(doc.lebenslagen.count); doc.lebenslagen.forEach { f.add($0) }
        f.add(doc.keywords.count); doc.keywords.forEach { f.add($0) }
        let rest = f.hex
        return (headDigest(rest: rest, summary: doc.summary), bodyDigest(doc.sections), rest)
    }

    private static func headDigest(rest: String, summary: String) -> String {
        var f = Fingerprint()
        f.add(rest); f.add(summary)
        return f.hex
    }

    package static func bodyDigest(_ sections: [SearchIndexBuilder.Doc.Part]) -> String {
        var f = Fingerprint()
        f.add(sections.count); sections.forEach { f.add($0.title); f.add($0.text) }
        return f.hex
    }

    private static func digest(synonyms: [String], thesaurus: String) -> String {
        var f = Fingerprint()
        f.add(synonyms.count); synonyms.forEach { f.add($0) }
        if !thesaurus.isEmpty { f.add(thesaurus) }
        return f.hex
    }

    /// The document with this URL (`leistungen/<slug>/`).
    package func index(of url: String) -> Int? { docs.firstIndex { $0.url == url } }

    package static func fold(_ title: String, _ keywords: String) -> [UInt8] {
        Array(GermanText.fold(title + "\n" + keywords).utf8)
    }

    /// Distinct ids with their counts, by id.
    package static func bag(_ ids: [Int32]) -> [Int32] {
        var counts: [Int32: Int32] = [:]
        for id in ids { counts[id, default: 0] += 1 }
        return counts.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }
    }

    package static func tokenize(_ text: String) -> [String] { SearchLanguage.german.tokenize(text) }

    package static func meta(_ doc: SearchIndexBuilder.Doc) -> String {
        let values = [doc.url, doc.title, doc.themenfeld, SearchIndexBuilder.snippet(doc.summary), doc.ozg_id, doc.kind == "page" ? "page" : "service"]
        return "[" + values.map(JSONText.jsonString).joined(separator: ",") + "]"
    }

    private mutating func tokenID(_ token: String) -> Int32 { tokenTable.id(token) }
    private mutating func termID(_ term: String) -> Int32 { termTable.id(term) }

    private func knownStems(_ fields: [[Int32]], _ stemmer: SnowballStemmer) -> Set<String> {
        var stems: Set<String> = []
        for field in fields {
            for k in stride(from: 0, to: field.count, by: 2) where tokens[Int(field[k])].utf8.count >= Compounds.minPart {
                stems.insert(stemmer.stem(tokens[Int(field[k])]))
            }
        }
        return stems
    }

    /// Recomputes what the given documents add to the postings, with the current known stems.
    private mutating func analyse(_ indices: [Int], stemmer: SnowballStemmer) {
        let compounds = Compounds(known: Set(known.keys), stemmer: stemmer)
        // Per token: its stem's term id, then its compound parts' term ids.
        var analysis: [Int32: [Int32]] = [:]
        for d in indices {
            var sums: [Int32: SIMD8<Int32>] = [:]
            for f in 0..<Self.fieldCount {
                let field = docs[d].fields[f]
                for k in stride(from: 0, to: field.count, by: 2) {
                    let token = field[k], occurrences = field[k + 1]
                    let ids: [Int32]
                    if let known = analysis[token] {
                        ids = known
                    } else {
                        let t = tokens[Int(token)]
                        ids = [termID(stemmer.stem(t))] + (language.splitsCompounds ? compounds.compoundTerms(Array(t.utf8)).map { termID($0) } : [])
                        analysis[token] = ids
                    }
                    sums[ids[0], default: .zero][f] += 2 * occurrences
                    for part in ids.dropFirst() { sums[part, default: .zero][f] += occurrences }
                }
                guard f <= 1, language.splitsCompounds else { continue }
                for word in compounds.ellipsisWords(docs[d].heads[f]) where !GermanText.stopwords.contains(word) {
                    sums[termID(stemmer.stem(word)), default: .zero][f] += 1
                }
            }
            let sorted = sums.sorted { $0.key < $1.key }
            docs[d].terms = sorted.map(\.key)
            docs[d].counts = sorted.flatMap { pair in (0..<Self.fieldCount).map { pair.value[$0] } }
        }
        sortNewTerms()
    }

    private mutating func sortNewTerms() {
        guard order.count < terms.count else { return }
        func precedes(_ a: Int32, _ b: Int32) -> Bool { terms[Int(a)].utf8.lexicographicallyPrecedes(terms[Int(b)].utf8) }
        if terms.count - order.count > 64 {
            order = terms.indices.map { Int32($0) }.sorted(by: precedes)
            return
        }
        for id in Int32(order.count)..<Int32(terms.count) {
            var low = 0, high = order.count
            while low < high {
                let mid = (low + high) / 2
                if precedes(order[mid], id) { low = mid + 1 } else { high = mid }
            }
            order.insert(id, at: low)
        }
    }

    /// Replaces the body (sections) of document `d`, the field a body edit changes.
    package mutating func updateBody(_ d: Int, sections: [SearchIndexBuilder.Doc.Part]) {
        docs[d].bodyDigest = Self.bodyDigest(sections)
        update(d, field: 4, text: SearchIndexBuilder.bodyText(sections))
    }

    /// Replaces the summary of document `d` (its field and its snippet in `meta`); false if the
    /// meta entry is not what `meta` writes.
    package mutating func updateSummary(_ d: Int, summary: String) -> Bool {
        guard var values = try? JSONDecoder().decode([String].self, from: Data(docs[d].meta.utf8)), values.count == 6 else { return false }
        values[3] = SearchIndexBuilder.snippet(summary)
        docs[d].meta = "[" + values.map(JSONText.jsonString).joined(separator: ",") + "]"
        docs[d].headDigest = Self.headDigest(rest: docs[d].restDigest, summary: summary)
        update(d, field: 2, text: summary)
        return true
    }

    /// Tokenises `text` into `field` of document `d`, and analyses again what that changes: the
    /// document, and every one whose words split differently now that a stem came or went.
    private mutating func update(_ d: Int, field: Int, text: String) {
        let stemmer = SnowballStemmer()
        let before = knownStems(docs[d].fields, stemmer)
        let ids = Self.tokenize(text).map { tokenID($0) }
        docs[d].fields[field] = Self.bag(ids)
        docs[d].lens[field] = Int32(ids.count)
        let after = knownStems(docs[d].fields, stemmer)
        var changed: [String] = []
        for stem in before.subtracting(after) {
            known[stem]! -= 1
            if known[stem] == 0 { known[stem] = nil; changed.append(stem) }
        }
        for stem in after.subtracting(before) {
            if known[stem] == nil { changed.append(stem) }
            known[stem, default: 0] += 1
        }
        var affected: Set<Int> = [d]
        if !changed.isEmpty {
            let needles = changed.map { Array($0.utf8) }
            var splitsDifferently = [Bool](repeating: false, count: tokens.count)
            for (id, token) in tokens.enumerated() {
                let bytes = Array(token.utf8)
                splitsDifferently[id] = needles.contains { needle in bytes.count > needle.count && Self.contains(bytes, needle) }
            }
            for (i, doc) in docs.enumerated() {
                if doc.fields.contains(where: { field in stride(from: 0, to: field.count, by: 2).contains { splitsDifferently[Int(field[$0])] } })
                    || needles.contains(where: { Self.contains(doc.foldedHeads, $0) }) {
                    affected.insert(i)
                }
            }
        }
        analyse(affected.sorted(), stemmer: stemmer)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Gives a corpus read back from the build cache its thesaurus again: the theme's, which the
    /// quick rebuild knows to be the one the corpus was made with (the record's digest of the theme
    /// without its templates).
    package mutating func attachThesaurus(_ text: String?) {
        if hasThesaurus && language == .german { thesaurus = text ?? "" }
    }

    /// The thesaurus pairs of words this index does not hold, one file per first character of the
    /// key. They depend only on the vocabulary (and the thesaurus): the last ones are kept with
    /// the corpus and taken over while the vocabulary stays the same, as after most body edits
    /// (deriving them again took a fifth of such a quick rebuild).
    private mutating func thesaurusFiles(_ vocab: [String]) -> [(key: String, name: String, data: Data)] {
        if !hasThesaurus { return [] }
        var f = Fingerprint()
        f.add(synonymsDigest)
        f.add(vocab.count)
        vocab.forEach { f.add($0) }
        let vocabDigest = f.hex
        if let made = thesaurusMade, made.vocabDigest == vocabDigest { return made.files }
        var shards: [(key: String, text: String)] = []
        for (key, right) in Thesaurus.derive(thesaurus, terms: Set(vocab)) {
            let first = String(key.prefix(1))
            let pair = "[" + JSONText.jsonString(key) + "," + JSONText.jsonString(right) + "]"
            if shards.last?.key == first { shards[shards.count - 1].text += "," + pair } else { shards.append((first, "[" + pair)) }
        }
        let files = shards.map { shard -> (key: String, name: String, data: Data) in
            let data = Data((shard.text + "]").utf8)
            return (shard.key, Routes.searchShardName("thes-" + shard.key, data), data)
        }
        thesaurusMade = (vocabDigest, files)
        return files
    }

    /// The index files (format version 2, Tools/search/docs-input.schema.md).
    package mutating func files() -> SearchIndexBuilder.Files {
        // Postings by term as one flat list (counting sort): per term its (document, position of
        // the term in that document's `terms`) pairs, documents ascending.
        var start = [Int](repeating: 0, count: terms.count + 1)
        for doc in docs { for term in doc.terms { start[Int(term) + 1] += 1 } }
        for i in 0..<terms.count { start[i + 1] += start[i] }
        var fill = start
        var flatDoc = [Int32](repeating: 0, count: start[terms.count]), flatAt = flatDoc
        for (d, doc) in docs.enumerated() {
            for (i, term) in doc.terms.enumerated() {
                let slot = fill[Int(term)]
                flatDoc[slot] = Int32(d)
                flatAt[slot] = Int32(i)
                fill[Int(term)] = slot + 1
            }
        }
        var vocab: [String] = []
        // Shards are written as bytes: building a megabyte of JSON from small strings was the
        // larger part of a body edit's search update.
        var shards: [(key: String, text: [UInt8])] = []
        let fieldMax = Int32(SearchIndexBuilder.fieldMax)
        var list: [Int] = []
        for id in order {
            let range = start[Int(id)]..<start[Int(id) + 1]
            let common = range.count * SearchIndexBuilder.commonDivisor > docs.count
            list.removeAll(keepingCapacity: true)
            var last = 0
            for slot in range {
                let d = Int(flatDoc[slot]), at = Int(flatAt[slot]) * Self.fieldCount
                let code: Int? = docs[d].counts.withUnsafeBufferPointer { h in
                    if common && h[at] == 0 && h[at + 1] == 0 { return nil }
                    var code = 0
                    for f in 0..<Self.fieldCount { code = code * Int(fieldMax + 1) + Int(min(h[at + f], fieldMax)) }
                    return code
                }
                guard let code else { continue }
                list.append(d - last)
                list.append(code)
                last = d
            }
            if list.isEmpty { continue }
            let term = terms[Int(id)]
            let key = String(term.prefix(1))
            if shards.last?.key != key {
                if !shards.isEmpty { shards[shards.count - 1].text.append(UInt8(ascii: "}")) }
                shards.append((key, [UInt8(ascii: "{")]))
            } else {
                shards[shards.count - 1].text.append(UInt8(ascii: ","))
            }
            shards[shards.count - 1].text.append(contentsOf: JSONText.jsonString(term).utf8)
            shards[shards.count - 1].text.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: "[")])
            for (i, n) in list.enumerated() {
                if i > 0 { shards[shards.count - 1].text.append(UInt8(ascii: ",")) }
                Self.appendDecimal(n, to: &shards[shards.count - 1].text)
            }
            shards[shards.count - 1].text.append(UInt8(ascii: "]"))
            vocab.append(term)
        }
        if !shards.isEmpty { shards[shards.count - 1].text.append(UInt8(ascii: "}")) }

        let jsonString = JSONText.jsonString
        let thesaurusFiles = thesaurusFiles(vocab)
        let shardFiles = shards.map { shard -> (key: String, name: String, data: Data) in
            let data = Data(shard.text)
            return (shard.key, Routes.searchShardName(shard.key, data, language: language.marker), data)
        }
        var main = "{\"v\":\(SearchIndexBuilder.version)"
        // The German index has no `lang` (search-core.js reads its absence as German).
        if let marker = language.marker { main += ",\"lang\":" + jsonString(marker) }
        main += ",\"docs\":[" + docs.map(\.meta).joined(separator: ",") + "]"
        main += ",\"lens\":[" + docs.map { "[" + $0.lens.map { String($0) }.joined(separator: ",") + "]" }.joined(separator: ",") + "]"
        main += ",\"syn\":[" + synonyms.map { "[" + jsonString($0.0) + "," + jsonString($0.1) + "]" }.joined(separator: ",") + "]"
        main += ",\"vocab\":" + jsonString(SearchIndexBuilder.encodeVocab(vocab))
        main += ",\"shards\":{" + shardFiles.map { jsonString($0.key) + ":" + jsonString($0.name) }.joined(separator: ",") + "}"
        if !thesaurusFiles.isEmpty {
            main += ",\"thes\":{" + thesaurusFiles.map { jsonString($0.key) + ":" + jsonString($0.name) }.joined(separator: ",") + "}"
        }
        main += "}"
        return SearchIndexBuilder.Files(main: Data(main.utf8), shards: (shardFiles + thesaurusFiles).map { ($0.name, $0.data) }, language: language.marker)
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")); appendDecimal(-value, to: &out); return }
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}

extension SearchCorpus {
    package func write(into w: inout BinaryWriter) {
        w.strings(tokens)
        w.strings(terms)
        w.int32s(order)
        w.int(known.count)
        for (stem, n) in known { w.string(stem); w.int(n) }
        w.int(synonyms.count)
        for (a, b) in synonyms { w.string(a); w.string(b) }
        w.bool(hasThesaurus)
        w.string(synonymsDigest)
        w.string(thesaurusMade?.vocabDigest ?? "")
        w.int(thesaurusMade?.files.count ?? 0)
        for file in thesaurusMade?.files ?? [] { w.string(file.key); w.string(file.name); w.bytes(Array(file.data)) }
        w.int(docs.count)
        for doc in docs {
            w.string(doc.url); w.string(doc.headDigest); w.string(doc.bodyDigest); w.string(doc.restDigest)
            w.string(doc.meta)
            w.strings(doc.heads)
            w.bytes(doc.foldedHeads)
            w.int32s(doc.lens)
            for field in doc.fields { w.int32s(field) }
            w.int32s(doc.terms)
            w.int32s(doc.counts)
        }
    }

    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        tokenTable = StringTable(try r.strings())
        termTable = StringTable(try r.strings())
        order = try r.int32s()
        guard order.count == terms.count, order.allSatisfy({ $0 >= 0 && Int($0) < terms.count }) else { throw BinaryReader.Corrupt() }
        let knownCount = try r.count()
        known.reserveCapacity(knownCount)
        for _ in 0..<knownCount { known[try r.string()] = try r.int() }
        for _ in 0..<(try r.count()) { synonyms.append((try r.string(), try r.string())) }
        hasThesaurus = try r.bool()
        synonymsDigest = try r.string()
        let madeFor = try r.string()
        var made: [(key: String, name: String, data: Data)] = []
        for _ in 0..<(try r.count()) { made.append((try r.string(), try r.string(), Data(try r.bytes()))) }
        if !madeFor.isEmpty { thesaurusMade = (madeFor, made) }
        let docCount = try r.count()
        docs.reserveCapacity(docCount)
        func ids(_ values: [Int32], below limit: Int) throws(BinaryReader.Corrupt) -> [Int32] {
            guard values.allSatisfy({ $0 >= 0 && Int($0) < limit }) else { throw BinaryReader.Corrupt() }
            return values
        }
        for _ in 0..<docCount {
            var doc = Doc(url: try r.string(), headDigest: try r.string(), bodyDigest: try r.string(), restDigest: try r.string(), meta: try r.string(), heads: try r.strings(), foldedHeads: try r.bytes(), fields: [])
            guard doc.heads.count == 2 else { throw BinaryReader.Corrupt() }
            doc.lens = try r.int32s()
            guard doc.lens.count == Self.fieldCount else { throw BinaryReader.Corrupt() }
            for _ in 0..<Self.fieldCount {
                let field = try r.int32s()
                guard field.count % 2 == 0, stride(from: 0, to: field.count, by: 2).allSatisfy({ field[$0] >= 0 && Int(field[$0]) < tokens.count }) else {
                    throw BinaryReader.Corrupt()
                }
                doc.fields.append(field)
            }
            doc.terms = try ids(try r.int32s(), below: terms.count)
            doc.counts = try r.int32s()
            guard doc.counts.count == doc.terms.count * Self.fieldCount else { throw BinaryReader.Corrupt() }
            docs.append(doc)
        }
    }
}

/// Strings numbered in the order they were first seen.
private struct StringTable {
    package private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    package init(_ strings: [String] = []) {
        self.strings = strings
        ids.reserveCapacity(strings.count)
        for (i, s) in strings.enumerated() { ids[s] = Int32(i) }
    }

    package mutating func id(_ string: String) -> Int32 {
        if let id = ids[string] { return id }
        let id = Int32(strings.count)
        strings.append(string)
        ids[string] = id
        return id
    }
}

/// A document's tokens per field, kept by `ParseMemo` between builds: folding and tokenising is
/// over half of the search index's work.
struct Tokens: BinaryCodable {
    var fields: [[String]]

    init(fields: [[String]]) { self.fields = fields }

    init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let n = try r.count()
        fields = []
        fields.reserveCapacity(n)
        for _ in 0..<n { fields.append(try r.strings()) }
    }

    func write(into w: inout BinaryWriter) {
        w.int(fields.count)
        for field in fields { w.strings(field) }
    }
}
