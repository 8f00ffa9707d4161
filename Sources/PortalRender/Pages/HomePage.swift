import PortalModel
import PortalSupport

extension PageRenderer {
    package func homePage() -> PagePlan {
        var c = frame(path: Routes.home, title: site.title, description: site.description ?? "", crumbs: [],
                      versions: versions(of: Routes.home, translatedIn: site.otherLanguages))
        c["description"] = .string(site.description ?? "")
        c["themenfelder"] = .list(model.content.topics.themenfelder.map { t in
            ["title": .string(t.title), "url": .string(Routes.themenfeld(t.slug)), "count": .int(model.servicesByThemenfeld[t.slug]?.count ?? 0)]
        })
        let lebenslagen: [ContextValue] = model.content.topics.lebenslagen.filter { model.servicesByLebenslage[$0.slug] != nil }
            .map { ["title": .string($0.title), "url": .string(Routes.lebenslage($0.slug))] }
        c["lebenslagen"] = .list(lebenslagen)
        c["has_lebenslagen"] = .bool(!lebenslagen.isEmpty)
        c["service_count"] = .int(model.content.services.count)
        c["finder_id"] = "ort-start"
        c["kreise"] = placeGroups(root: "")
        return page(Routes.home, "home", c)
    }

    /// Länder with their Kreise, for the no-JavaScript place finder; `language`: the page's, if
    /// not the site's.
    package func placeGroups(root: String, language: String? = nil) -> ContextValue {
        let l = placeLanguage(language)
        return .list(model.directory.laender.map { land in
            ["name": .string(land.name), "url": .string(root + l.path(Routes.place(land.ags))),
             "kreise": .list((model.directory.children[land.ags] ?? []).map { ["name": .string($0.name), "url": .string(root + l.path(Routes.place($0.ags)))] })]
        })
    }
}
