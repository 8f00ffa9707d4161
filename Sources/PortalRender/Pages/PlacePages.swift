import PortalModel
import PortalResolve
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

    /// `orte/<ags>/`, by level (output contract v2): every place lists the services a rule of its
    /// own decides, grouped by authority; a Land, Regierungsbezirk or Kreis also lists its places
    /// (a Kreis its Gemeindeverbände too), a Gemeindeverband its members. A Gemeinde lists what its
    /// own or its Gemeindeverband's rules decide, its gaps and the services whose answer differs
    /// within its Kreis, and sums up the rest with links to the pages that list it.
    package func placePage(_ region: Region) -> PagePlan {
        let path = Routes.place(region.ags)
        let ancestors = model.directory.ancestors(of: region)
        let crumbs = [Crumb(title: "Orte", path: Routes.places)] + ancestors.map { Crumb(title: $0.name, path: Routes.place($0.ags)) } + [Crumb(title: region.name, path: path)]
        let label = model.directory.label(region)
        let description: String
        switch region.level {
        case .gemeinde: description = "Zuständige Stellen in \(label) für alle \(model.content.services.count) Leistungen."
        case .verband: description = "\(region.name): Mitgliedsgemeinden und die Leistungen, die der Gemeindeverband für sie erledigt."
        default: description = "Orte in \(region.name) und die Zuständigkeiten, die für ganz \(region.name) gelten."
        }
        var c = frame(path: path, title: label, description: description, crumbs: crumbs)
        let root = Routes.root(from: path)
        c["ags"] = .string(region.ags)
        c["level"] = .string(region.level.label)
        c["parents"] = .list(ancestors.map { ["name": .string($0.name), "url": .string(root + Routes.place($0.ags))] })
        if region.level == .gemeinde { return gemeindePage(region, path: path, context: c, root: root) }
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
        let groups = decidedGroups(at: region, root: root)
        c["groups"] = .list(groups)
        c["has_groups"] = .bool(!groups.isEmpty)
        c["is_verband"] = .bool(region.level == .verband)
        return page(path, "place", c)
    }

    /// The services a rule at `region` decides, grouped by authority (most services first), each
    /// service with the keys of the `gemeinde-row` template.
    private func decidedGroups(at region: Region, root: String) -> [ContextValue] {
        var byAuthority: [String: [ContextValue]] = [:]
        for service in model.content.services {
            guard let id = model.index.rules(for: service.slug)[region.ags] else { continue }
            byAuthority[id, default: []].append(["slug": .string(service.slug), "title": .string(service.title),
                                                 "url": .string(root + Routes.service(service.slug)), "authority": authorityLink(id, root: root)])
        }
        return sortedByCount(byAuthority).map { id, services in
            ["authority": authorityLink(id, root: root), "count": .int(services.count), "count_label": .string(Self.servicesLabel(services.count)), "services": .list(services)]
        }
    }

    /// A Gemeinde's page: its own answers grouped by authority, its gaps, and the rest summed up
    /// by the place whose page lists it. The rows themselves are added when the page is rendered
    /// (`GemeindeRows`), in the groups of the plan's `rowGroups`.
    private func gemeindePage(_ region: Region, path: String, context: Context, root: String) -> PagePlan {
        var c = context
        c["postal_codes"] = .string(region.postalCodes.joined(separator: ", "))
        let services = model.content.services
        let listed = answers.listedOnOwnPage(region)
        let vector = answers.byGemeinde[region.ags] ?? []
        let levels = answers.levelByGemeinde[region.ags] ?? []
        var byAuthority: [String: [Int]] = [:], gaps: [Int] = []
        for i in listed {
            if vector[i] == GemeindeAnswers.gap { gaps.append(i) } else { byAuthority[answers.authorityIDs[Int(vector[i])], default: []].append(i) }
        }
        let groups = sortedByCount(byAuthority)
        c["groups"] = .list(groups.map { id, rows in
            ["authority": authorityLink(id, root: root), "count": .int(rows.count), "count_label": .string(Self.servicesLabel(rows.count))]
        })
        c["has_groups"] = .bool(!groups.isEmpty)
        if !gaps.isEmpty {
            var g: Context = ["count": .int(gaps.count), "count_label": .string(Self.servicesLabel(gaps.count))]
            if let email = site.contact.email { g["contact_email"] = .string(email) }
            c["gaps"] = .object(g)
        }
        // The rest, by the place whose rule decides it: Kreis, Regierungsbezirk, Land.
        let shown = Set(listed)
        var elsewhere: [Region.Level: [String: Int]] = [:]
        for i in services.indices where !shown.contains(i) {
            guard let level = levels[i] else { continue }  // gaps are always shown
            elsewhere[level, default: [:]][answers.authorityIDs[Int(vector[i])], default: 0] += 1
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
                items.append(["authority": authorityLink(entry.id, root: root), "count": .int(entry.count), "last": .bool(k == authorities.count - 1)])
            }
            // A Land's services spread over a dozen federal offices; the Gemeinde page names the
            // main ones and leaves the full list to the Land's page (~2 KB on each of 10,981 pages).
            let shownCount = min(authorities.count, Self.othersAuthoritiesShown)
            let first: [ContextValue] = authorities.prefix(shownCount).enumerated().map { k, entry in
                ["authority": authorityLink(entry.id, root: root), "count": .int(entry.count), "last": .bool(k == shownCount - 1)]
            }
            let more = authorities.count - shownCount
            let total = authorities.reduce(0) { $0 + $1.count }
            others.append(["name": .string(place.name), "level": .string(place.level.label), "url": .string(root + Routes.place(key)),
                           "count": .int(total), "count_label": .string(Self.servicesLabel(total)), "authorities": .list(items),
                           "first_authorities": .list(first), "more_count": .int(more), "has_more": .bool(more > 0),
                           "more_label": .string(more == 0 ? "" : more == 1 ? "1 weitere Stelle" : "\(more) weitere Stellen")])
        }
        c["others"] = .list(others)
        c["has_others"] = .bool(!others.isEmpty)
        c["listed_count"] = .int(listed.count)
        c["others_count"] = .int(services.count - listed.count)
        c["others_label"] = .string(Self.servicesLabel(services.count - listed.count))
        return page(path, "gemeinde", c, gemeinde: region, rowGroups: groups.map(\.1) + (gaps.isEmpty ? [] : [gaps]))
    }

    /// How many authorities a Gemeinde page names for the services of its Kreis or Land.
    static let othersAuthoritiesShown = 3

    /// "1 Leistung", "2 Leistungen".
    static func servicesLabel(_ n: Int) -> String { n == 1 ? "1 Leistung" : "\(n) Leistungen" }

    private func authorityLink(_ id: String, root: String) -> ContextValue {
        ["name": .string(model.content.authorities[id]?.name ?? id), "url": .string(root + Routes.authority(id))]
    }

    /// Groups by authority id, the largest first, then by the authority's name.
    private func sortedByCount<T>(_ groups: [String: [T]]) -> [(String, [T])] {
        let name = { (id: String) in model.content.authorities[id]?.name ?? id }
        return groups.sorted { a, b in
            a.value.count != b.value.count ? a.value.count > b.value.count : GermanCollation.less(name(a.key), name(b.key))
        }.map { ($0.key, $0.value) }
    }
}
