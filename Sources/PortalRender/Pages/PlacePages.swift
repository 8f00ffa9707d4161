import PortalModel
import PortalResolve
import PortalSupport

/// The place pages, in the site's language and in each other language (`/en/orte/…`). A page in
/// another language lists only the services that have a text in it, and says how many more its
/// German page lists; its links go to the places and authorities in that language.
extension PageRenderer {
    /// What a place page in `language` shows and links to.
    struct PlaceLanguage {
        let language: String
        let translated: Bool
        /// The title and URL in the page's language of the service at an index of
        /// `content.services` (by index: a `Service` is a large value to copy), or nil if it has
        /// no text in it.
        let service: (Int, String) -> (title: String, url: String)?
        /// A site path in the page's language.
        let path: (String) -> String
    }

    func placeLanguage(_ language: String?) -> PlaceLanguage {
        let services = model.content.services
        guard let language, language != site.language else {
            return PlaceLanguage(language: site.language, translated: false, service: { i, root in (services[i].title, root + Routes.service(services[i].slug)) }, path: { $0 })
        }
        let texts = model.content.translations[language] ?? [:]
        return PlaceLanguage(language: language, translated: true, service: { i, root in
            let slug = services[i].slug
            return texts[slug].map { ($0.title, root + Routes.translated(Routes.service(slug), language)) }
        }, path: { Routes.translated($0, language) })
    }

    /// `orte/`: every Land with its Kreise.
    package func placesPage(_ language: String? = nil) -> PagePlan {
        let l = placeLanguage(language)
        let path = l.path(Routes.places)
        var c = frame(path: path, title: text("places_title", l.language), description: text("places_description", l.language),
                      crumbs: [Crumb(title: text("places_title", l.language), path: path)], language: l.language,
                      versions: versions(of: Routes.places, translatedIn: site.otherLanguages))
        let root = Routes.root(from: path)
        c["groups"] = .list(model.directory.laender.map { land in
            ["name": .string(land.name), "url": .string(root + l.path(Routes.place(land.ags))),
             "kreise": .list(model.directory.kreise(in: land).map { kreis in
                 ["name": .string(kreis.name), "url": .string(root + l.path(Routes.place(kreis.ags))), "count": .int(model.directory.children[kreis.ags]?.count ?? 0)]
             })]
        })
        return page(path, Theme.template("places", language: l.language), c)
    }

    /// `orte/<ags>/`, by level (output contract v2): every place lists the services a rule of its
    /// own decides, grouped by authority; a Land, Regierungsbezirk or Kreis also lists its places
    /// (a Kreis its Gemeindeverbände too), a Gemeindeverband its members. A Gemeinde lists what its
    /// own or its Gemeindeverband's rules decide, its gaps and the services whose answer differs
    /// within its Kreis, and sums up the rest with links to the pages that list it.
    package func placePage(_ region: Region, language: String? = nil) -> PagePlan {
        let l = placeLanguage(language)
        let german = Routes.place(region.ags)
        let path = l.path(german)
        let ancestors = model.directory.ancestors(of: region)
        let crumbs = [Crumb(title: text("places_title", l.language), path: l.path(Routes.places))]
            + ancestors.map { Crumb(title: $0.name, path: l.path(Routes.place($0.ags))) } + [Crumb(title: region.name, path: path)]
        let label = model.directory.label(region)
        let description: String
        switch region.level {
        case .gemeinde: description = "\(text("place_description_gemeinde_before", l.language)) \(label) \(text("place_description_gemeinde_middle", l.language)) \(model.content.services.count) \(text("place_description_gemeinde_after", l.language))"
        case .verband: description = "\(region.name)\(text("place_description_verband", l.language))"
        default: description = "\(text("place_description_before", l.language)) \(region.name) \(text("place_description_middle", l.language)) \(region.name)\(text("place_description_after", l.language))"
        }
        var c = frame(path: path, title: label, description: description, crumbs: crumbs, language: l.language,
                      versions: versions(of: german, translatedIn: site.otherLanguages))
        let root = Routes.root(from: path)
        c["ags"] = .string(region.ags)
        c["level"] = .string(levelName(region.level, l.language))
        c["parents"] = .list(ancestors.map { ["name": .string($0.name), "url": .string(root + l.path(Routes.place($0.ags)))] })
        if region.level == .gemeinde { return gemeindePage(region, path: path, context: c, root: root, l) }
        c["children"] = .list((model.directory.children[region.ags] ?? []).map { child in
            ["name": .string(child.name), "url": .string(root + l.path(Routes.place(child.ags))), "postal_codes": .string(child.postalCodes.joined(separator: ", "))]
        })
        switch region.level {
        case .land: c["children_title"] = .string(text(model.directory.children[region.ags]?.first?.level == .regierungsbezirk ? "place_children_regierungsbezirke" : "place_children_kreise", l.language))
        case .regierungsbezirk: c["children_title"] = .string(text("place_children_kreise", l.language))
        case .verband: c["children_title"] = .string(text("place_children_members", l.language))
        default: c["children_title"] = .string(text("place_children_gemeinden", l.language))
        }
        if let verbaende = model.directory.verbaende[region.ags] {
            c["verbaende"] = .list(verbaende.map { ["name": .string($0.name), "url": .string(root + l.path(Routes.place($0.ags)))] })
            c["has_verbaende"] = true
        }
        let (groups, omitted) = decidedGroups(at: region, root: root, l)
        c["groups"] = .list(groups)
        c["has_groups"] = .bool(!groups.isEmpty)
        c["is_verband"] = .bool(region.level == .verband)
        if l.translated { germanOnlyNote(omitted, german: german, title: label, root: root, into: &c, l.language) }
        return page(path, Theme.template("place", language: l.language), c)
    }

