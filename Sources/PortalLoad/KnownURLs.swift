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
    /// Anchor ids of service and free pages, keyed by their path without slashes at the ends.
    /// Lists, not sets: a page has a handful, and thousands of sets are slow to restore from the cache.
    package var anchors: [String: [String]]

    package enum Result: Equatable {
        case ok, missingPage
        case missingAnchor(String)
    }

    package static func anchors(of service: Service) -> [String] {
        service.sections.map(\.id) + ["zustaendige-stelle", "inhalt"]
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
        switch Routes.target(of: url) {
        case nil: return false
        case .home, .serviceIndex, .places, .search: return true
        case .freePage(let slug): return pages.contains(slug)
        case .service(let slug), .form(let slug): return services.contains(slug)
        case .easyLanguage(let slug): return easyLanguage.contains(slug)
        case .themenfeld(let slug): return themenfelder.contains(slug)
        case .lebenslage(let slug): return lebenslagen.contains(slug)
        case .authority(let id): return authorities.contains(id)
        case .place(let ags): return regions.contains(ags)
        }
    }

    package init(services: Set<String>, themenfelder: Set<String>, lebenslagen: Set<String>, pages: Set<String>, regions: Set<String>, authorities: Set<String>,
                 easyLanguage: Set<String> = [], anchors: [String: [String]]) {
        self.easyLanguage = easyLanguage
        self.services = services
        self.themenfelder = themenfelder
        self.lebenslagen = lebenslagen
        self.pages = pages
        self.regions = regions
        self.authorities = authorities
        self.anchors = anchors
    }
}
