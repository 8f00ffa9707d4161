import Foundation
@testable import PortalModel
@testable import PortalRender
import Testing

/// `open_data:` in site.yml: the catalogue under `daten/`; nothing of it without the section.
@Suite struct OpenDataTests {
    static let section = """
        open_data:
          licence: "Datenlizenz Deutschland – Namensnennung – Version 2.0"
          licence_url: https://www.govdata.de/dl-de/by-2-0

        """

    @Test func filesPageSitemapAndFooter() throws {
        let (site, report, fixture) = try PageTests.build(["site.yml": Fixture.files["site.yml"]! + Self.section])
        defer { fixture.remove() }
        for name in ["katalog.json", "katalog.schema.json", "leistungen.csv", "behoerden.csv", "zustaendigkeiten.csv", "index.html"] {
            #expect(site.exists("daten/" + name), "daten/\(name)")
        }
        #expect(report.pageCounts.contains { $0.kind == "Offene Daten" && $0.count == 1 })
        #expect(site.read("sitemap.xml").contains("<loc>https://portal.example.de/land/daten/</loc>"))
        #expect(site.read("leistungen/index.html").contains("<a href=\"../daten/\">Offene Daten</a>"))
        let rules = site.read("daten/zustaendigkeiten.csv")
        let rows = Fixture.files["responsibilities.csv"]!.split(whereSeparator: \.isNewline).count
        #expect(rules.hasPrefix("leistung,gebiet,behoerde\r\n") && rules.components(separatedBy: "\r\n").count - 1 == rows)
        // A text with a comma and a quote is quoted as RFC 4180 asks.
        #expect(OpenDataFiles.csv(["a", "b"], [["x, y", "sagt \"ja\""]]) == Data("a,b\r\n\"x, y\",\"sagt \"\"ja\"\"\"\r\n".utf8))
    }

    @Test func nothingWithoutTheSection() throws {
        let (site, report, fixture) = try PageTests.build()
        defer { fixture.remove() }
        #expect(!site.exists("daten"))
        #expect(!report.pageCounts.contains { $0.kind == "Offene Daten" })
        #expect(!site.read("index.html").contains("Offene Daten"))
    }

    /// Content of version 1 with a free page "daten" keeps building; only with open data is the name taken.
    @Test func aFreePageNamedDaten() throws {
        let page = "---\ntitle: Daten\n---\nUnsere Daten.\n"
        let (site, _, fixture) = try PageTests.build(["pages/daten.md": page])
        defer { fixture.remove() }
        #expect(site.read("daten/index.html").contains("Unsere Daten."))
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]! + Self.section, "pages/daten.md": page],
                                        "Content/pages/daten.md:1:1: error: der Seitenname „daten“ ist für die offenen Daten reserviert („open_data“ in site.yml)")
    }

    @Test func theLicenceMustBeAnHTTPSAddress() throws {
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]! + "open_data:\n  licence: CC BY 4.0\n  licence_url: creativecommons.org/licenses/by/4.0/\n"],
                                        "Content/site.yml:9:16: error: „licence_url“ in „open_data“ muss eine https-Adresse sein, z. B. „https://www.govdata.de/dl-de/by-2-0“, nicht „creativecommons.org/licenses/by/4.0/“")
    }
}
