import Foundation
@testable import PortalBuild
@testable import PortalModel
@testable import PortalRender
import Testing

/// Builds the fixture into a temporary folder and checks what each page type must contain.
@Suite struct PageTests {
    static func build(_ changes: [String: String?] = [:], templates: URL? = nil) throws -> (SiteInspector, Pipeline.Report, Fixture) {
        let fixture = try Fixture(changes)
        let output = temporaryFolder("portal-out").appendingPathComponent("Output")
        let report = try Pipeline.build(.init(content: fixture.root, contentDisplay: "Content", templates: templates, templatesDisplay: nil, output: output))
        return (SiteInspector(root: output), report, fixture)
    }

    @Test func everyPageHasTheFrame() throws {
        let (site, report, fixture) = try Self.build()
        defer { fixture.remove() }
        let files = site.htmlFiles
        #expect(files.count == report.totalPages)
        for file in files {
            let html = site.read(file)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"de\">"), "\(file)")
            #expect(site.count("<h1", in: html) == 1, "\(file): one h1")
            #expect(site.count("<main", in: html) == 1 && html.contains("<header") && html.contains("<footer"), "\(file): landmarks")
            #expect(html.contains("<a class=\"skip-link\" href=\"#inhalt\">"), "\(file): skip link")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(file)")
            #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\""), "\(file)")
            if file != "404.html" {
                let canonical = "https://portal.example.de/land/" + (file == "index.html" ? "" : String(file.dropLast("index.html".count)))
                #expect(html.contains("<link rel=\"canonical\" href=\"\(canonical)\">"), "\(file)")
            }
            if file != "index.html" && file != "404.html" {
                #expect(html.contains("aria-label=\"Brotkrumen\""), "\(file): breadcrumbs")
            }
        }
    }

    @Test func pageCountsMatchContent() throws {
        let (_, report, fixture) = try Self.build()
        defer { fixture.remove() }
        let counts = Dictionary(uniqueKeysWithValues: report.pageCounts.map { ($0.kind, $0.count) })
        #expect(counts == ["Startseite": 1, "A–Z": 1, "Ortsübersicht": 1, "Suche": 1, "404": 1, "Leistungen": 2, "Anträge": 2,
                           "Themenfelder": 2, "Lebenslagen": 2, "Behörden": 3, "Orte": 7, "Seiten": 2])
    }

    @Test func internalLinksResolve() throws {
        let (site, _, fixture) = try Self.build()
        defer { fixture.remove() }
        #expect(site.brokenLinks() == [])
    }

    @Test func gemeindePageNamesTheResponsibleAuthority() throws {
        let (site, _, fixture) = try Self.build()
        defer { fixture.remove() }
        let dresden = site.read("orte/14612000/index.html")
        #expect(dresden.contains("data-service=\"personalausweis-beantragen\"><a href=\"../../leistungen/personalausweis-beantragen/\">Personalausweis beantragen</a>: <a href=\"../../behoerden/buergeramt-dresden/\">Bürgeramt Dresden</a>"))
        // Kamenz decides nothing itself: its page sums up the Kreis' and the Land's answers and
        // links to their pages, which list the services (output contract v2, place pages by level).
        let kamenz = site.read("orte/14625240/index.html")
        #expect(!kamenz.contains("data-service="))
        #expect(kamenz.contains("<a href=\"../../orte/14625/\">Kreis Landkreis Bautzen</a>: 1 Leistung, zuständig <a href=\"../../behoerden/landratsamt-bautzen/\">Landratsamt Bautzen</a> (1)"), "\(kamenz)")
        #expect(kamenz.contains("<a href=\"../../orte/14/\">Land Sachsen</a>: 1 Leistung, zuständig <a href=\"../../behoerden/elterngeldstelle-sachsen/\">"))
        let bautzen = site.read("orte/14625/index.html")
        #expect(bautzen.contains("data-service=\"personalausweis-beantragen\"><a href=\"../../leistungen/personalausweis-beantragen/\">Personalausweis beantragen</a>: <a href=\"../../behoerden/landratsamt-bautzen/\">"))
        let sachsen = site.read("orte/14/index.html")
        #expect(sachsen.contains("data-service=\"elterngeld-beantragen\"><a href=\"../../leistungen/elterngeld-beantragen/\">Elterngeld beantragen</a>: <a href=\"../../behoerden/elterngeldstelle-sachsen/\">"))
    }

    @Test func gapsShowNoAuthorityButTheGeneralContact() throws {
        let (site, report, fixture) = try Self.build(["responsibilities.csv": "service,region,authority\nelterngeld-beantragen,14,elterngeldstelle-sachsen\n"])
        defer { fixture.remove() }
        #expect(report.gaps.entries.map(\.service) == ["personalausweis-beantragen"])
        let page = site.read("orte/14625240/index.html")
        let entry = page.components(separatedBy: "data-service=\"personalausweis-beantragen\"")[1].components(separatedBy: "</li>")[0]
        #expect(!entry.contains("behoerden/"))
        #expect(entry.contains("keine Stelle hinterlegt"))
        // The gap section names the general contact once, above its list, not on every row.
        let section = page.components(separatedBy: "<section aria-labelledby=\"luecken-titel\">")[1].components(separatedBy: "</section>")[0]
        #expect(section.contains("Keine zuständige Stelle hinterlegt"))
        #expect(section.components(separatedBy: "data-service=\"personalausweis-beantragen\"")[0].contains("mailto:hilfe@example.de"))
        let service = site.read("leistungen/personalausweis-beantragen/index.html")
        #expect(service.contains("Für diese Leistung ist noch keine zuständige Stelle hinterlegt"))
    }

    @Test func servicePageShowsSectionsAndStructuredData() throws {
        let (site, _, fixture) = try Self.build()
        defer { fixture.remove() }
        let html = site.read("leistungen/personalausweis-beantragen/index.html")
        let headings = SiteInspector.attributeValues("id", in: html)
        #expect(headings.firstIndex(of: "beschreibung")! < headings.firstIndex(of: "voraussetzungen")!)
        #expect(headings.firstIndex(of: "voraussetzungen")! < headings.firstIndex(of: "kosten")!)
        #expect(html.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"GovernmentService\""))
        #expect(html.contains("href=\"../../leistungen/personalausweis-beantragen/antrag/\""))
        #expect(html.contains("Stand: <time datetime=\"2026-10-01\">1. Oktober 2026</time>"))
        // Per Kreis: Bautzen has one answer for the whole Kreis; Dresden's rule is its Gemeinde's,
        // but the Kreis has no other Gemeinde, so the answer stands here too, not "je nach Gemeinde".
        #expect(html.contains("<span class=\"region\">Landkreis Bautzen:</span> <a href=\"../../behoerden/landratsamt-bautzen/\">Landratsamt Bautzen</a>"))
        #expect(html.contains("<span class=\"region\">Dresden:</span> <a href=\"../../behoerden/buergeramt-dresden/\">Bürgeramt Dresden</a>"))
        let authority = site.read("behoerden/buergeramt-dresden/index.html")
        #expect(authority.contains("\"@type\":\"GovernmentOffice\""))
        #expect(authority.contains("Personalausweis beantragen"))
    }

    @Test func servicePageSendsThroughTheKreisOnlyWhereItsGemeindenDiffer() throws {
        // Kamenz gets its own office: Bautzen's Gemeinden now differ, so the row links the Kreis page.
        let rules = "service,region,authority\npersonalausweis-beantragen,14612000,buergeramt-dresden\npersonalausweis-beantragen,14625,landratsamt-bautzen\npersonalausweis-beantragen,14625240,buergeramt-dresden\nelterngeld-beantragen,14,elterngeldstelle-sachsen\n"
        let (site, _, fixture) = try Self.build(["responsibilities.csv": rules])
        defer { fixture.remove() }
        let html = site.read("leistungen/personalausweis-beantragen/index.html")
        #expect(html.contains("<span class=\"region\">Landkreis Bautzen:</span> <a href=\"../../orte/14625/\">je nach Gemeinde"))
        #expect(html.contains("<span class=\"region\">Dresden:</span> <a href=\"../../behoerden/buergeramt-dresden/\">Bürgeramt Dresden</a>"))
        // The Kreis page lists its Gemeinden, and Kamenz' page names its own office.
        #expect(site.read("orte/14625240/index.html").contains("data-service=\"personalausweis-beantragen\"><a href=\"../../leistungen/personalausweis-beantragen/\">Personalausweis beantragen</a>: <a href=\"../../behoerden/buergeramt-dresden/\">"))
    }

    @Test func formPageFollowsTheContract() throws {
        let (site, _, fixture) = try Self.build()
        defer { fixture.remove() }
        let html = site.read("leistungen/elterngeld-beantragen/antrag/index.html")
        #expect(site.count("<form", in: html) == 2, "the page's form plus the header search")
        #expect(html.contains("novalidate"))
        let names = Set(SiteInspector.attributeValues("name", in: html))
        for name in ["vorname", "geburtsdatum-tag", "geburtsdatum-monat", "geburtsdatum-jahr", "strasse", "plz", "art", "monate", "kasse", "anzahl", "mail", "telefon", "nachricht", "nachweis", "einwilligung"] {
            #expect(names.contains(name), "control \(name)")
        }
        // Every control has a visible label.
        let labelled = Set(SiteInspector.attributeValues("for", in: html))
        let controls = html.components(separatedBy: "<input").dropFirst().map { "<input" + $0 } + html.components(separatedBy: "<select").dropFirst().map { "<select" + $0 } + html.components(separatedBy: "<textarea").dropFirst().map { "<textarea" + $0 }
        for control in controls {
            let id = SiteInspector.attributeValues("id", in: String(control.prefix(400))).first ?? ""
            #expect(labelled.contains(id), "no label for \(id)")
        }
        #expect(site.count("name=\"monate\"", in: html) == 2, "checkboxes share the name")
        #expect(html.contains("<legend>Anschrift</legend>"))
        #expect(html.contains("Bezugsmonate (optional)"))
        #expect(html.contains("method=\"dialog\""), "without form_action nothing is sent")
    }

    @Test func defaultFormListsRequiredDocuments() throws {
        let (site, _, fixture) = try Self.build()
        defer { fixture.remove() }
        let html = site.read("leistungen/personalausweis-beantragen/antrag/index.html")
        #expect(html.contains(">Lichtbild (optional)</label>"))
        #expect(html.contains(">Geburtsurkunde (optional)</label>"))
        #expect(html.contains("autocomplete=\"bday-day\""))
        #expect(html.contains("name=\"einwilligung\""))
        #expect(html.contains("href=\"../../../datenschutz/\""))
    }

    /// A checklist under "Erforderliche Unterlagen" names the form's uploads by the documents: the
    /// reader's ticks on the service page and the uploads in the form do not mix.
    @Test func checklistDocumentsNameTheUploads() throws {
        let service = Fixture.files["services/personalausweis-beantragen.md"]!
            .replacingOccurrences(of: "- Lichtbild\n- Geburtsurkunde\n", with: "- [ ] Lichtbild\n- [x] Geburtsurkunde\n")
        let (site, _, fixture) = try Self.build(["services/personalausweis-beantragen.md": service])
        defer { fixture.remove() }
        let page = site.read("leistungen/personalausweis-beantragen/index.html")
        #expect(page.contains(#"<label for="checkliste-2">Geburtsurkunde</label>"#))
        let form = site.read("leistungen/personalausweis-beantragen/antrag/index.html")
        #expect(form.contains(">Lichtbild (optional)</label>") && form.contains(">Geburtsurkunde (optional)</label>"))
        #expect(!form.contains("[ ]") && !form.contains("[x]") && !form.contains("checkliste"))
    }

    @Test func formActionPostsThere() throws {
        let site = Fixture.files["site.yml"]! + "form_action: https://antrag.example.de/eingang\n"
        let (built, _, fixture) = try Self.build(["site.yml": site])
        defer { fixture.remove() }
        let html = built.read("leistungen/elterngeld-beantragen/antrag/index.html")
        #expect(html.contains("action=\"https://antrag.example.de/eingang\" method=\"post\" enctype=\"multipart/form-data\""))
        #expect(html.contains("form-action &#39;self&#39; https://antrag.example.de"))
    }

    @Test func contentIsEscapedEverywhere() throws {
        let evil = "Ausweis </script><script>alert(1)</script> \"x\" & 'y'"
        let text = Fixture.files["services/personalausweis-beantragen.md"]!
            .replacingOccurrences(of: "title: Personalausweis beantragen", with: "title: \"\(evil.replacingOccurrences(of: "\"", with: "\\\""))\"")
        let (site, _, fixture) = try Self.build(["services/personalausweis-beantragen.md": text])
        defer { fixture.remove() }
        for file in site.htmlFiles {
            let html = site.read(file)
            #expect(site.count("<script", in: html) == site.count("<script src=", in: html) + site.count("<script type=\"application/ld+json\">", in: html), "\(file)")
            #expect(!html.contains("<script>alert"), "\(file)")
        }
        let page = site.read("leistungen/personalausweis-beantragen/index.html")
        #expect(page.contains("<h1>Ausweis &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;x&quot; &amp; &#39;y&#39;</h1>"))
        #expect(page.contains("\"name\":\"Ausweis \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\\"x\\\" \\u0026 'y'\""))
    }

    /// A quote or `<` followed by a combining mark is one Swift Character; it must be escaped
    /// anyway, or a title could end an attribute value (`title="…"́ onmouseover=…`).
    @Test func specialCharactersBeforeCombiningMarksAreEscaped() throws {
        let evil = "Ausweis \"\u{301} data-x=1 <\u{301}b> &\u{301}"
        let text = Fixture.files["services/personalausweis-beantragen.md"]!
            .replacingOccurrences(of: "summary: Einen neuen Personalausweis beantragen.", with: "summary: '\(evil)'")
        let (site, _, fixture) = try Self.build(["services/personalausweis-beantragen.md": text])
        defer { fixture.remove() }
        let page = site.read("leistungen/personalausweis-beantragen/index.html")
        let combining = "\u{301}"
        let escaped = "content=\"Ausweis &quot;" + combining + " data-x=1 &lt;" + combining + "b&gt; &amp;" + combining + "\""
        let rawQuote = "\"" + combining + " data-x=1", rawTag = "<" + combining + "b>"
        #expect(page.contains(escaped), "meta description not escaped")
        // Only inside the JSON-LD string (as \" there) may the quote stay.
        #expect(page.components(separatedBy: rawQuote).count - 1 == page.components(separatedBy: "\\" + rawQuote).count - 1)
        #expect(!page.contains(rawTag))
    }

    @Test func sitemapRobotsAndAssets() throws {
        let (site, report, fixture) = try Self.build()
        defer { fixture.remove() }
        let sitemap = site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://portal.example.de/land/</loc>"))
        #expect(sitemap.contains("<loc>https://portal.example.de/land/leistungen/elterngeld-beantragen/antrag/</loc>"))
        #expect(!sitemap.contains("404"))
        #expect(site.count("<url>", in: sitemap) == report.totalPages - 1)
        #expect(site.read("robots.txt").contains("Sitemap: https://portal.example.de/land/sitemap.xml"))
        let css = SiteInspector.attributeValues("href", in: site.read("index.html")).first { $0.hasSuffix(".css") }!
        #expect(css.range(of: "^assets/portal\\.[0-9a-f]{16}\\.css$", options: .regularExpression) != nil)
        // The 404 page is served at any depth, so its links start at the base path.
        #expect(site.read("404.html").contains("href=\"/land/suche/\""))
    }

    @Test func userTemplatesOverrideSingleFiles() throws {
        let theme = temporaryFolder("theme")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try Data("{{<base}}{{$main}}<h1>Eigene Seite: {{title}}</h1>{{/main}}{{/base}}".utf8).write(to: theme.appendingPathComponent("layouts/page.mustache"))
        let (site, _, fixture) = try Self.build(templates: theme)
        defer { fixture.remove() }
        #expect(site.read("impressum/index.html").contains("<h1>Eigene Seite: Impressum</h1>"))
        #expect(site.read("leistungen/index.html").contains("<h1>Leistungen von A bis Z</h1>"))
    }

    /// Gemeinde rows of a service with many authorities are filled into a stencil; the result must
    /// equal rendering each row, with the theme's escaping, also when a theme prints names raw.
    @Test func gemeindeRowsFromTheStencilEqualRenderedRows() throws {
        let changes: [String: String?] = [
            "responsibilities.csv": "service,region,authority\npersonalausweis-beantragen,14612000,buergeramt-dresden\npersonalausweis-beantragen,14625,landratsamt-bautzen\n"
                + "elterngeld-beantragen,14,elterngeldstelle-sachsen\nelterngeld-beantragen,14612000,buergeramt-dresden\nelterngeld-beantragen,14625020,landratsamt-bautzen\n",
            "authorities/landratsamt-bautzen.yml": "name: \"Landratsamt Bautzen & <Kreis>\"\naddress: {street: Bahnhofstraße 9, postal_code: \"02625\", city: Bautzen}\n",
        ]
        let (site, _, fixture) = try Self.build(changes)
        defer { fixture.remove() }
        let bautzen = site.read("orte/14625020/index.html"), kamenz = site.read("orte/14625240/index.html")
        #expect(bautzen.contains("<a href=\"../../leistungen/elterngeld-beantragen/\">Elterngeld beantragen</a>: <a href=\"../../behoerden/landratsamt-bautzen/\">Landratsamt Bautzen &amp; &lt;Kreis&gt;</a>"))
        #expect(kamenz.contains("<a href=\"../../leistungen/elterngeld-beantragen/\">Elterngeld beantragen</a>: <a href=\"../../behoerden/elterngeldstelle-sachsen/\">Elterngeldstelle Sachsen</a>"))

        // A theme that prints the name unescaped gets exactly that, not the stencil's escaping.
        let theme = temporaryFolder("theme")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try Data("<li>{{title}}: {{#authority}}{{{name}}}{{/authority}}{{#gap}}–{{/gap}}</li>".utf8).write(to: theme.appendingPathComponent("layouts/gemeinde-row.mustache"))
        let (raw, _, rawFixture) = try Self.build(changes, templates: theme)
        defer { rawFixture.remove() }
        #expect(raw.read("orte/14625020/index.html").contains("<li>Elterngeld beantragen: Landratsamt Bautzen & <Kreis></li>"))
        #expect(raw.read("orte/14612000/index.html").contains("<li>Elterngeld beantragen: Bürgeramt Dresden</li>"))
    }

    @Test func brokenTemplateIsReportedWithItsPosition() throws {
        let theme = temporaryFolder("theme")
        try Data("<h1>{{#title}}</h1>\n".utf8).write(to: theme.appendingPathComponent("page.mustache"))
        #expect {
            _ = try Theme.load(overrides: theme, displayPath: "MeinTheme")
        } throws: { error in
            (error as? ContentErrors)?.diagnostics.map(\.description) == ["MeinTheme/page.mustache:2:2: error: Vorlage kann nicht gelesen werden: ein {{#…}}- oder {{^…}}-Abschnitt wird nicht mit {{/…}} geschlossen"]
        }
    }
}
