import PortalModel
import PortalSupport

/// `sitemap.xml` with absolute URLs and `robots.txt` pointing to it.
package enum Sitemap {
    /// - Parameter versions: for pages that exist in several languages (spec v2), each of their
    ///   paths by language; they get `xhtml:link` alternates, `x-default` the site's language.
    package static func xml(paths: [String], baseURL: String, versions: [String: [String: String]] = [:], siteLanguage: String = "de") -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (versions.isEmpty ? "" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"") + ">\n"
        for path in paths {
            out += "  <url><loc>\(HTML.xml(baseURL + path))</loc>"
            if let byLanguage = versions[path] {
                for (language, alternate) in byLanguage.sorted(by: { $0.key < $1.key }) {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(HTML.xml(baseURL + alternate))\"/>"
                }
                if let original = byLanguage[siteLanguage] {
                    out += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(HTML.xml(baseURL + original))\"/>"
                }
            }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// Every page that exists in more than one language, by each of its paths: the start page and
    /// the A–Z list and the search in every language the site publishes, and each translated page.
    package static func versions(of content: Content) -> [String: [String: String]] {
        let site = content.site
        guard !site.otherLanguages.isEmpty else { return [:] }
        var groups: [[String: String]] = []
        for base in [Routes.home, Routes.serviceIndex, Routes.search] {
            var group = [site.language: base]
            for language in site.otherLanguages { group[language] = Routes.translated(base, language) }
            groups.append(group)
        }
        for service in content.services {
            var group = [site.language: Routes.service(service.slug)]
            for language in site.otherLanguages where content.translations[language]?[service.slug] != nil {
                group[language] = Routes.translated(Routes.service(service.slug), language)
            }
            if group.count > 1 { groups.append(group) }
        }
        for (base, slug) in content.topics.themenfelder.map({ (Routes.themenfeld($0.slug), $0.slug) }) + content.topics.lebenslagen.map({ (Routes.lebenslage($0.slug), $0.slug) }) {
            var group = [site.language: base]
            for language in site.otherLanguages where content.translatedTopics[language]?[slug] != nil {
                group[language] = Routes.translated(base, language)
            }
            if group.count > 1 { groups.append(group) }
        }
        for page in content.pages {
            var group = [site.language: Routes.freePage(page.slug)]
            for language in site.otherLanguages {
                if let own = content.translatedPages[language]?[page.slug] { group[language] = Routes.freePage(own.slug) }
            }
            if group.count > 1 { groups.append(group) }
        }
        var result: [String: [String: String]] = [:]
        for group in groups { for path in group.values { result[path] = group } }
        return result
    }

    package static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(baseURL)\(Routes.sitemap)\n"
    }
}
