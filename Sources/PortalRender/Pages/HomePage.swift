import PortalModel

extension PageRenderer {
    package func homePage() -> PagePlan {
        var c = frame(path: "", title: site.title, description: site.description ?? "", crumbs: [])
        c["description"] = site.description ?? ""
        c["themenfelder"] = model.content.topics.themenfelder.map { t -> [String: Any] in
            ["title": t.title, "url": Routes.themenfeld(t.slug), "count": model.servicesByThemenfeld[t.slug]?.count ?? 0]
        }
        c["lebenslagen"] = model.content.topics.lebenslagen.filter { model.servicesByLebenslage[$0.slug] != nil }
            .map { ["title": $0.title, "url": Routes.lebenslage($0.slug)] }
        c["has_lebenslagen"] = !(c["lebenslagen"] as! [[String: Any]]).isEmpty
        c["service_count"] = model.content.services.count
        c["finder_id"] = "ort-start"
        c["kreise"] = placeGroups(root: "")
        return page("", "home", c)
    }

    /// Länder with their Kreise, for the no-JavaScript place finder.
    package func placeGroups(root: String) -> [[String: Any]] {
        model.directory.laender.map { land -> [String: Any] in
            ["name": land.name, "url": root + Routes.place(land.ags),
             "kreise": (model.directory.children[land.ags] ?? []).map { ["name": $0.name, "url": root + Routes.place($0.ags)] }]
        }
    }
}
