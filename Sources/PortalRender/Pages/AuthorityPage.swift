import PortalModel
import PortalSupport

extension PageRenderer {
    package func authorityPage(_ authority: Authority) -> PagePlan {
        let path = Routes.authority(authority.id)
        let city = authority.address.city
        var c = frame(path: path, title: authority.name, description: "\(authority.name), \(authority.address.street), \(authority.address.postalCode) \(city): Anschrift, Kontakt und zuständige Leistungen.",
                      crumbs: [Crumb(title: "Orte", path: Routes.places), Crumb(title: authority.name, path: path)])
        let root = Routes.root(from: path)
        c["authority"] = authorityCard(authority, root: root)
        // The services it serves and where; a more specific rule of another authority is named as an exception.
        var rows: [ContextValue] = []
        var current: (slug: String, row: ContextValue, areas: [String])?
        func flush() {
            if let done = current, case .object(var row) = done.row {
                row["areas"] = .string(done.areas.joined(separator: "; "))
                rows.append(.object(row))
            }
        }
        for rule in model.rulesByAuthority[authority.id] ?? [] {
            guard let index = model.serviceBySlug[rule.service] else { continue }
            if current?.slug != rule.service {
                flush()
                current = (rule.service, serviceItem(model.content.services[index], root: root), [])
            }
            let name = model.directory.byAGS[rule.region].map { model.directory.label($0) } ?? rule.region
            let serviceRules = model.index.rules(for: rule.service)
            let exceptions = model.index.deeperRegions(service: rule.service, inside: rule.region)
                .filter { serviceRules[$0] != authority.id }
                .sorted().compactMap { model.directory.byAGS[$0]?.name }
            current!.areas.append(exceptions.isEmpty ? name : "\(name) (außer \(exceptions.joined(separator: ", ")))")
        }
        flush()
        c["services"] = .list(rows)
        c["has_services"] = .bool(!rows.isEmpty)
        c["jsonld"] = .string(JSONLD.governmentOffice(authority, site: site))
        return page(path, "authority", c)
    }
}
