import Foundation
import PortalModel
import PortalSupport

/// Orders a service's body sections the way FIM Leistungsbeschreibungen do.
package enum ServiceSections {
    /// The FIM module names, in display order. Text before the first heading is the Beschreibung.
    package static let fimOrder = [
        "Beschreibung", "Voraussetzungen", "Erforderliche Unterlagen", "Kosten", "Bearbeitungsdauer",
        "Fristen", "Verfahrensablauf", "Rechtsgrundlage", "Hinweise", "Weiterführende Informationen",
    ]

    package static let fimByLowercase = Dictionary(uniqueKeysWithValues: fimOrder.map { ($0.lowercased(), $0) })

    package static func ordered(_ raw: [(title: String, html: String, text: String)]) -> [Section] {
        // Parts of the same FIM module are collected and joined once: appending to a copy taken
        // out of a dictionary would copy the whole text each time (quadratic on large files).
        var known: [String: (html: [String], text: [String])] = [:]
        var others: [Section] = []
        // A heading without text (as `portal new service` leaves the ones an editor does not fill
        // in) has nothing to show.
        for part in raw where part.html.utf8.contains(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) {
            let title = part.title.isEmpty ? "Beschreibung" : part.title
            if let fim = fimByLowercase[title.lowercased()] {
                known[fim, default: ([], [])].html.append(part.html)
                known[fim, default: ([], [])].text.append(part.text)
            } else {
                others.append(Section(title: title, id: Slug.make(from: title), html: part.html, text: part.text))
            }
        }
        var result = fimOrder.compactMap { fim in
            known[fim].map { Section(title: fim, id: Slug.make(from: fim), html: $0.html.joined(), text: $0.text.joined(separator: "\n")) }
        } + others
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
