import Foundation
@testable import PortalBuild
@testable import PortalModel
@testable import PortalRender
import Testing

/// The server configuration written beside the output (the real servers are tried in
/// Tests/browser/test_server.py): the pages' own policy as the header, and the base path.
@Suite struct ServerConfigTests {
    @Test func writtenBesideTheOutputWithThePagesPolicy() throws {
        let (site, _, fixture) = try PageTests.build()
        defer { fixture.remove() }
        let server = OutputFolder(target: site.root).serverFolder
        #expect(server.lastPathComponent == site.root.lastPathComponent + ".server")
        #expect(!site.exists(".server") && !site.exists("nginx.conf"))
        let nginx = try String(contentsOf: server.appendingPathComponent("nginx.conf"), encoding: .utf8)
        let caddy = try String(contentsOf: server.appendingPathComponent("portal.caddy"), encoding: .utf8)

        // Every page carries the same policy in its <meta> tag; the header adds frame-ancestors.
        let metas = Set(["index.html", "leistungen/index.html", "404.html", "suche/index.html"].flatMap {
            SiteInspector.attributeValues("content", in: site.read($0)).filter { $0.hasPrefix("default-src") }
        })
        #expect(metas.count == 1)
        let header = try #require(metas.first).replacingOccurrences(of: "&#39;", with: "'") + "; frame-ancestors 'none'"
        #expect(nginx.components(separatedBy: "add_header Content-Security-Policy \"\(header)\" always;").count == 3)
        #expect(caddy.components(separatedBy: "Content-Security-Policy \"\(header)\"").count == 4)

        // The fixture's base_url is https://portal.example.de/land/.
        #expect(nginx.contains("location /land/ {") && nginx.contains("error_page 404 /land/404.html;"))
        #expect(caddy.contains("rewrite * /land/404.html") && caddy.contains("path /land/*"))
        #expect(!nginx.contains(".well-known"), "no security.txt, no rewrite")
    }

    @Test func securityTxtIsServedAtTheHostsRootToo() {
        let site = Site(title: "T", baseURL: "https://portal.example.de/land/", language: "de", contact: .init(),
                        securityTxt: SecurityTxt(contacts: ["mailto:a@example.de"], expires: "2027-01-01T23:59:59Z"))
        let config = ServerConfig(site: site)
        #expect(config.nginx.contains("location = /.well-known/security.txt {\n    rewrite ^ /land/.well-known/security.txt last;\n}"))
        #expect(config.caddy.contains("rewrite /.well-known/security.txt /land/.well-known/security.txt"))
        var atRoot = site
        atRoot.baseURL = "https://portal.example.de/"
        #expect(!ServerConfig(site: atRoot).nginx.contains("rewrite"))
    }
}