    /// "Land", "Kreis", … in `language`.
    func levelName(_ level: Region.Level, _ language: String) -> String {
        switch level {
        case .land: return text("level_land", language)
        case .regierungsbezirk: return text("level_regierungsbezirk", language)
        case .kreis: return text("level_kreis", language)
        case .verband: return text("level_verband", language)
        case .gemeinde: return text("level_gemeinde", language)
        }
    }

    /// On a page in another language: how many services its German page lists besides, and a link to it.
    func germanOnlyNote(_ count: Int, german: String, title: String, root: String, into c: inout Context, _ language: String) {
        guard count > 0 else { return }
        c["german_only"] = ["text": .string(count == 1 ? text("german_only_one", language) : text("german_only_n", language).replacingOccurrences(of: "{n}", with: String(count))),
                            "url": .string(root + german), "link": .string(title), "lang": .string(site.language)]
    }

    /// The services a rule at `region` decides, grouped by authority (most services first), each
    /// service with the keys of the `gemeinde-row` template; and how many were left out (no text
    /// in the page's language).
    private func decidedGroups(at region: Region, root: String, _ l: PlaceLanguage) -> (groups: [ContextValue], omitted: Int) {
        var byAuthority: [String: [ContextValue]] = [:]
        var omitted = 0
        let services = model.content.services
        for i in services.indices {
            let slug = services[i].slug
            guard let id = model.index.rules(for: slug)[region.ags] else { continue }
            guard let (title, url) = l.service(i, root) else { omitted += 1; continue }
            byAuthority[id, default: []].append(["slug": .string(slug), "title": .string(title),
                                                 "url": .string(url), "authority": authorityLink(id, root: root, l)])
        }
        let groups: [ContextValue] = sortedByCount(byAuthority).map { id, services in
            ["authority": authorityLink(id, root: root, l), "count": .int(services.count), "count_label": .string(servicesLabel(services.count, l.language)), "services": .list(services)]
        }
        return (groups, omitted)
    }

