import CStemmer

/// The language a search index is made for: how its text is folded, which words are stop words,
/// which Snowball stemmer makes its terms, and whether German compounds are split. German is the
/// site's index; English (spec v2, `languages: [de, en]`) is the index of the `/en/` search page,
/// and search-core.js picks the same rules from the index's `lang`.
package enum SearchLanguage: String, Sendable {
    case german = "de"
    case english = "en"

    /// libstemmer's name of the algorithm.
    var algorithm: String { self == .german ? "german" : "english" }

    /// German folds "ae", "oe", "ue" to the umlaut's letter (Buerger = Bürger); in English that
    /// would merge "blue" with "blu" and "does" with "dos", so only the letters themselves fold.
    package func fold(_ text: String) -> String { GermanText.fold(text, digraphs: self == .german) }

    package func tokenize(_ text: String) -> [String] {
        let stopwords = self.stopwords
        return GermanText.tokenize(folded: fold(text)).filter { !stopwords.contains($0) }
    }

    /// In the index's file names and its `lang`: nil for the site's own (German) index, whose
    /// names and content stay as they were before there was a second one.
    var marker: String? { self == .german ? nil : rawValue }

    package var stopwords: Set<String> { self == .german ? GermanText.stopwords : Self.englishStopwords }

    /// German words are split into known parts (Compounds); English compounds are written apart.
    var splitsCompounds: Bool { self == .german }

    /// Snowball's English stop word list (snowballstem.org, algorithms/english/stop.txt) without
    /// apostrophes (the tokenizer splits at them), plus filler words of questions, as in search-core.js.
    static let englishStopwords: Set<String> = Set("""
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she \
        her hers herself it its itself they them their theirs themselves what which who whom this that \
        these those am is are was were be been being have has had having do does did doing would should \
        could ought an the and but if or because as until while of at by for with about against between \
        into through during before after above below to from up down in out on off over under again \
        further then once here there when where why how all any both each few more most other some such \
        no nor not only own same so than too very can will just don shall may might must \
        need want get got please
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}

/// A Snowball stemmer from its own C library (libstemmer), with a cache. Not thread-safe: one per
/// index build.
package final class SnowballStemmer {
    private let stemmer: OpaquePointer
    private var cache: [String: String] = [:]

    package init(_ language: SearchLanguage = .german) {
        guard let s = sb_stemmer_new(language.algorithm, "UTF_8") else { fatalError("libstemmer has no \(language.algorithm) stemmer") }
        stemmer = s
    }

    deinit { sb_stemmer_delete(stemmer) }

    package func stem(_ word: String) -> String {
        if let hit = cache[word] { return hit }
        var utf8 = Array(word.utf8)
        let result: String = utf8.withUnsafeMutableBufferPointer { buffer in
            guard let out = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return word }
            return String(decoding: UnsafeBufferPointer(start: out, count: Int(sb_stemmer_length(stemmer))), as: UTF8.self)
        }
        cache[word] = result
        return result
    }
}
