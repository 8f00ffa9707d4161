import Foundation

/// German normalisation for search, identical to `fold`/`tokenize`/`stem` in
/// Templates/assets/search-core.js (the browser side); Tests/vectors/fold-de.tsv and
/// stemmer-de.tsv keep the two in step.
package enum GermanText {
    package static let foldVowels: Set<Unicode.Scalar> = Set("aeiouyäöü".unicodeScalars)
    package static let foldSpecial: [Unicode.Scalar: String] = ["æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"]
    package static let kept: Set<Unicode.Scalar> = Set("äöüß".unicodeScalars)

    /// Lowercases and folds German text to ASCII in four passes (see search-core.js `fold`):
    /// NFC + lowercase; keep ASCII and äöüß, map a few letters, strip combining marks from the
    /// rest; ae/oe/ue → a/o/u unless a vowel (or q for ue) precedes; ä ö ü ß → a o u ss.
    /// - Parameter digraphs: whether pass 3 runs (English text keeps its "ae", "oe", "ue").
    package static func fold(_ text: String, digraphs: Bool = true) -> String {
        var pass2: [Unicode.Scalar] = []
        pass2.reserveCapacity(text.utf8.count)
        if text.unicodeScalars.allSatisfy(isPlain) {
            // Passes 1 and 2 by table: such text is in NFC already, and lowercasing is per scalar.
            for s in text.unicodeScalars {
                if s.value >= 0x41 && s.value <= 0x5A { pass2.append(Unicode.Scalar(s.value + 0x20)!) }
                else if s.isASCII { pass2.append(s) }
                else { pass2.append(contentsOf: plainPass2[plainIndex(s)]) }
            }
        } else {
            let lower = text.precomposedStringWithCanonicalMapping.lowercased()
            // Foundation's decomposition per scalar is slow, and a text repeats its few letters.
            var stripped: [Unicode.Scalar: [Unicode.Scalar]] = [:]
            for s in lower.unicodeScalars {
                if let known = stripped[s] {
                    pass2.append(contentsOf: known)
                } else {
                    let parts = pass2Scalars(s)
                    stripped[s] = parts
                    pass2.append(contentsOf: parts)
                }
            }
        }
        // The result is built as UTF-8 bytes: appending to a String's scalar view is slow.
        var out: [UInt8] = []
        out.reserveCapacity(pass2.count + 8)
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { out.append(UInt8(scalar.value)) } else { out.append(contentsOf: Array(String(scalar).utf8)) }
        }
        var i = 0
        while i < pass2.count {
            let ch = pass2[i]
            if digraphs, ch == "a" || ch == "o" || ch == "u", i + 1 < pass2.count, pass2[i + 1] == "e" {
                let previous: Unicode.Scalar? = i > 0 ? pass2[i - 1] : nil
                let afterVowel = previous.map { foldVowels.contains($0) } ?? false
                if !afterVowel && !(ch == "u" && previous == "q") {
                    append(ch)
                    i += 2
                    continue
                }
            }
            switch ch {
            case "ä": out.append(UInt8(ascii: "a"))
            case "ö": out.append(UInt8(ascii: "o"))
            case "ü": out.append(UInt8(ascii: "u"))
            case "ß": out.append(UInt8(ascii: "s")); out.append(UInt8(ascii: "s"))
            default: append(ch)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Pass 2 of one lowercase scalar: ASCII and äöüß stay, a few letters are spelt out, any other
    /// loses its combining marks.
    private static func pass2Scalars(_ s: Unicode.Scalar) -> [Unicode.Scalar] {
        if s.isASCII || kept.contains(s) { return [s] }
        if let special = foldSpecial[s] { return Array(special.unicodeScalars) }
        return Array(String(s).decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) })
    }

    /// Scalars that no NFC normalisation changes in any text made only of them (no combining
    /// marks, no singleton decompositions: those start at U+0340, and U+2000/U+2001 are two) and
    /// whose lowercase mapping does not depend on context (String.lowercased() maps scalar by
    /// scalar): Latin up to U+02FF, general punctuation (quotes, dashes) and currency signs.
    private static func isPlain(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x300 || (0x2002..<0x2070).contains(s.value) || (0x20A0..<0x20C1).contains(s.value)
    }

    private static func plainIndex(_ s: Unicode.Scalar) -> Int {
        s.value < 0x300 ? Int(s.value) : s.value < 0x2070 ? 0x300 + Int(s.value - 0x2002) : 0x300 + 0x6E + Int(s.value - 0x20A0)
    }

    /// Passes 1 and 2 for each plain scalar, by `plainIndex`: computed once, the same functions.
    private static let plainPass2: [[Unicode.Scalar]] = {
        let plain = (0..<0x300).map { UInt32($0) } + (0x2002..<0x2070).map { UInt32($0) } + (0x20A0..<0x20C1).map { UInt32($0) }
        return plain.map { value in
            guard let s = Unicode.Scalar(value) else { return [] }
            return String(s).lowercased().unicodeScalars.flatMap(pass2Scalars)
        }
    }()

    package static func isTokenByte(_ b: UInt8) -> Bool { (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) }

    /// Maximal runs of [a-z0-9] in fold(text) with at least two characters and one letter.
    package static func tokenize(_ text: String) -> [String] {
        tokenize(folded: fold(text))
    }

    /// The same for text already folded (in whichever language's way).
    package static func tokenize(folded: String) -> [String] {
        var tokens: [String] = []
        for run in folded.utf8.split(whereSeparator: { !isTokenByte($0) }) {
            guard run.count >= 2, run.contains(where: { (0x61...0x7A).contains($0) }) else { continue }
            tokens.append(String(decoding: run, as: UTF8.self))
        }
        return tokens
    }

    /// Snowball's German stop words (folded) plus filler words of questions, as in search-core.js.
    package static let stopwords: Set<String> = Set("""
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes \
        anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das \
        dass derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine \
        deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses \
        doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges \
        einmal er ihn ihm es etwas euer eure eurem euren eurer eures fur gegen gewesen hab habe haben hat \
        hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins \
        ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen \
        keiner keines konnen konnte machen man manche manchem manchen mancher manches mein meine meinem \
        meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine \
        seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches \
        soll sollte sondern sonst uber um und uns unsere unserem unseren unser unseres unter viel vom von \
        vor wahrend war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde \
        werden wie wieder will wir wird wirst wo wollen wollte wurde wurden zu zum zur zwar zwischen \
        tun brauche brauchen benotige benotigen bekomme bekommen kriege kriegen bitte mochte
        """.split(separator: " ").map(String.init))
}
