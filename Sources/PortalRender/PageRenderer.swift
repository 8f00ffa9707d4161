import Foundation
import PortalModel
import PortalResolve
import PortalSupport

/// Stage 3: turns a `PageJob` into HTML through the theme's templates.
package struct PageRenderer: Sendable {
    package let model: SiteModel
    package let theme: Theme
    /// Asset template key → site path, e.g. `portal_css` → `assets/portal.1a2b….css`.
    package let assetPaths: [String: String]
    /// Site paths of the data files the browser scripts load.
    package let dataPaths: [String: String]
    /// Per service slug, the site path of its rules for the browser's finder.
    package let rulePaths: [String: String]
    /// Every (service, Gemeinde) answer with the level that decided it, for the place pages.
    package let answers: GemeindeAnswers
    /// Pages of one shape are rendered once and filled in after (see `PageStencils`).
    package let stencils: PageStencils
    /// The open data files with their sizes, for their page (`OpenDataStep`); empty without `open_data`.
    package var openDataFiles: [OpenDataFiles.Listing] = []

    package var site: Site { model.content.site }

    package func plan(_ job: PageJob) -> PagePlan {
        switch job {
        case .home: return homePage()
        case .serviceIndex: return serviceIndexPage()
        case .service(let i): return servicePage(model.content.services[i])
        case .form(let i): return formPage(model.content.services[i])
        case .easyLanguage(let i):
            let service = model.content.services[i]
            return easyLanguagePage(service, model.content.easyLanguage[service.slug]!)
        case .themenfeld(let i): return themenfeldPage(model.content.topics.themenfelder[i])
        case .lebenslage(let i): return lebenslagePage(model.content.topics.lebenslagen[i])
        case .authority(let id): return authorityPage(model.content.authorities[id]!)
        case .places: return placesPage()
        case .place(let i): return placePage(model.content.regions[i])
        case .search: return searchPage()
        case .freePage(let i): return freePage(model.content.pages[i])
        case .notFound: return notFoundPage()
        case .openData: return openDataPage()
        case .signLanguage: return signLanguagePage()
        case .translatedHome(let language): return translatedHomePage(language)
        case .translatedServiceIndex(let language): return translatedServiceIndexPage(language)
        case .translatedSearch(let language): return searchPage(language)
        case .translatedNotFound(let language): return notFoundPage(language)
        case .translatedFreePage(let i, let language):
            let german = model.content.pages[i]
            return translatedFreePage(german, model.content.translatedPages[language]![german.slug]!, language)
        case .translatedThemenfeld(let i, let language): return translatedTopicPage(model.content.topics.themenfelder[i], kind: .themenfeld, language)
        case .translatedLebenslage(let i, let language): return translatedTopicPage(model.content.topics.lebenslagen[i], kind: .lebenslage, language)
        case .translatedService(let i, let language):
            let service = model.content.services[i]
            return translatedServicePage(service, model.content.translations[language]![service.slug]!)
        case .translatedAuthority(let id, let language): return authorityPage(model.content.authorities[id]!, language: language)
        case .translatedPlaces(let language): return placesPage(language)
        case .translatedPlace(let i, let language): return placePage(model.content.regions[i], language: language)
        case .translatedForm(let i, let language):
            let service = model.content.services[i]
            return translatedFormPage(service, model.content.translations[language]![service.slug]!)
        }
    }

    // MARK: - The frame every page shares

    package struct Crumb {
        package var title: String
        package var path: String?
    }

    /// Keys of the base layout: language, titles, canonical link, breadcrumbs, assets, footer.
    /// - Parameters: `language`: the page's, if not the site's; `versions`: the page's path in each
    ///   language it exists in (spec v2), for the alternates and the language switch.
    package func frame(path: String, title: String, description: String, crumbs: [Crumb], root overrideRoot: String? = nil,
                       language: String? = nil, versions: [String: String] = [:]) -> Context {
        let root = overrideRoot ?? Routes.root(from: path)
        let language = language ?? site.language
        let translated = language != site.language
        var assets: [String: String] = [:]
        for (key, value) in assetPaths { assets[key] = root + value }
        var data: [String: String] = [:]
        // The search index's name changes with every text edit; only the search page gets it, so
        // an edit does not change every page (incremental builds).
        for (key, value) in dataPaths where key != "search" && !key.hasPrefix("search-") { data[key] = root + value }
        let home = translated ? Routes.translated(Routes.home, language) : Routes.home
        let trail: [Crumb] = path == home ? [] : [Crumb(title: text("crumb_home", language), path: home)] + crumbs
        let breadcrumbs: [ContextValue] = trail.enumerated().map { i, crumb in
            var item: [String: ContextValue] = ["title": .string(crumb.title)]
            if i < trail.count - 1, let p = crumb.path { item["url"] = .string(root + p) }
            return .object(item)
        }
        let footerPages: [ContextValue] = model.content.pages.map { page in
            // On a page in another language: the free page in that language, else the site's, marked.
            if translated, let own = model.content.translatedPages[language]?[page.slug] {
                return ["title": .string(own.title), "url": .string(root + Routes.freePage(own.slug))]
            }
            var item: Context = ["title": .string(page.title), "url": .string(root + Routes.freePage(page.slug))]
            if translated { item["lang"] = .string(site.language) }
            return .object(item)
        }
        var context: Context = [
            "lang": .string(language),
            "site_title": .string(site.title),
            "title": .string(title),
            "html_title": .string(path == home ? site.title : "\(title) – \(site.title)"),
            "meta_description": .string(Self.metaDescription(description.isEmpty ? (site.description ?? site.title) : description)),
            "canonical": .string(site.baseURL + path),
            "root": .string(root),
            "home_url": .string(translated ? root + home : root.isEmpty ? "./" : root),
            "search_url": .string(root + (translated ? Routes.translated(Routes.search, language) : Routes.search)),
            "services_url": .string(root + (translated ? Routes.translated(Routes.serviceIndex, language) : Routes.serviceIndex)),
            "places_url": .string(root + (translated ? Routes.translated(Routes.places, language) : Routes.places)),
            "assets": .strings(assets),
            "data": .strings(data),
            "breadcrumbs": .list(breadcrumbs),
            "has_breadcrumbs": .bool(!breadcrumbs.isEmpty),
            "footer_pages": .list(footerPages),
            "csp": .string(Self.contentSecurityPolicy(site)),
            "is_home": .bool(path == home),
        ]
        if !site.otherLanguages.isEmpty {
            languageLinks(path: path, language: language, versions: versions, root: root, into: &context)
        }
        if translated {
            context["finder_texts"] = .string(theme.texts.scriptTexts(language, "finder"))
            context["search_texts"] = .string(theme.texts.scriptTexts(language, "search"))
            context["site_lang"] = .string(site.language)
            // The finder links authorities and places in the page's language.
            context["page_prefix"] = .string(Routes.translated("", language))
        }
        if let email = site.contact.email { context["contact_email"] = .string(email) }
        if let phone = site.contact.phone { context["contact_phone"] = .string(phone) }
        context["has_contact"] = .bool(site.contact.email != nil || site.contact.phone != nil)
        if site.openData != nil { context["open_data_url"] = .string(root + Routes.openData) }
        if let address = site.feedback?.accessibility {
            // A mail names the page it is about, so the editors need not ask.
            let page = site.baseURL + path
            context["accessibility_feedback_url"] = .string(address.hasPrefix("mailto:") && !address.contains("?")
                ? address + "?subject=" + Feedback.percentEncoded("Barriere melden: \(page)") : address)
        }
        if let slug = model.content.pages.first(where: { $0.slug == "leichte-sprache" })?.slug { context["leichte_sprache_url"] = .string(root + Routes.freePage(slug)) }
        if !site.signLanguage.isEmpty { context["sign_language_url"] = .string(root + Routes.signLanguage) }
        if let slug = model.content.pages.first(where: { $0.slug == "barrierefreiheit" })?.slug { context["barrierefreiheit_url"] = .string(root + Routes.freePage(slug)) }
        return context
    }

    /// A text of the theme (`i18n/<language>.yml`) for what the build writes itself.
    package func text(_ key: String, _ language: String) -> String { theme.texts.text(key, language) }

    /// Alternates and the language switch (spec v2): `hreflang` for each language the page exists
    /// in and `x-default` (the site's language) only where a translation exists; a switch to the
    /// same page in each other language, or to that language's start page, saying so.
    private func languageLinks(path: String, language: String, versions: [String: String], root: String, into context: inout Context) {
        if versions.count > 1 {
            var alternates: [ContextValue] = site.languages.compactMap { l in
                versions[l].map { ["hreflang": .string(l), "href": .string(site.baseURL + $0)] }
            }
            if let original = versions[site.language] { alternates.append(["hreflang": "x-default", "href": .string(site.baseURL + original)]) }
            context["alternates"] = .list(alternates)
        }
        context["language_switch"] = .list(site.languages.filter { $0 != language }.map { other in
            let target = versions[other]
            let home = other == site.language ? Routes.home : Routes.translated(Routes.home, other)
            return ["hreflang": .string(other), "url": .string(target.map { root + $0 } ?? (root.isEmpty && home.isEmpty ? "./" : root + home)),
                    "text": .string(target == nil ? text("switch_missing", other) : text("language_name", other))]
        })
        context["language_switch_label"] = .string(text("language_switch_label", language))
        context["has_language_switch"] = true
    }

    /// Only the site's own origin (and the form target, if any) may be used by a page. The same
    /// policy goes into the `<meta>` tag of every page and, with `frame-ancestors` (which a
    /// `<meta>` policy cannot carry), into the server's header (`ServerConfig`).
    package static func contentSecurityPolicy(_ site: Site) -> String {
        var formAction = "'self'"
        if let action = site.formAction, let url = URL(string: action), let scheme = url.scheme, let host = url.host {
            formAction += " \(scheme)://\(host)\(url.port.map { ":\($0)" } ?? "")"
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action \(formAction)"
    }

    /// Meta descriptions stay under ~160 characters and cut at a word.
    package static func metaDescription(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > 160 else { return flat }
        let cut = flat.prefix(157)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + " …"
    }

    package func page(_ path: String, _ template: String, _ context: Context, gemeinde: Region? = nil, rowGroups: [[Int]] = []) -> PagePlan {
        var plan = PagePlan(path: path, template: template, context: context, gemeinde: gemeinde)
        plan.rowGroups = rowGroups
        return plan
    }

    /// The page's HTML. `rows` must be given for Gemeinde pages; `shape` is the plan's, if known.
    package func html(_ plan: PagePlan, shape: Shape? = nil, rows: GemeindeRows?) -> String {
        if plan.gemeinde != nil, let rows {
            return stencils.render(Self.context(plan, rows: rows), template: plan.template)
        }
        return stencils.render(plan.context, template: plan.template, shape: shape)
    }

    /// A Gemeinde page's whole context: each of its groups (`rowGroups`, in the order of the
    /// context's `groups` list, then `gaps`) gets its pre-rendered rows as `rows`.
    package static func context(_ plan: PagePlan, rows: GemeindeRows) -> Context {
        guard let gemeinde = plan.gemeinde else { return plan.context }
        var context = plan.context
        var groups = plan.rowGroups.makeIterator()
        if case .list(let items)? = context["groups"] {
            context["groups"] = .list(items.map { item in
                guard case .object(var group) = item, let services = groups.next() else { return item }
                group["rows"] = .string(rows.html(for: gemeinde, services: services))
                return .object(group)
            })
        }
        if case .object(var gaps)? = context["gaps"], let services = groups.next() {
            gaps["rows"] = .string(rows.html(for: gemeinde, services: services))
            context["gaps"] = .object(gaps)
        }
        return context
    }

    /// What the page is made of: its template (with every template it includes), its context
    /// (as shape and leaves, see `PageStencils`) and, for a Gemeinde page, the answer behind each
    /// row. Nil if the context cannot be digested.
    package func fingerprint(_ plan: PagePlan, shape: Shape?, rowsDigest: String, answers: GemeindeAnswers) -> String? {
        guard let shape else { return nil }
        var f = Self.fingerprint(template: plan.template, shape: shape, theme: theme)
        if let gemeinde = plan.gemeinde {
            // The digest covers the sorted authority ids the answers index into.
            f.add(rowsDigest)
            f.add(theme.templateDigests["gemeinde-row"] ?? "")
            (answers.byGemeinde[gemeinde.ags] ?? []).withUnsafeBytes { f.add($0) }
            for group in plan.rowGroups { f.add(tag: 0xFE); group.withUnsafeBytes { f.add($0) } }
        }
        return f.hex
    }

    /// The part of a page's fingerprint that every page has.
    package static func fingerprint(template: String, shape: Shape, theme: Theme) -> Fingerprint {
        var f = Fingerprint()
        f.add(template)
        f.add(theme.templateDigests[template] ?? "")
        shape.key.withUnsafeBytes { f.add($0) }
        f.add(tag: 0xFF)
        f.add(shape.leaves.count)
        for leaf in shape.leaves { f.add(leaf) }
        return f
    }

    // MARK: - Shared pieces

    /// A service in a list. Its summary is declared, not recorded (`InputReads.noteItem`): after an
    /// edit to it, the quick rebuild puts the new one into every such item (`withSummaries`).
    package func serviceItem(_ service: Service, root: String) -> ContextValue {
        InputReads.noteItem(Service.summaryKey(service.slug))
        var item: [String: ContextValue] = ["title": .string(service.title), "summary": .string(service.declaredSummary),
                                            "url": .string(root + Routes.service(service.slug)), "slug": .string(service.slug)]
        if let topic = model.themenfeldBySlug[service.topic] { item["topic"] = .string(topic.title) }
        return .object(item)
    }

    /// `context` with the summaries (by service slug) put into the service items below its own
    /// keys (`serviceItem`): what a page that lists those services shows after a summary edit.
    package static func withSummaries(_ context: Context, _ summaries: [String: String]) -> Context {
        func patch(_ value: ContextValue) -> ContextValue {
            switch value {
            case .list(let items):
                return .list(items.map(patch))
            case .object(var object):
                if case .string(let slug)? = object["slug"], let summary = summaries[slug], object["summary"] != nil {
                    object["summary"] = .string(summary)
                }
                return .object(object.mapValues(patch))
            default:
                return value
            }
        }
        return context.mapValues(patch)
    }

    /// Whether every value under one of `names`, anywhere in `context`, is a text, a number or a
    /// list of those: then a section of such a name pushes no object, and `{{.}}` directly inside
    /// it shows no item's values (`Theme.Showing.throughSections`). A yes/no value, whose
    /// section may leave the object around it on top, counts as an object.
    package static func holdsOnlyTexts(under names: Set<String>, in context: Context) -> Bool {
        func leaf(_ value: ContextValue) -> Bool {
            switch value {
            case .string, .int: return true
            case .list(let items): return items.allSatisfy { if case .string = $0 { return true }; if case .int = $0 { return true }; return false }
            case .bool, .object: return false
            }
        }
        func walk(_ value: ContextValue) -> Bool {
            switch value {
            case .list(let items): return items.allSatisfy(walk)
            case .object(let object): return object.allSatisfy { (!names.contains($0.key) || leaf($0.value)) && walk($0.value) }
            default: return true
            }
        }
        return walk(.object(context))
    }

    /// An authority's address and contact; `language`: the page's, if not the site's (the name
    /// links to the authority's page in it).
    package static func authorityCard(_ authority: Authority, root: String, language: String? = nil) -> ContextValue {
        let page = language.map { Routes.translated(Routes.authority(authority.id), $0) } ?? Routes.authority(authority.id)
        var card: [String: ContextValue] = [
            "id": .string(authority.id),
            "name": .string(authority.name),
            "url": .string(root + page),
            "street": .string(authority.address.street),
            "postal_code": .string(authority.address.postalCode),
            "city": .string(authority.address.city),
            "opening_hours": .strings(authority.openingHours),
            "has_opening_hours": .bool(!authority.openingHours.isEmpty),
        ]
        if let v = authority.phone { card["phone"] = .string(v); card["phone_href"] = .string("tel:" + v.filter { $0.isNumber || $0 == "+" }) }
        if let v = authority.email { card["email"] = .string(v) }
        if let v = authority.website { card["website"] = .string(v) }
        if let v = authority.accessibility { card["accessibility"] = .string(v) }
        return .object(card)
    }

    /// "1. Oktober 2026" from an ISO date.
    package static func germanDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return iso }
        let months = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"]
        return "\(parts[2]). \(months[parts[1] - 1]) \(parts[0])"
    }

    package init(model: SiteModel, answers: GemeindeAnswers, theme: Theme, assetPaths: [String: String], dataPaths: [String: String], rulePaths: [String: String], stencils: PageStencils) {
        self.model = model
        self.answers = answers
        self.theme = theme
        self.assetPaths = assetPaths
        self.dataPaths = dataPaths
        self.rulePaths = rulePaths
        self.stencils = stencils
    }
}
