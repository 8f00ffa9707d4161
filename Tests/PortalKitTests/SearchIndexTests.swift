import Foundation
@testable import PortalSearch
import Testing

/// The Swift index builder must produce the same bytes as the JavaScript reference, and its
/// normalisation must match the vectors generated from Snowball's C library.
@Suite struct SearchIndexTests {
    static let vectors = repositoryRoot.appendingPathComponent("Tests/vectors")

    static func lines(_ name: String) throws -> [[String]] {
        try String(contentsOf: vectors.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func stemmerMatchesSnowballVectors() throws {
        let stemmer = SnowballStemmer()
        let rows = try Self.lines("stemmer-de.tsv")
        #expect(rows.count > 3000)
        let wrong = rows.filter { stemmer.stem($0[0]) != $0[1] }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test func foldTokenizeAndTermsMatchVectors() throws {
        let stemmer = SnowballStemmer()
        let rows = try Self.lines("fold-de.tsv")
        #expect(rows.count > 100)
        for row in rows where row.count >= 4 {
            #expect(GermanText.fold(row[0]) == row[1], "fold \(row[0])")
            let tokens = GermanText.tokenize(row[0])
            #expect(tokens.joined(separator: " ") == row[2], "tokens \(row[0])")
            let terms = tokens.filter { !GermanText.stopwords.contains($0) }.map(stemmer.stem)
            #expect(terms.joined(separator: " ") == row[3], "terms \(row[0])")
        }
    }

    @Test func indexIsByteIdenticalToTheReference() throws {
        let dir = Self.vectors.appendingPathComponent("search-index")
        let input = try JSONDecoder().decode(SearchIndexBuilder.Input.self, from: Data(contentsOf: dir.appendingPathComponent("docs.json")))
        let files = SearchIndexBuilder.build(input)
        let expectedMain = try Data(contentsOf: dir.appendingPathComponent("index.json"))
        #expect(files.main == expectedMain, "main differs:\n\(String(decoding: files.main.prefix(400), as: UTF8.self))")
        let expectedShards = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("suche-") }.sorted()
        #expect(files.shards.map(\.name).sorted() == expectedShards)
        for shard in files.shards {
            let expected = try Data(contentsOf: dir.appendingPathComponent(shard.name))
            #expect(shard.data == expected, "\(shard.name)")
        }
    }

    @Test func foldsPlainTextByTableAsTheGeneralPathDoes() {
        // Text of Latin letters, punctuation and currency signs is folded by table (no NFC pass,
        // lowercase per scalar); a scalar outside those ranges sends the whole text through
        // Foundation's NFC and String.lowercased(). A noncharacter at the end forces that path
        // and folds to itself, so both paths must agree on everything before it.
        let other = "\u{10FFFF}"
        var samples = (Array(0x20..<0x300) + Array(0x2002..<0x2070) + Array(0x20A0..<0x20C1)).compactMap { Unicode.Scalar(UInt32($0)).map { "A" + String($0) + "e" } }
        samples += ["Straße ÄRGER Äe Œuvre Ærø „Bürger“ – Grüße 5 € · İstanbul Ǆemal ǅ Ǳ ſ µ ÿ Ÿ", "QUELLE Quelle BAUER Sorgeerklaerung"]
        var generator = SystemRandomNumberGenerator()
        let pool = Array("aeouqAEOUäöüÄÖÜßẞéÉçÇİıŁłǄǅǆÆæŒœÿŸ„“–€ ".unicodeScalars)
        for _ in 0..<2000 { samples.append(String(String.UnicodeScalarView((0..<12).map { _ in pool.randomElement(using: &generator)! }))) }
        for text in samples {
            #expect(GermanText.fold(text) + other == GermanText.fold(text + other), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func thesaurusPairsEqualTheSharedVectors() throws {
        struct Vectors: Decodable { var text: String; var vocab: [String]; var pairs: [[String]] }
        let v = try JSONDecoder().decode(Vectors.self, from: Data(contentsOf: Self.vectors.appendingPathComponent("thesaurus.json")))
        let vocab = Set(v.vocab)
        let pairs = Thesaurus.derive(v.text, terms: vocab)
        #expect(pairs.map { [$0.0, $0.1] } == v.pairs)
    }

    @Test func theEnglishIndexHasNoThesaurus() {
        let doc = SearchIndexBuilder.Doc(url: "a/", kind: "service", title: "Dog licence", ozg_id: "1", themenfeld: "", lebenslagen: [], keywords: [], summary: "", sections: [])
        let thesaurus = "dog/dog;wauwau/wauwau\n"
        let german = SearchIndexBuilder.build(.init(docs: [doc], synonyms: [], thesaurus: thesaurus))
        let english = SearchIndexBuilder.build(.init(docs: [doc], synonyms: [], lang: "en", thesaurus: thesaurus))
        #expect(String(decoding: german.main, as: UTF8.self).contains("\"thes\":{\"w\":\"suche-thes-w."))
        #expect(german.shards.contains { $0.name.hasPrefix("suche-thes-w.") && String(decoding: $0.data, as: UTF8.self) == "[[\"wauwau\",\"dog\"]]" })
        #expect(!String(decoding: english.main, as: UTF8.self).contains("\"thes\""))
        #expect(!english.shards.contains { $0.name.contains("thes") })
    }

    @Test func englishIndexIsByteIdenticalToTheReference() throws {
        // Four English service texts and three services by their German titles (spec v2): the
        // English stemmer, no ae/oe/ue folding, no compound parts, `lang` and the names with "en".
        let dir = Self.vectors.appendingPathComponent("search-index-en")
        let input = try JSONDecoder().decode(SearchIndexBuilder.Input.self, from: Data(contentsOf: dir.appendingPathComponent("docs.json")))
        #expect(input.lang == "en")
        let files = SearchIndexBuilder.build(input)
        let expectedMain = try Data(contentsOf: dir.appendingPathComponent("index.json"))
        #expect(files.main == expectedMain, "main differs:\n\(String(decoding: files.main.prefix(400), as: UTF8.self))")
        let expectedShards = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("suche-en-") }.sorted()
        #expect(!expectedShards.isEmpty && files.shards.map(\.name).sorted() == expectedShards)
        for shard in files.shards {
            #expect(shard.data == (try Data(contentsOf: dir.appendingPathComponent(shard.name))), "\(shard.name)")
        }
    }

    @Test func englishTextKeepsItsVowelPairsAndUsesTheEnglishStemmer() {
        #expect(SearchLanguage.english.tokenize("The blue Führerschein does it") == ["blue", "fuhrerschein"])
        #expect(SearchLanguage.german.tokenize("Bürger Buerger blue") == ["burger", "burger", "blu"])
        let english = SnowballStemmer(.english)
        #expect(english.stem("licences") == "licenc" && english.stem("registering") == "regist")
    }

    @Test func compoundPartsAreIndexed() {
        let stemmer = SnowballStemmer()
        let known: Set<String> = Set(["personal", "ausweis", "hund", "steuer", "fuhrung", "zeugnis"].map(stemmer.stem))
        let compounds = Compounds(known: known, stemmer: stemmer)
        #expect(compounds.compoundTerms(Array("personalausweis".utf8)).contains(stemmer.stem("ausweis")))
        #expect(compounds.compoundTerms(Array("hundesteuer".utf8)).contains(stemmer.stem("hund")))
        #expect(compounds.compoundTerms(Array("fuhrungszeugnis".utf8)).contains(stemmer.stem("zeugnis")))
    }
}
