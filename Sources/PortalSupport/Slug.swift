/// Slugs and ids: lowercase a–z, 0–9 and `-`, 1–80 characters. They are URLs, so they are checked strictly.
package enum Slug {
    package static func isValid(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 80 && s.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    package static let rule = "erlaubt sind Kleinbuchstaben a–z, Ziffern 0–9 und „-“, 1 bis 80 Zeichen"

    /// Makes an anchor id from a heading: "Erforderliche Unterlagen" → "erforderliche-unterlagen".
    package static func make(from text: String) -> String {
        var out = ""
        var dash = false
        for ch in text.lowercased() {
            let mapped: String
            switch ch {
            case "ä": mapped = "ae"
            case "ö": mapped = "oe"
            case "ü": mapped = "ue"
            case "ß": mapped = "ss"
            case "&": mapped = "und"
            default: mapped = (ch.isASCII && (ch.isLetter || ch.isNumber)) ? String(ch) : ""
            }
            if mapped.isEmpty {
                dash = !out.isEmpty
            } else {
                if dash { out += "-" }
                out += mapped
                dash = false
            }
        }
        return out.isEmpty ? "abschnitt" : String(out.prefix(80))
    }
}
