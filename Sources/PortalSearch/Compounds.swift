/// Compound handling at index time, a literal port of search-core.js (`splitOnce`, `segmentOK`,
/// `segmentTerm`, `schaftBase`, `compoundTerms`, `boundaries`, `ellipsisWords`): a part of a
/// compound finds the whole ("ausweis" → Personalausweis) because the parts are posted too.
/// Words are folded ASCII tokens, so they are handled as byte arrays.
package struct Compounds {
    package static let fugen: [[UInt8]] = ["s", "es", "e", "n", "en", "er"].map { Array($0.utf8) }
    package static let minPart = 4
    package static let connectors: Set<String> = ["und", "oder", "bzw", "sowie"]

    package let known: Set<String>
    package let stemmer: SnowballStemmer

    package func stem(_ w: [UInt8]) -> String { stemmer.stem(String(decoding: w, as: UTF8.self)) }
    package func isStop(_ w: [UInt8]) -> Bool { GermanText.stopwords.contains(String(decoding: w, as: UTF8.self)) }
    package func isKnown(_ w: [UInt8]) -> Bool { known.contains(stem(w)) }

    /// Fewest segments whose stems are known; ties keep the longest first segment.
    package func splitOnce(_ word: [UInt8]) -> [[UInt8]]? {
        let n = word.count
        guard n >= 2 * Self.minPart else { return nil }
        let infinity = Int.max
        var best = [Int](repeating: infinity, count: n + 1)
        var next = [Int](repeating: 0, count: n + 1)
        best[n] = 0
        var i = n - 1
        while i >= 0 {
            var j = n
            while j - i >= Self.minPart {
                defer { j -= 1 }
                if i == 0 && j == n { continue }
                if best[j] == infinity || best[j] + 1 >= best[i] { continue }
                if segmentOK(Array(word[i..<j]), isLast: j == n) { best[i] = best[j] + 1; next[i] = j }
            }
            i -= 1
        }
        guard best[0] != infinity else { return nil }
        var segments: [[UInt8]] = []
        var p = 0
        while p < n { segments.append(Array(word[p..<next[p]])); p = next[p] }
        return segments
    }

    package func segmentOK(_ segment: [UInt8], isLast: Bool) -> Bool {
        if isStop(segment) { return false }
        if isKnown(segment) { return true }
        if isLast { return false }
        return fugePart(of: segment) != nil
    }

    /// The segment without a Fuge, when that part is not a stop word and its stem is known.
    package func fugePart(of segment: [UInt8]) -> [UInt8]? {
        for fuge in Self.fugen where segment.count - fuge.count >= Self.minPart && segment.suffix(fuge.count).elementsEqual(fuge) {
            let part = Array(segment.dropLast(fuge.count))
            if !isStop(part) && isKnown(part) { return part }
        }
        return nil
    }

    package func segmentTerm(_ segment: [UInt8], isLast: Bool) -> String {
        let s = stem(segment)
        if isLast || known.contains(s) { return s }
        return fugePart(of: segment).map(stem) ?? s
    }

    package func schaftBase(_ word: [UInt8]) -> [UInt8]? {
        let w = String(decoding: word, as: UTF8.self)
        var base: Substring?
        for ending in ["schaft", "schaften", "schafts"] where w.hasSuffix(ending) && w.count > ending.count {
            // The JS regex is lazy: the shortest base, i.e. the first "schaft" that ends the word
            // with an optional "en"/"s".
            let candidate = w.dropLast(ending.count)
            if base == nil || candidate.count < base!.count { base = candidate }
        }
        guard let found = base, found.utf8.allSatisfy(GermanText.isTokenByte) else { return nil }
        let b = Array(found.utf8)
        var candidates = [b]
        for fuge in Self.fugen where b.count > fuge.count && b.suffix(fuge.count).elementsEqual(fuge) {
            candidates.append(Array(b.dropLast(fuge.count)))
        }
        return candidates.first { $0.count >= 3 && !isStop($0) && isKnown($0) }
    }

    /// Extra terms of a compound, sorted, without the word's own stem.
    package func compoundTerms(_ word: [UInt8]) -> [String] {
        var set: Set<String> = []
        collect(word, into: &set)
        set.remove(stem(word))
        return set.sorted()
    }

    private func collect(_ word: [UInt8], into set: inout Set<String>) {
        if let base = schaftBase(word) {
            set.insert(stem(base))
            collect(base, into: &set)
        }
        guard let segments = splitOnce(word) else { return }
        for (i, segment) in segments.enumerated() {
            set.insert(segmentTerm(segment, isLast: i == segments.count - 1))
            if i > 0 && i < segments.count - 1 { set.insert(stem(Array(segments[i...].joined()))) }
        }
        for segment in segments { collect(segment, into: &set) }
    }

    package func boundaries(_ word: [UInt8]) -> [Int] {
        guard let segments = splitOnce(word) else { return [] }
        var at = 0
        return segments.dropLast().map { at += $0.count; return at }
    }

    /// Words completed from elided compounds ("Organ- und Gewebespendeausweis", "Schulaufnahme und -wechsel").
    package func ellipsisWords(_ text: String) -> [String] {
        let f = Array(GermanText.fold(text).unicodeScalars)
        func isWordScalar(_ s: Unicode.Scalar?) -> Bool {
            guard let s, s.isASCII else { return false }
            return GermanText.isTokenByte(UInt8(s.value))
        }
        struct Run { var w: [UInt8]; var openRight: Bool; var openLeft: Bool }
        var runs: [Run] = []
        var i = 0
        while i < f.count {
            guard isWordScalar(f[i]) else { i += 1; continue }
            let start = i
            while i < f.count, isWordScalar(f[i]) { i += 1 }
            let w = f[start..<i].map { UInt8($0.value) }
            let after: Unicode.Scalar? = i < f.count ? f[i] : nil
            let afterAfter: Unicode.Scalar? = i + 1 < f.count ? f[i + 1] : nil
            let before: Unicode.Scalar? = start > 0 ? f[start - 1] : nil
            let beforeBefore: Unicode.Scalar? = start > 1 ? f[start - 2] : nil
            runs.append(Run(w: w, openRight: after == "-" && !isWordScalar(afterAfter),
                            openLeft: start > 0 && before == "-" && !isWordScalar(beforeBefore)))
        }
        func isConnector(_ r: Run) -> Bool { Self.connectors.contains(String(decoding: r.w, as: UTF8.self)) }
        var out: [String] = []
        for (i, r) in runs.enumerated() {
            if r.openRight {
                var j = i + 1
                while j < runs.count && (isConnector(runs[j]) || runs[j].openRight) { j += 1 }
                if j > i + 1 && j < runs.count && !runs[j].openLeft {
                    let y = runs[j].w
                    var b = boundaries(y)
                    if b.isEmpty {
                        var k = y.count - Self.minPart
                        while k >= Self.minPart {
                            let pre = Array(y[..<k]), ps = stem(pre)
                            let preString = String(decoding: pre, as: UTF8.self)
                            if !isStop(pre) && known.contains(ps) && (preString == ps || preString == ps + "e") { b = [k]; break }
                            k -= 1
                        }
                    }
                    for k in b { out.append(String(decoding: r.w + y[k...], as: UTF8.self)) }
                }
            }
            if r.openLeft {
                var j = i - 1
                while j >= 0 && (isConnector(runs[j]) || runs[j].openLeft) { j -= 1 }
                if j < i - 1 && j >= 0 && !runs[j].openRight {
                    let y = runs[j].w
                    var b = boundaries(y)
                    if b.isEmpty, y.count >= 2 * Self.minPart {
                        for k in Self.minPart...(y.count - Self.minPart) where segmentOK(Array(y[k...]), isLast: true) { b = [k]; break }
                    }
                    for k in b { out.append(String(decoding: y[..<k] + r.w, as: UTF8.self)) }
                }
            }
        }
        return out
    }
}
