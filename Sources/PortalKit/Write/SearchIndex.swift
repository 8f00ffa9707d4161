import Foundation

/// The static JSON the search page loads: one compact record per service and free page.
enum SearchIndex {
    static func json(for model: SiteModel) -> Data {
        var docs: [[String: Any]] = []
        for s in model.content.services {
            var doc: [String: Any] = ["u": "leistungen/\(s.slug)/", "t": s.title, "s": s.summary]
            if !s.keywords.isEmpty { doc["k"] = s.keywords.joined(separator: " ") }
            var context: [String] = []
            if let topic = model.themenfeldBySlug[s.topic] { doc["f"] = topic.title; context.append(topic.title) }
            context += s.lebenslagen.compactMap { model.lebenslageBySlug[$0]?.title }
            doc["c"] = context.joined(separator: " ")
            if let ozg = s.ozgID { doc["o"] = ozg }
            docs.append(doc)
        }
        for p in model.content.pages {
            docs.append(["u": "\(p.slug)/", "t": p.title, "s": p.description ?? "", "f": "Seite"])
        }
        return (try? JSONSerialization.data(withJSONObject: ["v": 1, "docs": docs], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
