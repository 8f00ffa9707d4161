import PortalModel
import PortalSupport

/// `sitemap.xml` with absolute URLs and `robots.txt` pointing to it.
package enum Sitemap {
    package static func xml(paths: [String], baseURL: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            out += "  <url><loc>\(HTML.xml(baseURL + path))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }

    package static func robots(baseURL: String) -> String {
        "User-agent: *\nAllow: /\nSitemap: \(baseURL)\(Routes.sitemap)\n"
    }
}
