import Foundation
import PortalModel
import PortalRender

/// Writes `sitemap.xml` (every page with a folder path) and `robots.txt`.
package struct SitemapStep: BuildStep {
    package let name = "Sitemap"

    package func run(_ build: BuildState) throws {
        let baseURL = build.content.site.baseURL
        let paths = build.pagePaths.filter { $0.hasSuffix("/") || $0.isEmpty }.sorted()
        try build.emitter.emit(Data(Sitemap.xml(paths: paths, baseURL: baseURL).utf8), to: Routes.sitemap)
        try build.emitter.emit(Data(Sitemap.robots(baseURL: baseURL).utf8), to: Routes.robots)
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: a body edit adds or removes no page, and the sitemap lists paths only.
    }
}
