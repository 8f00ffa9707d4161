import Foundation

/// What a citizen reads of a FIM rule (`regel/freitextRegel`): element ids are the form
/// generator's business, the quoted names are what the citizen sees on the form.
package enum FormRuleText {
    private static let idWithName = try! NSRegularExpression(pattern: #"(?:Datenfeldgruppe |Datenfeld |Feld )?\b[FG]\d{8,}\s*(?:"([^"]+)"|'([^']+)')"#)
    /// An id the author did not follow by a quoted name ("WENN G60000000083 Geburtsdatum …"):
    /// the words after it are the name, so the id alone goes.
    private static let bareID = try! NSRegularExpression(pattern: #"\b[FGR]\d{8,}\b\s?"#)
    private static let technical = ["validität", "plausib", "prüfziffer", "format", "schnittstelle", "übermittl"]

    /// `Datenfeld F60000000240 "Telefon"` (or `'Telefon'`) → `„Telefon“`; a bare id is dropped;
    /// whitespace runs become single spaces.
    package static func readable(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        let named = idWithName.stringByReplacingMatches(in: text, range: range, withTemplate: "„$1$2“")
        let bare = bareID.stringByReplacingMatches(in: named, range: NSRange(named.startIndex..., in: named), withTemplate: "")
        return bare.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether the form shows a rule, and if not, why (`portal check --verbose` lists it).
    /// Shown: what decides whether and what to fill in ("Wenn …, dann …", "mindestens eines …").
    /// Not shown: checks of validity or format the form makes itself or a back office makes.
    package static func decide(_ text: String) -> (shown: Bool, reason: String?) {
        if text.isEmpty { return (false, "die Regel hat keinen Freitext (nur ein Skript)") }
        let lower = text.lowercased()
        if let word = technical.first(where: { lower.contains($0) }) {
            return (false, "technische Prüfung („\(word)…“): keine Ausfüllhilfe für Bürgerinnen und Bürger")
        }
        return (true, nil)
    }
}
