import PortalModel
import PortalSupport

extension PageRenderer {
    package func freePage(_ free: Page) -> PagePlan {
        let path = Routes.freePage(free.slug)
        let languages = site.otherLanguages.filter { model.content.translatedPages[$0]?[free.slug] != nil }
        var c = frame(path: path, title: free.title, description: free.description ?? String(free.text.prefix(200)),
                      crumbs: [Crumb(title: free.title, path: path)], versions: versions(of: path, translatedIn: languages))
        let body = Self.declareBody(.pageBody, of: .page(free), texts: theme.texts, into: &c)
        if let extra = free.extra { c["extra"] = extra.contextValue }
        // The Leichte-Sprache page lists the services that have a text in Leichte Sprache.
        if free.slug == Self.easyLanguagePageSlug {
            let root = Routes.root(from: path)
            let texts: [ContextValue] = model.content.services.compactMap { service in
                model.content.easyLanguage[service.slug].map { ["title": .string($0.title), "service": .string(service.title),
                                                                  "url": .string(root + Routes.easyLanguage(service.slug))] }
            }
            c["easy_language_texts"] = .list(texts)
            c["has_easy_language_texts"] = .bool(!texts.isEmpty)
        }
        var plan = page(path, "page", c)
        plan.bodyPart = body
        return plan
    }

    /// A free page in another language (`pages/<slug>.en.md`), at `en/<slug>/`.
    package func translatedFreePage(_ german: Page, _ own: Page, _ language: String) -> PagePlan {
        let path = Routes.freePage(own.slug)
        let languages = site.otherLanguages.filter { model.content.translatedPages[$0]?[german.slug] != nil }
        var c = frame(path: path, title: own.title, description: own.description ?? String(own.text.prefix(200)),
                      crumbs: [Crumb(title: own.title, path: path)], language: language,
                      versions: versions(of: Routes.freePage(german.slug), translatedIn: languages))
        let body = Self.declareBody(.pageBody, of: .page(own), texts: theme.texts, into: &c)
        if let extra = own.extra { c["extra"] = extra.contextValue }
        var plan = page(path, Theme.template("page", language: language), c)
        plan.bodyPart = body
        return plan
    }

    /// The free page that explains the portal in Leichte Sprache (BITV 2.0 § 4).
    package static let easyLanguagePageSlug = "leichte-sprache"

    /// The keys made from a free page's body alone (`BodyPart.Kind.pageBody`). Without a
    /// `description`, the page's meta description is made from its text too, outside this part:
    /// that read is recorded, and an edit of such a page's body is a full build.
    package static func freePageBodyKeys(_ free: Page) -> Context {
        ["body": .string(Routes.relativeLinks(in: free.html, root: Routes.root(from: Routes.freePage(free.slug))))]
    }

    /// The search page; in another language than the site's (`en/suche/`), over that language's
    /// index (`dataPaths["search-en"]`).
    package func searchPage(_ language: String? = nil) -> PagePlan {
        guard let language, language != site.language else {
            let path = Routes.search
            let title = text("search_title", site.language)
            let c = frame(path: path, title: title, description: text("search_description", site.language), crumbs: [Crumb(title: title, path: path)],
                          versions: versions(of: path, translatedIn: site.otherLanguages))
            return page(path, "search", Self.pointingToSearchIndex(c, at: dataPaths["search"] ?? ""))
        }
        let path = Routes.translated(Routes.search, language)
        let title = text("search_title", language)
        let c = frame(path: path, title: title, description: text("search_description", language), crumbs: [Crumb(title: title, path: path)],
                      language: language, versions: versions(of: Routes.search, translatedIn: [language]))
        return page(path, Theme.template("search", language: language), Self.pointingToSearchIndex(c, at: dataPaths["search-" + language] ?? ""))
    }

    /// The search page's context with the path of the index file (its name changes with every
    /// text edit, see `frame`).
    package static func pointingToSearchIndex(_ context: Context, at indexPath: String) -> Context {
        var c = context
        var data: [String: ContextValue] = [:]
        if case .object(let known)? = c["data"] { data = known }
        data["search"] = .string((c["root"]?.string ?? "") + indexPath)
        c["data"] = .object(data)
        return c
    }

    /// The 404 page is served for any missing URL at any depth, so its links start at the base path.
    /// In another language (`en/404.html`), the server sends it for missing URLs below `/en/`
    /// (`ServerConfig`); the two name each other in the language switch, not as alternates.
    package func notFoundPage(_ language: String? = nil) -> PagePlan {
        let language = language ?? site.language
        let path = language == site.language ? Routes.notFound : Routes.translated(Routes.notFound, language)
        var c = frame(path: path, title: text("notfound_title", language), description: text("notfound_description", language), crumbs: [], root: site.basePath,
                      language: language, versions: site.otherLanguages.isEmpty ? [:] : versions(of: Routes.notFound, translatedIn: site.otherLanguages))
        c["canonical"] = nil
        c["alternates"] = nil
        c["breadcrumbs"] = []
        c["has_breadcrumbs"] = false
        return page(path, Theme.template("notfound", language: language), c)
    }
}
