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
             "kreise": .list((model.directory.children[land.ags] ?? []).map { kreis in
                 ["name": .string(kreis.name), "url": .string(root + Routes.place(kreis.ags)), "count": .int(model.directory.children[kreis.ags]?.count ?? 0)]
             })]
        })
        return page(path, "places", c)
    }

    /// `orte/<ags>/`: a Land or Kreis lists its places; a Gemeinde lists every service with its authority.
    package func placePage(_ region: Region) -> PagePlan {
        let path = Routes.place(region.ags)
        let ancestors = model.directory.ancestors(of: region)
        let crumbs = [Crumb(title: "Orte", path: Routes.places)] + ancestors.map { Crumb(title: $0.name, path: Routes.place($0.ags)) } + [Crumb(title: region.name, path: path)]
        let label = model.directory.label(region)
        let description = region.level == .gemeinde
            ? "Zuständige Stellen in \(label) für alle \(model.content.services.count) Leistungen."
            : "Orte in \(region.name)."
        var c = frame(path: path, title: label, description: description, crumbs: crumbs)
        let root = Routes.root(from: path)
        c["ags"] = .string(region.ags)
        c["level"] = .string(region.level.label)
        c["parents"] = .list(ancestors.map { ["name": .string($0.name), "url": .string(root + Routes.place($0.ags))] })
        if region.level != .gemeinde {
            c["children"] = .list((model.directory.children[region.ags] ?? []).map { child in
                ["name": .string(child.name), "url": .string(root + Routes.place(child.ags)), "postal_codes": .string(child.postalCodes.joined(separator: ", "))]
            })
            c["children_title"] = .string(region.level == .land ? "Kreise und kreisfreie Städte" : "Gemeinden")
            return page(path, "place", c)
        }
        c["postal_codes"] = .string(region.postalCodes.joined(separator: ", "))
        // Rows are pre-rendered per (service, answer) and added when the page is rendered; see GemeindeRows.
        return page(path, "gemeinde", c, gemeinde: region)
    }
}
