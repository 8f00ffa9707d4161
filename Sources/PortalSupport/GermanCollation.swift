import Foundation

/// Alphabetical order as German readers expect it: umlauts sort with their base letter, case ignored.
package enum GermanCollation {
    package static func key(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "de_DE"))
            .replacingOccurrences(of: "ß", with: "ss")
    }

    package static func less(_ a: String, _ b: String) -> Bool {
        let (ka, kb) = (key(a), key(b))
        return ka != kb ? ka < kb : a < b
    }

    /// Sorts by a title with keys computed once, not per comparison.
    package static func sorted<T>(_ items: [T], by title: (T) -> String) -> [T] {
        items.map { (key(title($0)), title($0), $0) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map(\.2)
    }

    /// The letter a title is listed under in the A–Z list ("Ä…" under A, digits under "0–9").
    package static func initial(_ s: String) -> String {
        guard let first = key(s).first(where: { $0.isLetter || $0.isNumber }) else { return "#" }
        return first.isNumber ? "0–9" : String(first).uppercased()
    }
}
