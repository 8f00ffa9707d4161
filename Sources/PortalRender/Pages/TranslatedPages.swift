import PortalModel
import PortalResolve
import PortalSupport

/// Pages in another language than the site's (spec v2, `/en/…`): the start page, the A–Z list
/// and each translated service. Facts, responsibilities and links to pages that exist only in
/// German come from the German content; those links say so (`lang`, `hreflang`).
extension PageRenderer {
    /// Where each page exists, by language, for the alternates and the switch.
    package func versions(of path: String, translatedIn languages: [String]) -> [String: String] {
        var result = [site.language: path]
        for language in languages { result[language] = Routes.translated(path, language) }
        return result
    }

    /// The languages a service has a text in, besides the site's.
    package func translations(of service: Service) -> [String] {
        site.otherLanguages.filter { model.content.translations[$0]?[service.slug] != nil }
    }

    /// The languages a Themenfeld or Lebenslage has a title in, besides the site's.
    package func translations(ofTopic slug: String) -> [String] {
        site.otherLanguages.filter { model.content.translatedTopics[$0]?[slug] != nil }
    }

    /// A link to a topic for a page in `language`: its page in that language if it has one,
    /// otherwise the German page, marked as German.
    func topicLink(_ topic: Topic, kind: TopicKind, language: String, root: String) -> Context {
        let path = kind == .themenfeld ? Routes.themenfeld(topic.slug) : Routes.lebenslage(topic.slug)
        if let translated = model.content.translatedTopics[language]?[topic.slug] {
            return ["title": .string(translated.title), "url": .string(root + Routes.translated(path, language))]
        }
        return ["title": .string(topic.title), "url": .string(root + path), "lang": .string(site.language)]
    }

    /// A service in a list of a page in `language`: its translation if it has one, otherwise the
    /// German title and summary, marked as German. The German summary is declared, as in
    /// `serviceItem` (the item has the service's `slug` for that); a translation's is not the
    /// service's summary and its item has no `slug`.
    func serviceLink(_ service: Service, language: String, root: String) -> ContextValue {
        if let t = model.content.translations[language]?[service.slug] {
            return ["title": .string(t.title), "summary": .string(t.summary ?? ""), "url": .string(root + Routes.translated(Routes.service(service.slug), language))]
        }
        InputReads.noteItem(Service.summaryKey(service.slug))
        return ["title": .string(service.title), "summary": .string(service.declaredSummary), "url": .string(root + Routes.service(service.slug)),
                "lang": .string(site.language), "slug": .string(service.slug)]
    }

    package enum TopicKind: Sendable { case themenfeld, lebenslage }

    package func translatedTopicPage(_ topic: Topic, kind: TopicKind, _ language: String) -> PagePlan {
        let english = model.content.translatedTopics[language]![topic.slug]!
        let german = kind == .themenfeld ? Routes.themenfeld(topic.slug) : Routes.lebenslage(topic.slug)
        let path = Routes.translated(german, language)
        var c = frame(path: path, title: english.title, description: english.description ?? english.title, crumbs: [Crumb(title: english.title, path: path)],
                      language: language, versions: versions(of: german, translatedIn: translations(ofTopic: topic.slug)))
        let root = Routes.root(from: path)
        c["kind"] = .string(text(kind == .themenfeld ? "kind_themenfeld" : "kind_lebenslage", language))
        c["description"] = .string(english.description ?? "")
        let indexes = (kind == .themenfeld ? model.servicesByThemenfeld[topic.slug] : model.servicesByLebenslage[topic.slug]) ?? []
        // Services with an English text first (A–Z by their English titles), then the German-only ones.
        let services = indexes.map { model.content.services[$0] }
        let translated = services.filter { model.content.translations[language]?[$0.slug] != nil }
            .sorted { (model.content.translations[language]![$0.slug]!.title).localizedStandardCompare(model.content.translations[language]![$1.slug]!.title) == .orderedAscending }
        c["services"] = .list((translated + services.filter { model.content.translations[language]?[$0.slug] == nil }).map { serviceLink($0, language: language, root: root) })
        let related: [ContextValue]
        if kind == .themenfeld {
            c["related_title"] = .string(text("related_lebenslagen", language))
            related = (model.lebenslagenByThemenfeld[topic.slug] ?? []).compactMap { model.lebenslageBySlug[$0] }
                .map { .object(topicLink($0, kind: .lebenslage, language: language, root: root)) }
        } else {
            c["related_title"] = .string(text("related_themenfelder", language))
            var slugs: [String] = []
            for s in services where !slugs.contains(s.topic) { slugs.append(s.topic) }
            related = slugs.compactMap { model.themenfeldBySlug[$0] }.map { .object(topicLink($0, kind: .themenfeld, language: language, root: root)) }
        }
        c["related"] = .list(related)
        c["has_related"] = .bool(!related.isEmpty)
        return page(path, Theme.template("topic", language: language), c)
    }

    package func translatedHomePage(_ language: String) -> PagePlan {
        let path = Routes.translated(Routes.home, language)
        var c = frame(path: path, title: site.title, description: site.description ?? "", crumbs: [], language: language,
                      versions: versions(of: Routes.home, translatedIn: [language]))
        let root = Routes.root(from: path)
        c["description"] = .string(site.description ?? "")
        c["description_lang"] = .string(site.language)  // site.yml's description is written in the site's language
        c["themenfelder"] = .list(model.content.topics.themenfelder.map { t in
            var item = topicLink(t, kind: .themenfeld, language: language, root: root)
            item["count"] = .int(model.servicesByThemenfeld[t.slug]?.count ?? 0)
            return .object(item)
        })
        let lebenslagen: [ContextValue] = model.content.topics.lebenslagen.filter { model.servicesByLebenslage[$0.slug] != nil }
            .map { .object(topicLink($0, kind: .lebenslage, language: language, root: root)) }
        c["lebenslagen"] = .list(lebenslagen)
        c["has_lebenslagen"] = .bool(!lebenslagen.isEmpty)
        c["service_count"] = .int(model.content.services.filter { model.content.translations[language]?[$0.slug] != nil }.count)
        c["finder_id"] = "ort-start"
        c["kreise"] = placeGroups(root: root, language: language)
        return page(path, Theme.template("home", language: language), c)
    }

