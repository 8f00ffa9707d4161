import Foundation
import Testing

/// The whole-site link check must itself be able to fail.
@Suite struct LinkCheckerTests {
    @Test func findsMissingPagesAnchorsAndEscapes() throws {
        let root = temporaryFolder("links")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        try Data("<p id=\"da\">x</p>".utf8).write(to: root.appendingPathComponent("a/index.html"))
        let page = "<a href=\"a/\">ok</a> <a href=\"a/#da\">ok</a> <a href=\"b/\">missing</a> <a href=\"a/#weg\">no anchor</a> <a href=\"../x/\">outside</a> <img src=\"i.png\"> <a href=\"https://example.de/\">external</a>"
        try Data(page.utf8).write(to: root.appendingPathComponent("index.html"))
        let broken = SiteInspector(root: root).brokenLinks()
        #expect(broken == ["index.html → b/", "index.html → a/#weg (no id weg)", "index.html → ../x/ (leaves the site)", "index.html → i.png"])
    }
}
