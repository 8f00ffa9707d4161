import PortalModel

extension PageRenderer {
    package func authorityPage(_ authority: Authority) -> PagePlan {
        let path = Routes.authority(authority.id)
        let city = authority.address.city
        var c = frame(path: path, title: authority.name, description: "\(authority.name), \(authority.address.street), \(authority.address.postalCode) \(city): Anschrift, Kontakt und zuständige Leistungen.",
                      crumbs: [Crumb(title: "Orte", path: Routes.places), Crumb(title: authority.name, path: path)])
        let root = c["root"] as! String
        c["authority"] = authorityCard(authority, root: root)
        // The services it serves and where; a more specific rule of another authority is named as an exception.
        var rows: [[String: Any]] = []
        var current: (slug: String, row: [String: Any], areas: [String])?
        func flush() {
            if var done = current { done.row["areas"] = done.areas.joined(separator: "; "); rows.append(done.row) }
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
        c["services"] = rows
        c["has_services"] = !rows.isEmpty
        c["jsonld"] = JSONLD.governmentOffice(authority, site: site)
        return page(path, "authority", c)
    }
}