    /// The translated services A–Z, then those only in German, linked to their German pages.
    package func translatedServiceIndexPage(_ language: String) -> PagePlan {
        let path = Routes.translated(Routes.serviceIndex, language)
        let texts = model.content.translations[language] ?? [:]
        let count = model.content.services.filter { texts[$0.slug] != nil }.count  // those that apply on the build's day
        var c = frame(path: path, title: text("services_title", language), description: "\(text("services_description_before", language)) \(count) \(text("services_description", language))",
                      crumbs: [Crumb(title: text("crumb_services", language), path: path)], language: language,
                      versions: versions(of: Routes.serviceIndex, translatedIn: [language]))
        let root = Routes.root(from: path)
        let translated = model.content.services.compactMap { s in texts[s.slug].map { (s, $0) } }
            .sorted { $0.1.title.localizedStandardCompare($1.1.title) == .orderedAscending }
        var groups: [(String, [ContextValue])] = []
        for (service, t) in translated {
            let letter = GermanCollation.initial(t.title)
            if groups.last?.0 != letter { groups.append((letter, [])) }
            groups[groups.count - 1].1.append(["title": .string(t.title), "url": .string(root + Routes.translated(Routes.service(service.slug), language))])
        }
        c["letters"] = .list(groups.map { letter, items in
            ["letter": .string(letter), "id": .string("letter-" + Slug.make(from: letter)), "services": .list(items)]
        })
        c["service_count"] = .int(count)
        let germanOnly: [ContextValue] = model.content.services.filter { texts[$0.slug] == nil }
            .map { ["title": .string($0.title), "url": .string(root + Routes.service($0.slug)), "lang": .string(site.language)] }
        c["german_only"] = .list(germanOnly)
        c["has_german_only"] = .bool(!germanOnly.isEmpty)
        return page(path, Theme.template("services", language: language), c)
    }

    package func translatedServicePage(_ service: Service, _ t: ServiceTranslation) -> PagePlan {
        let language = t.language
        let path = Routes.translated(Routes.service(service.slug), language)
        let crumbs = [Crumb(title: text("crumb_services", language), path: Routes.translated(Routes.serviceIndex, language)), Crumb(title: t.title, path: path)]
        var c = frame(path: path, title: t.title, description: t.summary ?? "", crumbs: crumbs, language: language,
                      versions: versions(of: Routes.service(service.slug), translatedIn: translations(of: service)))
        let root = Routes.root(from: path)
        c["slug"] = .string(service.slug)
        c["summary"] = .string(t.summary ?? "")
        if model.content.easyLanguage[service.slug] != nil { c["easy_language_url"] = .string(root + Routes.easyLanguage(service.slug)) }
        if let topic = model.themenfeldBySlug[service.topic] { c["topic"] = .object(topicLink(topic, kind: .themenfeld, language: language, root: root)) }
        c["lebenslagen"] = .list(service.lebenslagen.compactMap { model.lebenslageBySlug[$0] }
            .map { .object(topicLink($0, kind: .lebenslage, language: language, root: root)) })
        let body = Self.declareBody(.translatedSections, of: .translation(t), texts: theme.texts, into: &c)
        var facts: [ContextValue] = []
        if let fees = t.fees { facts.append(["label": .string(text("fact_fees", language)), "value": .string(fees)]) }
        if let time = t.processingTime { facts.append(["label": .string(text("fact_processing_time", language)), "value": .string(time)]) }
        if let leika = service.leika { facts.append(["label": .string(text("fact_leika", language)), "value": .string(leika)]) }
        if let ozg = service.ozgID { facts.append(["label": .string(text("fact_ozg", language)), "value": .string(ozg)]) }
        c["facts"] = .list(facts)
        c["has_facts"] = .bool(!facts.isEmpty)
        if let updated = service.updated ?? service.lifecycle.reviewed {
            c["updated"] = .string(updated); c["updated_iso"] = .string(updated)
        }
        if let online = service.onlineService { c["online_service"] = .string(online) }
        if hasTranslatedForm(service, language) {
            c["form_url"] = .string(root + Routes.translated(Routes.form(service.slug), language))
        } else {
            c["form_url"] = .string(root + Routes.form(service.slug))
            c["form_lang"] = .string(site.language)
        }
        c["responsibility"] = responsibility(for: service, root: root, language: language)
        var plan = page(path, Theme.template("service", language: language), c)
        plan.bodyPart = body
        return plan
    }

    /// The keys of a translated service page made from its text alone (`BodyPart.Kind.translatedSections`).
    package static func translatedServiceBodyKeys(_ t: ServiceTranslation) -> Context {
        let root = Routes.root(from: Routes.translated(Routes.service(t.slug), t.language))
        let sections = t.sections
        return ["sections": .list(sections.map { ["title": .string($0.title), "id": .string($0.id), "html": .string(Routes.relativeLinks(in: $0.html, root: root))] }),
                "has_toc": .bool(sections.count > 2)]
    }
}
