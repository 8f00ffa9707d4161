import Foundation

/// Orders a service's body sections the way FIM Leistungsbeschreibungen do.
enum ServiceSections {
    /// The FIM module names, in display order. Text before the first heading is the Beschreibung.
    static let fimOrder = [
        "Beschreibung", "Voraussetzungen", "Erforderliche Unterlagen", "Kosten", "Bearbeitungsdauer",
        "Fristen", "Verfahrensablauf", "Rechtsgrundlage", "Hinweise", "Weiterführende Informationen",
    ]

    static func ordered(_ raw: [(title: String, html: String, text: String)]) -> [Section] {
        var known: [String: Section] = [:]
        var others: [Section] = []
        for part in raw {
            let title = part.title.isEmpty ? "Beschreibung" : part.title
            if let fim = fimOrder.first(where: { $0.caseInsensitiveCompare(title) == .orderedSame }) {
                if var existing = known[fim] {
                    existing.html += part.html
                    existing.text += "\n" + part.text
                    known[fim] = existing
                } else {
                    known[fim] = Section(title: fim, id: Slug.make(from: fim), html: part.html, text: part.text)
                }
            } else {
                others.append(Section(title: title, id: Slug.make(from: title), html: part.html, text: part.text))
            }
        }
        var result = fimOrder.compactMap { known[$0] } + others
        // Anchor ids must be unique on the page.
        var seen: [String: Int] = [:]
        for i in result.indices {
            let id = result[i].id
            seen[id, default: 0] += 1
            if seen[id]! > 1 { result[i].id = "\(id)-\(seen[id]!)" }
        }
        return result
    }
}
