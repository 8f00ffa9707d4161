import PortalModel
import PortalSupport

/// The root-relative URLs a content tree produces, for checking editors' links.
package struct KnownURLs: Sendable {
    package var services: Set<String>
    package var themenfelder: Set<String>
    package var lebenslagen: Set<String>
    package var pages: Set<String>
    package var regions: Set<String>
    package var authorities: Set<String>
    /// Services with a text in Leichte Sprache.
    package var easyLanguage: Set<String>
    /// Pages in another language (spec v2), by their path without slashes at the ends (`en`,
    /// `en/leistungen/x`).
    package var translated: Set<String>
    /// Anchor ids of service and free pages, keyed by their path without slashes at the ends.
    /// Lists, not sets: a page has a handful, and thousands of sets are slow to restore from the cache.
    package var anchors: [String: [String]]

    package enum Result: Equatable {
        case ok, missingPage
        case missingAnchor(String)
    }

    package static func anchors(of service: Service) -> [String] { serviceAnchors(service.sections) }

    package static func anchors(of translation: ServiceTranslation) -> [String] { serviceAnchors(translation.sections) }

    /// A service page's anchors, in any language: its sections', the responsibility block's and the content's.
    private static func serviceAnchors(_ sections: [Section]) -> [String] {
        sections.map(\.id) + ["zustaendige-stelle", "inhalt"]
    }

    /// The paths (`en/leistungen/x`) of the pages in other languages, with the anchors of the
    /// services' and free pages' texts.
    package static func translatedPages(translations: [String: [String: ServiceTranslation]], topics: [String: [String: Topic]], pages: [String: [String: Page]],
                                        themenfelder: Set<String>, schemaForms: Set<String>, anchors: inout [String: [String]]) -> Set<String> {
        var paths: Set<String> = []
        for language in Set(translations.keys).union(topics.keys).union(pages.keys) {
            for base in [Routes.home, Routes.serviceIndex, Routes.search] { paths.insert(Routes.anchorKey(Routes.translated(base, language))) }
            for (slug, translation) in translations[language] ?? [:] {
                let key = Routes.anchorKey(Routes.translated(Routes.service(slug), language))
                paths.insert(key)
                anchors[key] = Self.anchors(of: translation)
                // Its form too, unless it comes from a FIM Stammdatenschema (German only).
                if !schemaForms.contains(slug) { paths.insert(Routes.anchorKey(Routes.translated(Routes.form(slug), language))) }
            }
            for slug in (topics[language] ?? [:]).keys {
                let base = themenfelder.contains(slug) ? Routes.themenfeld(slug) : Routes.lebenslage(slug)
                paths.insert(Routes.anchorKey(Routes.translated(base, language)))
            }
            for page in (pages[language] ?? [:]).values {
                let key = Routes.anchorKey(Routes.freePage(page.slug))  // its slug is already `en/<slug>`
                paths.insert(key)
                anchors[key] = Self.anchors(of: page)
            }
        }
        return paths
    }

    package static func anchors(of page: Page) -> [String] {
        SiteHTML.ids(in: page.html) + ["inhalt"]
    }

    /// Reports every link that leads nowhere.
    package func check(_ links: [MarkdownDocument.Link], into diagnostics: inout Diagnostics) {
        for link in links {
            switch check(link.url) {
            case .ok: break
            case .missingPage:
                diagnostics.error(link.location, "Link auf „\(link.url)“ führt ins Leere: diese Seite gibt es im Portal nicht")
            case .missingAnchor(let anchor):
                diagnostics.error(link.location, "Link auf „\(link.url)“: die Seite hat keinen Abschnitt „#\(anchor)“")
            }
        }
    }

    package func check(_ url: String) -> Result {
        guard contains(url) else { return .missingPage }
        guard let hash = url.firstIndex(of: "#") else { return .ok }
        let anchor = String(url[url.index(after: hash)...])
        let path = Routes.anchorKey(String(url[..<hash]))
        guard !anchor.isEmpty, let ids = anchors[path] else { return .ok }
        return ids.contains(anchor) ? .ok : .missingAnchor(anchor)
    }

    package func contains(_ url: String) -> Bool {
        let target = Routes.target(of: url)
        if case .translated(let language, let inner)? = target {
            // Places and authorities exist in every language the site has (one of its pages does).
            let inUse = translated.contains(Routes.anchorKey(Routes.translated(Routes.home, language)))
            switch inner {
            case .places: return inUse
            case .place(let ags): return inUse && regions.contains(ags)
            case .authority(let id): return inUse && authorities.contains(id)
            default: return translated.contains(Routes.anchorKey(Routes.path(of: url)))
            }
        }
        switch target {
        case nil: return false
        case .home, .serviceIndex, .places, .search: return true
        case .freePage(let slug): return pages.contains(slug)
        case .service(let slug), .form(let slug): return services.contains(slug)
        case .easyLanguage(let slug): return easyLanguage.contains(slug)
        case .themenfeld(let slug): return themenfelder.contains(slug)
        case .lebenslage(let slug): return lebenslagen.contains(slug)
        case .authority(let id): return authorities.contains(id)
        case .place(let ags): return regions.contains(ags)
        case .translated: return false  // handled above
        }
    }

    package init(services: Set<String>, themenfelder: Set<String>, lebenslagen: Set<String>, pages: Set<String>, regions: Set<String>, authorities: Set<String>,
                 easyLanguage: Set<String> = [], translated: Set<String> = [], anchors: [String: [String]]) {
        self.easyLanguage = easyLanguage
        self.translated = translated
        self.services = services
        self.themenfelder = themenfelder
        self.lebenslagen = lebenslagen
        self.pages = pages
        self.regions = regions
        self.authorities = authorities
        self.anchors = anchors
    }
}
