import PortalModel
import PortalSupport

extension PageRenderer {
    /// `orte/`: every Land with its Kreise.
    package func placesPage() -> PagePlan {
        let path = Routes.places
        var c = frame(path: path, title: "Orte", description: "Alle Orte des Portals: wählen Sie Ihren Kreis und Ihre Gemeinde, um die zuständigen Stellen zu sehen.",
                      crumbs: [Crumb(title: "Orte", path: path)])
        let root = Routes.root(from: path)
        c["groups"] = .list(model.directory.laender.map { land in
            ["name": .string(land.name), "url": .string(root + Routes.place(land.ags)),
             "kreise": .list(model.directory.kreise(in: land).map { kreis in
                 ["name": .string(kreis.name), "url": .string(root + Routes.place(kreis.ags)), "count": .int(model.directory.children[kreis.ags]?.count ?? 0)]
             })]
        })
        return page(path, "places", c)
    }

    /// `orte/<ags>/`: a Land, Regierungsbezirk or Kreis lists its places (a Kreis also its
    /// Gemeindeverbände); a Gemeindeverband its members and the services it decides for them; a
    /// Gemeinde every service with its authority.
    package func placePage(_ region: Region) -> PagePlan {
        let path = Routes.place(region.ags)
        let ancestors = model.directory.ancestors(of: region)
        let crumbs = [Crumb(title: "Orte", path: Routes.places)] + ancestors.map { Crumb(title: $0.name, path: Routes.place($0.ags)) } + [Crumb(title: region.name, path: path)]
        let label = model.directory.label(region)
        let description: String
        switch region.level {
        case .gemeinde: description = "Zuständige Stellen in \(label) für alle \(model.content.services.count) Leistungen."
        case .verband: description = "\(region.name): Mitgliedsgemeinden und die Leistungen, die der Gemeindeverband für sie erledigt."
        default: description = "Orte in \(region.name)."
        }
        var c = frame(path: path, title: label, description: description, crumbs: crumbs)
        let root = Routes.root(from: path)
        c["ags"] = .string(region.ags)
        c["level"] = .string(region.level.label)
        c["parents"] = .list(ancestors.map { ["name": .string($0.name), "url": .string(root + Routes.place($0.ags))] })
        if region.level != .gemeinde {
            c["children"] = .list((model.directory.children[region.ags] ?? []).map { child in
                ["name": .string(child.name), "url": .string(root + Routes.place(child.ags)), "postal_codes": .string(child.postalCodes.joined(separator: ", "))]
            })
            switch region.level {
            case .land: c["children_title"] = model.directory.children[region.ags]?.first?.level == .regierungsbezirk ? "Regierungsbezirke" : "Kreise und kreisfreie Städte"
            case .regierungsbezirk: c["children_title"] = "Kreise und kreisfreie Städte"
            case .verband: c["children_title"] = "Mitgliedsgemeinden"
            default: c["children_title"] = "Gemeinden"
            }
            if let verbaende = model.directory.verbaende[region.ags] {
                c["verbaende"] = .list(verbaende.map { ["name": .string($0.name), "url": .string(root + Routes.place($0.ags))] })
                c["has_verbaende"] = true
            }
            if region.level == .verband {
                let services = decidedServices(at: region, root: root)
                c["services"] = .list(services)
                c["has_services"] = .bool(!services.isEmpty)
            }
            return page(path, "place", c)
        }
        c["postal_codes"] = .string(region.postalCodes.joined(separator: ", "))
        // Rows are pre-rendered per (service, answer) and added when the page is rendered; see GemeindeRows.
        return page(path, "gemeinde", c, gemeinde: region)
    }

    /// The services a rule at `region` decides, A–Z, as rows of the `gemeinde-row` template.
    private func decidedServices(at region: Region, root: String) -> [ContextValue] {
        model.content.services.compactMap { service -> ContextValue? in
            guard let id = model.index.rules(for: service.slug)[region.ags] else { return nil }
            var row: [String: ContextValue] = ["slug": .string(service.slug), "title": .string(service.title), "url": .string(root + Routes.service(service.slug))]
            row["authority"] = ["name": .string(model.content.authorities[id]?.name ?? id), "url": .string(root + Routes.authority(id))]
            return .object(row)
        }
    }
}
