import PortalModel

extension PageRenderer {
    package func servicePage(_ service: Service) -> PagePlan {
        let path = Routes.service(service.slug)
        let topic = model.themenfeldBySlug[service.topic]
        var crumbs = [Crumb(title: "Leistungen A–Z", path: Routes.serviceIndex)]
        crumbs.append(Crumb(title: service.title, path: path))
        var c = frame(path: path, title: service.title, description: service.summary, crumbs: crumbs)
        let root = c["root"] as! String
        c["slug"] = service.slug
        c["summary"] = service.summary
        if let topic { c["topic"] = ["title": topic.title, "url": root + Routes.themenfeld(topic.slug)] }
        c["lebenslagen"] = service.lebenslagen.compactMap { model.lebenslageBySlug[$0] }.map { ["title": $0.title, "url": root + Routes.lebenslage($0.slug)] }
        c.merge(Self.serviceBodyKeys(service)) { _, body in body }
        var facts: [[String: Any]] = []
        if let fees = service.fees { facts.append(["label": "Kosten", "value": fees]) }
        if let time = service.processingTime { facts.append(["label": "Bearbeitungsdauer", "value": time]) }
        if let leika = service.leika { facts.append(["label": "Leistungsschlüssel (LeiKa)", "value": leika]) }
        if let ozg = service.ozgID { facts.append(["label": "OZG-ID", "value": ozg]) }
        c["facts"] = facts
        c["has_facts"] = !facts.isEmpty
        if let updated = service.updated { c["updated"] = Self.germanDate(updated); c["updated_iso"] = updated }
        if let online = service.onlineService { c["online_service"] = online }
        c["form_url"] = root + Routes.form(service.slug)
        if let extra = service.extra { c["extra"] = extra.mustacheValue }
        c["responsibility"] = responsibility(for: service, root: root)
        c["jsonld"] = JSONLD.governmentService(service, site: site, topic: topic?.title, provider: model.uniformAuthority(service: service.slug).flatMap { model.content.authorities[$0] }, areaServed: model.stateRegion?.name)
        return page(path, "service", c)
    }

    /// The keys made from the service's body alone; the rest of the context is made from its
    /// front matter and other files (a body edit renders the page from the cached rest, `BodyEditBuild`).
    package static let serviceBodyKeyNames: Set<String> = ["sections", "has_toc"]

    package static func serviceBodyKeys(_ service: Service) -> [String: Any] {
        let root = Routes.root(from: Routes.service(service.slug))
        return ["sections": service.sections.map { ["title": $0.title, "id": $0.id, "html": Routes.relativeLinks(in: $0.html, root: root)] },
                "has_toc": service.sections.count > 2]
    }

    /// The "Zuständige Stelle" block: one authority for everyone, a gap, or an answer per Kreis
    /// (with a plain link to the Kreis where it differs per Gemeinde).
    package func responsibility(for service: Service, root: String) -> [String: Any] {
        var r: [String: Any] = ["service": service.slug, "rules_url": root + (rulePaths[service.slug] ?? ""), "finder_id": "ort"]
        if let id = model.uniformAuthority(service: service.slug), let authority = model.content.authorities[id] {
            r["uniform"] = authorityCard(authority, root: root)
            r["area"] = model.directory.laender.first?.name ?? ""
            return r
        }
        if model.index.rules(for: service.slug).isEmpty {
            r["none"] = true
            return r
        }
        r["has_groups"] = true
        r["groups"] = model.directory.laender.map { land -> [String: Any] in
            let kreise = (model.directory.children[land.ags] ?? []).map { kreis -> [String: Any] in
                var row: [String: Any] = ["name": kreis.name, "url": root + Routes.place(kreis.ags), "ags": kreis.ags]
                switch model.answer(service: service.slug, kreis: kreis.ags) {
                case .perGemeinde:
                    row["per_gemeinde"] = true
                case .whole(let answer):
                    if let answer, let authority = model.content.authorities[answer.authority] {
                        row["authority"] = ["name": authority.name, "url": root + Routes.authority(authority.id)]
                    } else {
                        row["gap"] = true
                    }
                }
                return row
            }
            return ["name": land.name, "kreise": kreise, "show_name": model.directory.laender.count > 1]
        }
        return r
    }
}
