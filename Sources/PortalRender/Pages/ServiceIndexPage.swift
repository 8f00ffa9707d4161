import PortalModel
import PortalSupport

extension PageRenderer {
    /// All services A–Z, grouped by initial letter.
    package func serviceIndexPage() -> PagePlan {
        let path = Routes.serviceIndex
        var c = frame(path: path, title: "Leistungen von A bis Z", description: "Alle \(model.content.services.count) Leistungen von A bis Z.", crumbs: [Crumb(title: "Leistungen A–Z", path: path)])
        let root = c["root"] as! String
        var groups: [(String, [[String: Any]])] = []
        for service in model.content.services {
            let letter = GermanCollation.initial(service.title)
            if groups.last?.0 != letter { groups.append((letter, [])) }
            groups[groups.count - 1].1.append(serviceItem(service, root: root))
        }
        c["letters"] = groups.map { letter, items -> [String: Any] in
            ["letter": letter, "id": "buchstabe-" + Slug.make(from: letter), "services": items]
        }
        c["service_count"] = model.content.services.count
        return page(path, "services", c)
    }
}
