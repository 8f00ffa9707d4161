import PortalModel
import PortalResolve
import PortalSupport

extension PageRenderer {
    package func servicePage(_ service: Service) -> PagePlan {
        let path = Routes.service(service.slug)
        let topic = model.themenfeldBySlug[service.topic]
        var crumbs = [Crumb(title: "Leistungen A–Z", path: Routes.serviceIndex)]
        crumbs.append(Crumb(title: service.title, path: path))
        // The meta description is the summary: set by the declared part below.
        var c = frame(path: path, title: service.title, description: "", crumbs: crumbs,
                      versions: versions(of: path, translatedIn: translations(of: service)))
        let root = Routes.root(from: path)
        c["slug"] = .string(service.slug)
        if model.content.easyLanguage[service.slug] != nil { c["easy_language_url"] = .string(root + Routes.easyLanguage(service.slug)) }
        if let topic { c["topic"] = ["title": .string(topic.title), "url": .string(root + Routes.themenfeld(topic.slug))] }
        c["lebenslagen"] = .list(service.lebenslagen.compactMap { model.lebenslageBySlug[$0] }
            .map { ["title": .string($0.title), "url": .string(root + Routes.lebenslage($0.slug))] })
        var facts: [ContextValue] = []
        if let fees = service.fees {
            // Where an editor dated the fee: since when it applies, and what comes next.
            let since = service.feesFrom.map { " (gilt seit \(Self.germanDate($0)))" } ?? ""
            facts.append(["label": "Kosten", "value": .string(fees + since)])
        }
        if let next = service.feesNext, let from = next.validity.from {
            facts.append(["label": "Kosten ab \(Self.germanDate(from))", "value": .string(next.text)])
        }
        if let time = service.processingTime { facts.append(["label": "Bearbeitungsdauer", "value": .string(time)]) }
        if let leika = service.leika { facts.append(["label": "Leistungsschlüssel (LeiKa)", "value": .string(leika)]) }
        if let ozg = service.ozgID { facts.append(["label": "OZG-ID", "value": .string(ozg)]) }
        c["facts"] = .list(facts)
        c["has_facts"] = .bool(!facts.isEmpty)
        if let updated = service.updated ?? service.lifecycle.reviewed {
            c["updated"] = .string(Self.germanDate(updated)); c["updated_iso"] = .string(updated)
        }
        if let note = Self.validityNote(service.lifecycle.validity) { c["validity"] = .string(note) }
        if let online = service.onlineService { c["online_service"] = .string(online) }
        c["form_url"] = .string(root + Routes.form(service.slug))
        if let extra = service.extra { c["extra"] = extra.contextValue }
        c["responsibility"] = responsibility(for: service, root: root)
        if let link = site.feedback?.serviceLink(url: site.baseURL + path, slug: service.slug, leika: service.leika, title: service.title) {
            c["feedback_url"] = .string(link)
        }
        // Made outside the part: the provider's details are read here (recorded), the summary
        // by the part.
        let provider = model.uniformAuthority(service: service.slug).flatMap { model.content.authorities[$0] }
        let jsonld = JSONLD.governmentService(service, site: site, topic: topic?.title, provider: provider, areaServed: model.stateRegion?.name)
        if jsonld == nil {
            c["jsonld"] = .string(JSONLD.governmentServiceText(service, site: site, topic: topic?.title, provider: provider, areaServed: model.stateRegion?.name))
        }
        let body = Self.declareBody(.serviceSections, of: .service(service), texts: theme.texts, arguments: jsonld ?? [], into: &c)
        var plan = page(path, "service", c)
        plan.bodyPart = body
        return plan
    }

    /// "Gilt seit 1. Januar 2027.", "Gilt bis 31. Dezember 2026.", or both; nil without dates.
    package static func validityNote(_ validity: Validity) -> String? {
        switch (validity.from, validity.until) {
        case (let from?, let until?): return "Gilt vom \(germanDate(from)) bis zum \(germanDate(until))."
        case (let from?, nil): return "Gilt seit \(germanDate(from))."
        case (nil, let until?): return "Gilt bis \(germanDate(until))."
        case (nil, nil): return nil
        }
    }

    /// The keys made from the service's body and summary alone (`BodyPart.Kind.serviceSections`):
    /// the sections, the summary, the meta description and, with `arguments` the structured data
    /// around its description (`JSONLD.governmentService`), that data.
    package static func serviceBodyKeys(_ service: Service, arguments: [String]) -> Context {
        let root = Routes.root(from: Routes.service(service.slug))
        let summary = service.summary
        var keys: Context = [
            "sections": .list(service.sections.map {
                ["title": .string($0.title), "id": .string($0.id), "html": .string(Routes.relativeLinks(in: $0.html, root: root))]
            }),
            "has_toc": .bool(service.sections.count > 2),
            "summary": .string(summary),
            "meta_description": .string(metaDescription(summary)),
        ]
        if !arguments.isEmpty { keys["jsonld"] = .string(JSONLD.filled(arguments, description: summary)) }
        return keys
    }

    /// The "Zuständige Stelle" block: one authority for everyone, a gap, or an answer per Kreis
    /// (with a plain link to the Kreis where it differs per Gemeinde). On a page in another
    /// language, the links go to the places and authorities in that language.
    package func responsibility(for service: Service, root: String, language: String? = nil) -> ContextValue {
        let l = placeLanguage(language)
        var r: [String: ContextValue] = ["service": .string(service.slug), "rules_url": .string(root + (rulePaths[service.slug] ?? "")), "finder_id": "ort"]
        if let id = model.uniformAuthority(service: service.slug), let authority = model.content.authorities[id] {
            r["uniform"] = Self.authorityCard(authority, root: root, language: language)
            r["area"] = .string(model.directory.laender.first?.name ?? "")
            return .object(r)
        }
        if model.index.rules(for: service.slug).isEmpty {
            r["none"] = true
            return .object(r)
        }
        r["has_groups"] = true
        let serviceIndex = model.serviceBySlug[service.slug]
        r["groups"] = .list(model.directory.laender.map { land in
            let kreise = model.directory.kreise(in: land).map { kreis -> ContextValue in
                var row: [String: ContextValue] = ["name": .string(kreis.name), "url": .string(root + l.path(Routes.place(kreis.ags))), "ags": .string(kreis.ags)]
                let id: String?
                switch model.answer(service: service.slug, kreis: kreis.ags) {
                case .perGemeinde:
                    // Rules below the Kreis that all give the same answer (a kreisfreie Stadt with
                    // its own rule): the answer, not a detour through the Kreis page.
                    guard let serviceIndex, let shared = answers.sharedAnswer(service: serviceIndex, in: kreis, directory: model.directory) else {
                        row["per_gemeinde"] = true
                        return .object(row)
                    }
                    id = shared
                case .whole(let answer):
                    id = answer?.authority
                }
                if let id, let authority = model.content.authorities[id] {
                    row["authority"] = ["name": .string(authority.name), "url": .string(root + l.path(Routes.authority(authority.id)))]
                } else {
                    row["gap"] = true
                }
                return .object(row)
            }
            return ["name": .string(land.name), "kreise": .list(kreise), "show_name": .bool(model.directory.laender.count > 1)]
        })
        return .object(r)
    }
}

extension TemplateValue {
    /// An editor's `extra:` value as templates see it; null is the empty text.
    package var contextValue: ContextValue {
        switch self {
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .list(let l): return .list(l.map(\.contextValue))
        case .map(let m): return .object(m.mapValues(\.contextValue))
        case .null: return .string("")
        }
    }
}