    /// A Gemeinde's page: its own answers grouped by authority, its gaps, and the rest summed up
    /// by the place whose page lists it. In the site's language the rows themselves are added
    /// when the page is rendered (`GemeindeRows`), in the groups of the plan's `rowGroups`; in
    /// another language, the few services with a text in it are rendered here.
    private func gemeindePage(_ region: Region, path: String, context: Context, root: String, _ l: PlaceLanguage) -> PagePlan {
        var c = context
        c["postal_codes"] = .string(region.postalCodes.joined(separator: ", "))
        let services = model.content.services
        let all = answers.listedOnOwnPage(region)
        let listed = l.translated ? all.filter { l.service($0, root) != nil } : all
        let vector = answers.byGemeinde[region.ags] ?? []
        let levels = answers.levelByGemeinde[region.ags] ?? []
        var byAuthority: [String: [Int]] = [:], gaps: [Int] = []
        for i in listed {
            if vector[i] == GemeindeAnswers.gap { gaps.append(i) } else { byAuthority[answers.authorityIDs[Int(vector[i])], default: []].append(i) }
        }
        let groups = sortedByCount(byAuthority)
        c["groups"] = .list(groups.map { id, rows in
            var group: Context = ["authority": authorityLink(id, root: root, l), "count": .int(rows.count), "count_label": .string(servicesLabel(rows.count, l.language))]
            if l.translated { group["rows"] = .string(translatedRows(rows, answers: vector, root: root, l)) }
            return .object(group)
        })
        c["has_groups"] = .bool(!groups.isEmpty)
        if !gaps.isEmpty {
            var g: Context = ["count": .int(gaps.count), "count_label": .string(servicesLabel(gaps.count, l.language))]
            if let email = site.contact.email { g["contact_email"] = .string(email) }
            if l.translated { g["rows"] = .string(translatedRows(gaps, answers: vector, root: root, l)) }
            c["gaps"] = .object(g)
        }
        // The rest, by the place whose rule decides it: Kreis, Regierungsbezirk, Land.
        let shown = Set(all)
        var elsewhere: [Region.Level: [String: Int]] = [:]
        var total = 0
        for i in services.indices where !shown.contains(i) {
            guard let level = levels[i] else { continue }  // gaps are always shown
            guard !l.translated || l.service(i, root) != nil else { continue }
            elsewhere[level, default: [:]][answers.authorityIDs[Int(vector[i])], default: 0] += 1
            total += 1
        }
        let places: [(level: Region.Level, key: String)] = [
            (.kreis, String(region.ags.prefix(5))), (.regierungsbezirk, String(region.ags.prefix(3))), (.land, String(region.ags.prefix(2))),
        ]
        var others: [ContextValue] = []
        for (level, key) in places {
            guard let counts = elsewhere[level], let place = model.directory.byAGS[key] else { continue }
            let authorities: [(id: String, count: Int)] = counts.map { ($0.key, $0.value) }.sorted { a, b in
                a.count != b.count ? a.count > b.count : a.id < b.id
            }
            var items: [ContextValue] = []
            for (k, entry) in authorities.enumerated() {
                items.append(["authority": authorityLink(entry.id, root: root, l), "count": .int(entry.count), "last": .bool(k == authorities.count - 1)])
            }
            // A Land's services spread over a dozen federal offices; the Gemeinde page names the
            // main ones and leaves the full list to the Land's page (~2 KB on each of 10,981 pages).
            let shownCount = min(authorities.count, Self.othersAuthoritiesShown)
            let first: [ContextValue] = authorities.prefix(shownCount).enumerated().map { k, entry in
                ["authority": authorityLink(entry.id, root: root, l), "count": .int(entry.count), "last": .bool(k == shownCount - 1)]
            }
            let more = authorities.count - shownCount
            let total = authorities.reduce(0) { $0 + $1.count }
            others.append(["name": .string(place.name), "level": .string(levelName(place.level, l.language)), "url": .string(root + l.path(Routes.place(key))),
                           "count": .int(total), "count_label": .string(servicesLabel(total, l.language)), "authorities": .list(items),
                           "first_authorities": .list(first), "more_count": .int(more), "has_more": .bool(more > 0),
                           "more_label": .string(more == 0 ? "" : more == 1 ? text("more_offices_one", l.language) : text("more_offices_n", l.language).replacingOccurrences(of: "{n}", with: String(more)))])
        }
        c["others"] = .list(others)
        c["has_others"] = .bool(!others.isEmpty)
        c["listed_count"] = .int(listed.count)
        let othersCount = l.translated ? total : services.count - listed.count
        c["others_count"] = .int(othersCount)
        c["others_label"] = .string(servicesLabel(othersCount, l.language))
        if l.translated {
            germanOnlyNote(all.count - listed.count, german: Routes.place(region.ags), title: model.directory.label(region), root: root, into: &c, l.language)
            return page(path, Theme.template("gemeinde", language: l.language), c)
        }
        return page(path, "gemeinde", c, gemeinde: region, rowGroups: groups.map(\.1) + (gaps.isEmpty ? [] : [gaps]))
    }

    /// The rows of a Gemeinde page in another language, with the theme's `gemeinde-row`.
    private func translatedRows(_ indexes: [Int], answers vector: [Int32], root: String, _ l: PlaceLanguage) -> String {
        indexes.map { i -> String in
            let (title, url) = l.service(i, root)!
            var row: Context = ["slug": .string(model.content.services[i].slug), "title": .string(title), "url": .string(url)]
            if vector[i] == GemeindeAnswers.gap {
                row["gap"] = true
                if let email = site.contact.email { row["contact_email"] = .string(email) }
            } else {
                let id = answers.authorityIDs[Int(vector[i])]
                row["authority"] = .strings(["name": model.content.authorities[id]?.name ?? id, "url": root + l.path(Routes.authority(id))])
            }
            // Through the stencils: rows of one shape are rendered once and filled.
            return stencils.render(row, template: Theme.template("gemeinde-row", language: l.language))
        }.joined()
    }

    /// How many authorities a Gemeinde page names for the services of its Kreis or Land.
    static let othersAuthoritiesShown = 3

    /// "1 Leistung", "2 Leistungen" in `language`.
    func servicesLabel(_ n: Int, _ language: String) -> String {
        n == 1 ? text("services_one", language) : text("services_n", language).replacingOccurrences(of: "{n}", with: String(n))
    }

    private func authorityLink(_ id: String, root: String, _ l: PlaceLanguage) -> ContextValue {
        ["name": .string(model.content.authorities[id]?.name ?? id), "url": .string(root + l.path(Routes.authority(id)))]
    }

    /// Groups by authority id, the largest first, then by the authority's name.
    private func sortedByCount<T>(_ groups: [String: [T]]) -> [(String, [T])] {
        let name = { (id: String) in model.content.authorities[id]?.name ?? id }
        return groups.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : GermanCollation.less(name(a.key), name(b.key))
        }.map { ($0.key, $0.value) }
    }
}
