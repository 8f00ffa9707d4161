import PortalModel
import PortalSupport

extension PageRenderer {
    /// `behoerden/<id>/`, or its version in another language (`/en/behoerden/<id>/`), which lists
    /// only the services with a text in that language and says how many more the German page has.
    package func authorityPage(_ authority: Authority, language: String? = nil) -> PagePlan {
        let l = placeLanguage(language)
        let german = Routes.authority(authority.id)
        let path = l.path(german)
        // The meta description is the details part's (`authorityDetailsKeys`).
        var c = frame(path: path, title: authority.name, description: authority.name,
                      crumbs: [Crumb(title: text("places_title", l.language), path: l.path(Routes.places)), Crumb(title: authority.name, path: path)],
                      language: l.language, versions: versions(of: german, translatedIn: site.otherLanguages))
        let root = Routes.root(from: path)
        let details = Self.declareBody(.authorityDetails, of: .authority(authority), texts: theme.texts,
                                       arguments: [root, l.language, l.translated ? "1" : "", site.baseURL], into: &c)
        // The services it serves and where; a more specific rule of another authority is named as an exception.
        var rows: [ContextValue] = []
        var omitted = 0
        var current: (slug: String, row: ContextValue, areas: [String])?
        var last: String?
        func flush() {
            if let done = current, case .object(var row) = done.row {
                row["areas"] = .string(done.areas.joined(separator: "; "))
                rows.append(.object(row))
            }
        }
        let except = text("authority_except", l.language)
        for rule in model.rules(ofAuthority: authority.id) {
            guard let index = model.serviceBySlug[rule.service] else { continue }
            if last != rule.service {
                last = rule.service
                flush()
                current = nil
                if l.translated {
                    guard let (title, url) = l.service(index, root) else { omitted += 1; continue }
                    current = (rule.service, ["title": .string(title), "url": .string(url), "slug": .string(rule.service)], [])
                } else {
                    current = (rule.service, serviceItem(model.content.services[index], root: root), [])
                }
            }
            guard current != nil else { continue }
            let name = model.directory.byAGS[rule.region].map { model.directory.label($0) } ?? rule.region
            let serviceRules = model.index.rules(for: rule.service)
            let exceptions = model.index.deeperRegions(service: rule.service, inside: rule.region)
                .filter { serviceRules[$0] != authority.id }
                .sorted().compactMap { model.directory.byAGS[$0]?.name }
            current!.areas.append(exceptions.isEmpty ? name : "\(name) (\(except) \(exceptions.joined(separator: ", ")))")
        }
        flush()
        c["services"] = .list(rows)
        c["has_services"] = .bool(!rows.isEmpty)
        if l.translated { germanOnlyNote(omitted, german: german, title: authority.name, root: root, into: &c, l.language) }
        var plan = page(path, Theme.template("authority", language: l.language), c)
        plan.bodyPart = details
        return plan
    }

    /// The part of an authority's page made from its details; `arguments`: the page's root,
    /// its language, whether that is not the site's ("1"), the site's address.
    package static func authorityDetailsKeys(_ authority: Authority, arguments: [String], texts: ThemeTexts) -> Context? {
        guard arguments.count == 4 else { return nil }
        let (root, language, translated, baseURL) = (arguments[0], arguments[1], arguments[2] == "1", arguments[3])
        let a = authority.address
        let description = "\(authority.name), \(a.street), \(a.postalCode) \(a.city)\(texts.text("authority_description", language))"
        return [
            "meta_description": .string(metaDescription(description)),
            "authority": authorityCard(authority, root: root, language: translated ? language : nil),
            "jsonld": .string(JSONLD.governmentOffice(authority, baseURL: baseURL)),
        ]
    }
}
