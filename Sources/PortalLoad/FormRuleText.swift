import Foundation

/// What a citizen reads of a FIM rule (`regel/freitextRegel`): element ids are the form
/// generator's business, the quoted names are what the citizen sees on the form.
package enum FormRuleText {
    private static let idWithName = try! NSRegularExpression(pattern: #"(?:Datenfeldgruppe |Datenfeld |Feld )?\b[FG]\d{8,}\s*"([^"]+)""#)
    private static let technical = ["validität", "plausib", "prüfziffer", "format", "schnittstelle", "übermittl"]

    /// `Datenfeld F60000000240 "Telefon"` → `„Telefon“`; whitespace runs become single spaces.
    package static func readable(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        let named = idWithName.stringByReplacingMatches(in: text, range: range, withTemplate: "„$1“")
        return named.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
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
