import Foundation
@testable import PortalModel
import Testing

@Suite struct RoutesTests {
    /// The repository's Sources/ folder, found from this file's path.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// No source file but Routes.swift spells a path of the site: a new page type or a renamed
    /// folder changes one file, and no link can point at a layout that no longer exists.
    @Test func onlyRoutesSpellsSitePaths() throws {
        let segment = try Regex(#""[^"\n]*\b(leistungen|themen|lebenslagen|behoerden|orte|suche|antrag|regeln|data|assets)/"#)
        let file = try Regex(#"(404|index)\.html|sitemap\.xml|robots\.txt"#)
        var offenders: [String] = []
        let files = FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil)!
        var count = 0
        for case let url as URL in files where url.pathExtension == "swift" && url.lastPathComponent != "Routes.swift" {
            count += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                if code.contains(segment) || code.contains(file) {
                    offenders.append("\(url.lastPathComponent):\(n + 1): \(code)")
                }
            }
        }
        #expect(count > 50, "the test must see the sources")
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    @Test func everyPageRouteReadsBack() {
        let cases: [(String, Routes.Target)] = [
            (Routes.home, .home), (Routes.serviceIndex, .serviceIndex), (Routes.places, .places), (Routes.search, .search),
            (Routes.service("elterngeld"), .service("elterngeld")), (Routes.form("elterngeld"), .form("elterngeld")),
            (Routes.themenfeld("familie"), .themenfeld("familie")), (Routes.lebenslage("geburt"), .lebenslage("geburt")),
            (Routes.authority("lra-x"), .authority("lra-x")), (Routes.place("14612000"), .place("14612000")),
            (Routes.freePage("impressum"), .freePage("impressum")),
        ]
        for (path, target) in cases {
            #expect(Routes.target(of: "/" + path) == target, "\(path)")
            #expect(Routes.target(of: "/" + path + "#abschnitt") == target, "\(path)")
        }
        #expect(Routes.target(of: "/leistungen/x/y/") == nil)
        #expect(Routes.target(of: "/unbekannt/x/") == nil)
    }

    @Test func depthOfEveryPage() {
        #expect(Routes.root(from: Routes.home) == "")
        #expect(Routes.root(from: Routes.freePage("impressum")) == "../")
        #expect(Routes.root(from: Routes.service("x")) == "../../")
        #expect(Routes.root(from: Routes.form("x")) == "../../../")
        #expect(Routes.file(of: Routes.service("x")) == "leistungen/x/index.html")
        #expect(Routes.file(of: Routes.notFound) == Routes.notFound)
    }

    @Test func internalLinksBecomeRelativeToThePage() {
        let html = #"<p><a href="/leistungen/x/#kosten">A</a> <a href="//cdn.example/">B</a> <a href="https://x.de/">C</a> <a href="/">D</a> <code>href=&quot;/y</code></p>"#
        let out = Routes.relativeLinks(in: html, root: "../../")
        #expect(out == #"<p><a href="../../leistungen/x/#kosten">A</a> <a href="//cdn.example/">B</a> <a href="https://x.de/">C</a> <a href="../../">D</a> <code>href=&quot;/y</code></p>"#)
        #expect(Routes.relativeLinks(in: "<p>ohne Links</p>", root: "../") == "<p>ohne Links</p>")
    }
}
