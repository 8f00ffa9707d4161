import Foundation
import PortalModel
import PortalRender

/// Writes `sitemap.xml` (every page with a folder path), `robots.txt`, and
/// `.well-known/security.txt` if `site.yml` has a `security_txt:` section.
package struct SitemapStep: BuildStep {
    package let name = "Sitemap"

    package func run(_ build: BuildState) throws {
        let baseURL = build.content.site.baseURL
        let paths = build.pagePaths.filter { $0.hasSuffix("/") || $0.isEmpty }.sorted()
        let versions = Sitemap.versions(of: build.content)
        try build.emitter.emit(Data(Sitemap.xml(paths: paths, baseURL: baseURL, versions: versions, siteLanguage: build.content.site.language).utf8), to: Routes.sitemap)
        try build.emitter.emit(Data(Sitemap.robots(baseURL: baseURL).utf8), to: Routes.robots)
        let site = build.content.site
        if let security = site.securityTxt {
            try build.emitter.emit(Data(SecurityTxtFile.text(security, site: site).utf8), to: Routes.securityTxt)
        }
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: a body edit adds or removes no page, the sitemap lists paths only, and the
        // other files come from site.yml.
    }
}
