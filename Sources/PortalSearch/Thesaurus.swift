/// The search thesaurus: synsets (OpenThesaurus, made into the theme's `search/thesaurus.txt` by
/// Tools/search/thesaurus.js) narrowed to one index. Identical to `deriveThesaurus` in
/// Templates/assets/search-core.js; Tests/vectors/thesaurus.json keeps the two in step.
///
/// The file has one synset a line, entries separated by ";", each "words/stems" (folded words and
/// their stems, separated by spaces); "#" lines are comments. In every synset with both, each
/// entry the index does not hold (one of its stems is no index term) gets the synset's one-word
/// entries the index holds as its right side; a left side in several synsets gets all their
/// words. The search page loads the pairs of a word only when the index does not know the word.
package enum Thesaurus {
    /// Pairs (left side, right side) sorted by left side: the shape of the synonym list's pairs.
    /// `terms`: the index's vocabulary. A stem is looked up by a hash of its bytes first, and made
    /// into a string only when that hash is a term's: most of the file's 250,000 stems are no
    /// term, and making each a string was a tenth of a quick rebuild.
    package static func derive(_ text: String, terms: Set<String>) -> [(String, String)] {
        var hashes = Set<UInt64>(minimumCapacity: terms.count)
        for term in terms {
            var bytes = term
            hashes.insert(bytes.withUTF8(fnv1a))
        }
        return derive(text) { bytes in hashes.contains(fnv1a(bytes)) && terms.contains(String(decoding: bytes, as: UTF8.self)) }
    }

    private static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    private static func derive(_ text: String, isTerm: (UnsafeBufferPointer<UInt8>) -> Bool) -> [(String, String)] {
        var map: [String: [String]] = [:]
        // One pass over the bytes ("\r\n" would be one Character; the JavaScript splits at "\n"
        // only). Most synsets have no known entry: their words are never made into strings.
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in
            let newline = UInt8(ascii: "\n"), semicolon = UInt8(ascii: ";"), slash = UInt8(ascii: "/"), space = UInt8(ascii: " ")
            func string(_ from: Int, _ to: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self) }
            var known: [String] = [], unknown: [Range<Int>] = []
            var start = 0
            while start < b.count {
                var end = start
                while end < b.count && b[end] != newline { end += 1 }
                defer { start = end + 1 }
                if end == start || b[start] == UInt8(ascii: "#") { continue }
                known.removeAll(keepingCapacity: true)
                unknown.removeAll(keepingCapacity: true)
                var entry = start
                while entry <= end {
                    var stop = entry
                    while stop < end && b[stop] != semicolon { stop += 1 }
                    defer { entry = stop + 1 }
                    var mark = entry
                    while mark < stop && b[mark] != slash { mark += 1 }
                    if mark == stop { continue }
                    // Stems at single spaces, empty ones kept (and no term).
                    var allTerms = true, stemCount = 0, from = mark + 1
                    while true {
                        var to = from
                        while to < stop && b[to] != space { to += 1 }
                        stemCount += 1
                        if allTerms && !isTerm(UnsafeBufferPointer(rebasing: b[from..<to])) { allTerms = false }
                        if to >= stop { break }
                        from = to + 1
                    }
                    if allTerms {
                        if stemCount == 1 { known.append(string(entry, mark)) }
                    } else {
                        unknown.append(entry..<mark)
                    }
                }
                if known.isEmpty { continue }
                for key in unknown { map[string(key.lowerBound, key.upperBound), default: []].append(contentsOf: known) }
            }
        }
        // Keys and words are folded ASCII: String order is byte order, JavaScript's code unit order.
        return map.keys.sorted().map { key in
            let words = map[key]!
            return (key, words.count == 1 ? words[0] : Set(words).sorted().joined(separator: " "))
        }
    }
}
