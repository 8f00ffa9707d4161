import PortalModel
import PortalSupport

extension PageRenderer {
    /// All services A–Z, grouped by initial letter.
    package func serviceIndexPage() -> PagePlan {
        let path = Routes.serviceIndex
        var c = frame(path: path, title: "Leistungen von A bis Z", description: "Alle \(model.content.services.count) Leistungen von A bis Z.", crumbs: [Crumb(title: "Leistungen A–Z", path: path)],
                      versions: versions(of: path, translatedIn: site.otherLanguages))
        let root = Routes.root(from: path)
        var groups: [(String, [ContextValue])] = []
        for service in model.content.services {
            let letter = GermanCollation.initial(service.title)
            if groups.last?.0 != letter { groups.append((letter, [])) }
            groups[groups.count - 1].1.append(serviceItem(service, root: root))
        }
        c["letters"] = .list(groups.map { letter, items in
            ["letter": .string(letter), "id": .string("buchstabe-" + Slug.make(from: letter)), "services": .list(items)]
        })
        c["service_count"] = .int(model.content.services.count)
        return page(path, "services", c)
    }
}
