import PortalModel

extension PageRenderer {
    /// `orte/`: every Land with its Kreise.
    package func placesPage() -> PagePlan {
        let path = Routes.places
        var c = frame(path: path, title: "Orte", description: "Alle Orte des Portals: wählen Sie Ihren Kreis und Ihre Gemeinde, um die zuständigen Stellen zu sehen.",
                      crumbs: [Crumb(title: "Orte", path: path)])
        let root = c["root"] as! String
        c["groups"] = model.directory.laender.map { land -> [String: Any] in
            ["name": land.name, "url": root + Routes.place(land.ags),
             "kreise": (model.directory.children[land.ags] ?? []).map { kreis -> [String: Any] in
                 ["name": kreis.name, "url": root + Routes.place(kreis.ags), "count": model.directory.children[kreis.ags]?.count ?? 0]
             }]
        }
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
        let root = c["root"] as! String
        c["ags"] = region.ags
        c["level"] = region.level.label
        c["parents"] = ancestors.map { ["name": $0.name, "url": root + Routes.place($0.ags)] }
        if region.level != .gemeinde {
            c["children"] = (model.directory.children[region.ags] ?? []).map { child -> [String: Any] in
                ["name": child.name, "url": root + Routes.place(child.ags), "postal_codes": child.postalCodes.joined(separator: ", ")]
            }
            c["children_title"] = region.level == .land ? "Kreise und kreisfreie Städte" : "Gemeinden"
            return page(path, "place", c)
        }
        c["postal_codes"] = region.postalCodes.joined(separator: ", ")
        // Rows are pre-rendered per (service, answer) and added when the page is rendered; see GemeindeRows.
        return page(path, "gemeinde", c, gemeinde: region)
    }
}
