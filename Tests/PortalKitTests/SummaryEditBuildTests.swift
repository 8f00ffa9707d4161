import Foundation
@testable import PortalBuild
@testable import PortalModel
@testable import PortalRender
@testable import PortalSupport
import Testing

/// A service's summary is shown on its own page and in the lists of services (Themenfeld,
/// Lebenslage, A–Z, authority and form pages). After an edit to it alone the quick path remakes
/// those pages from their archived contexts, and each result must be what a clean build gives.
extension IncrementalBuildTests {
    @Test(arguments: [false, true]) func summaryEditsMatchCleanBuilds(keepingParses: Bool) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("summary-edits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let memo = keepingParses ? ParseMemo() : nil
        @discardableResult func build() throws -> Pipeline.Report { try self.build(content, into: output, memo: memo) }
        let ausweis = content.appendingPathComponent("services/personalausweis-beantragen.md")
        let elterngeld = content.appendingPathComponent("services/elterngeld-beantragen.md")
        let slug = "personalausweis-beantragen"
        try build()

        // The record: the lists that show the summary, found where they are made, and no other reader.
        let record = try #require(BuildCache(output: output).load()?.bodyEdits)
        let listing = Set((record.pages[Service.summaryKey(slug)] ?? []).map(\.path))
        #expect(listing.isSuperset(of: [Routes.themenfeld("querschnitt"), Routes.lebenslage("umzug"), Routes.serviceIndex,
                                        Routes.form(slug), Routes.authority("buergeramt-dresden")]), "\(listing.sorted())")
        #expect(!record.bodiesReadElsewhere.contains(Service.summaryKey(slug)), "\(record.bodiesReadElsewhere.sorted())")

        // A new summary: its page and the lists that show it, and the search index.
        let before = inodes(output)
        try edit(ausweis) { $0.replacingOccurrences(of: "summary: Einen neuen Personalausweis beantragen.",
                                                    with: "summary: Einen neuen Personalausweis beim Bürgeramt beantragen.") }
        let summarised = try build()
        #expect(summarised.onlyBodiesRebuilt)
        let after = inodes(output)
        let rewritten = originals(of: after.keys.filter { before[$0] != after[$0] }.sorted(), in: output)
        // The A–Z, the form page and the authority pages are made again too, but their built-in
        // templates do not show a service's summary: their files stay.
        let pages = [Routes.service(slug), Routes.themenfeld("querschnitt"), Routes.lebenslage("umzug")].map(Routes.file(of:))
        #expect(rewritten.allSatisfy { pages.contains($0) || $0 == "suche/index.html" || $0.hasPrefix("data/suche") }, "\(rewritten)")
        #expect(Set(pages).isSubset(of: rewritten), "\(rewritten)")
        let page = try String(contentsOf: output.appendingPathComponent(Routes.file(of: Routes.service(slug))), encoding: .utf8)
        #expect(page.contains("<meta name=\"description\" content=\"Einen neuen Personalausweis beim Bürgeramt beantragen.\">"))
        #expect(page.contains("\"description\":\"Einen neuen Personalausweis beim Bürgeramt beantragen.\""), "the structured data")
        try expectSameAsClean(content, output, "summary")

        // Summary and body of one service and the summary of another at once; characters the
        // structured data escapes.
        try edit(ausweis) { $0.replacingOccurrences(of: "beim Bürgeramt beantragen.", with: "beantragen – „schnell“ & <sicher>.") + "\nNeu im Text.\n" }
        try edit(elterngeld) { $0.replacingOccurrences(of: "summary: Geld für Eltern nach der Geburt.", with: "summary: Geld für Mütter und Väter nach der Geburt.") }
        #expect(try build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "two summaries and a body")

        // A summary written over two lines: the lines after it move, which takes the full build;
        // a new text in the same two lines the quick path again.
        try edit(ausweis) { $0.replacingOccurrences(of: "summary: Einen neuen Personalausweis beantragen – „schnell“ & <sicher>.",
                                                    with: "summary: >-\n  Einen neuen Personalausweis\n  beantragen.") }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "summary over two lines")
        try edit(ausweis) { $0.replacingOccurrences(of: "  Einen neuen Personalausweis\n", with: "  Einen Personalausweis\n") }
        #expect(try build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "two lines changed")

        // Any other front matter (here the title, which many pages show): the full build.
        try edit(ausweis) { $0.replacingOccurrences(of: "title: Personalausweis beantragen", with: "title: Ausweis beantragen") }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "title")

        // Open data lists every summary: with it, a summary edit takes the full build.
        try edit(content.appendingPathComponent("site.yml")) { $0 + "open_data:\n  licence: CC BY 4.0\n  licence_url: https://creativecommons.org/licenses/by/4.0/\n" }
        try build()
        let withOpenData = try #require(BuildCache(output: output).load()?.bodyEdits)
        #expect(withOpenData.bodiesReadElsewhere.contains(Service.summaryKey(slug)))
        try edit(ausweis) { $0.replacingOccurrences(of: "  Einen Personalausweis\n", with: "  Einen deutschen Personalausweis\n") }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "open data")
    }

    /// On a site with English pages, the English lists show the German summary of a service
    /// without an English text; they are remade too.
    @Test func summaryEditsReachEnglishListsOfUntranslatedServices() throws {
        let fixture = try Fixture(["site.yml": LanguageTests.site, "topics.en.yml": LanguageTests.topics])
        defer { fixture.remove() }
        let dir = temporaryFolder("summary-edits-en")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        try build(content, into: output)
        try edit(content.appendingPathComponent("services/elterngeld-beantragen.md")) {
            $0.replacingOccurrences(of: "summary: Geld für Eltern nach der Geburt.", with: "summary: Geld für Eltern nach der Geburt eines Kindes.")
        }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        let english = try String(contentsOf: output.appendingPathComponent(Routes.file(of: Routes.translated(Routes.themenfeld("familie-und-kind"), "en"))), encoding: .utf8)
        #expect(english.contains("nach der Geburt eines Kindes"))
        try expectSameAsClean(content, output, "English list")
    }

    /// A page that lists a service is kept after an edit to the service's summary only if its
    /// template, with the partials it includes, has no tag that could show it: one naming the
    /// key (at any depth), or `{{.}}` other than directly inside a section whose values in the
    /// page are texts.
    @Test func pagesKeptAfterASummaryEditAreThoseWhoseTemplatesCannotShowIt() throws {
        let builtIn = try Theme.load(overrides: nil, displayPath: nil)
        #expect(builtIn.showing("summary", template: "topic") == .maybe && builtIn.showing("summary", template: "service") == .maybe)
        #expect(builtIn.showing("summary", template: "services") == .never)
        // The authority card lists opening hours with `{{.}}`, the form its rules; `form` also
        // says "error-summary", in its HTML, not in a tag.
        #expect(builtIn.showing("summary", template: "authority") == .throughSections(["opening_hours"]))
        #expect(builtIn.showing("summary", template: "form") == .throughSections(["rules"]))
        let services = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/layouts/services.mustache"), encoding: .utf8)
        let cases: [(String, Theme.Showing)] = [
            ("{{summary}}", .maybe), ("{{ summary }}", .maybe), ("{{#summary}}x{{/summary}}", .maybe), ("{{{.summary}}}", .maybe),
            ("{{service.summary}}", .maybe), ("{{> liste}}", .maybe), ("{{summary_text}}", .never), ("<p class=\"summary\">", .never),
            ("{{> leer}}", .never), ("{{! summary }}", .never),
            // Inside the lists of services (the A–Z has two): each item is on top.
            ("{{.}}", .throughSections(["services", "german_only"])), ("{{^x}}{{.}}{{/x}}", .throughSections(["services", "german_only"])),
            ("{{#rules}}{{.}}{{/rules}}", .throughSections(["rules"])), ("{{#.}}{{.}}{{/.}}", .maybe),
        ]
        for (shown, expected) in cases {
            let (theme, folder) = try PageStencilTests.theme(["services": services.replacingOccurrences(of: "{{title}}</a>", with: "{{title}}</a>\(shown)"),
                                                              "liste": "<p>{{summary}}</p>", "leer": "<p>{{title}}</p>"])
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(theme.showing("summary", template: "services") == expected, "\(shown)")
        }
        // Outside any section, `{{.}}` shows the page's whole context.
        let (top, folder) = try PageStencilTests.theme(["services": services.replacingOccurrences(of: "<h1>", with: "{{.}}<h1>")])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(top.showing("summary", template: "services") == .maybe)

        // Which pages such a section leaves alone: texts and lists of texts only.
        let item = ContextValue.object(["title": .string("Ausweis"), "summary": .string("Kurz")])
        #expect(PageRenderer.holdsOnlyTexts(under: ["rules"], in: ["form": .object(["rules": .strings(["a", "b"])]), "services": .list([item])]))
        #expect(PageRenderer.holdsOnlyTexts(under: ["opening_hours"], in: ["title": .string("x")]))
        #expect(!PageRenderer.holdsOnlyTexts(under: ["services"], in: ["services": .list([item])]))
        #expect(!PageRenderer.holdsOnlyTexts(under: ["rules"], in: ["x": .list([.object(["rules": .bool(true)])])]))
        #expect(!PageRenderer.holdsOnlyTexts(under: ["rules"], in: ["rules": item]))
    }

    /// With a theme whose A–Z shows the summaries, a summary edit remakes the A–Z page too.
    @Test func aThemeThatShowsSummariesInTheAZGetsThemAfterAnEdit() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("summary-edits-theme")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output"), theme = dir.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        let services = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/layouts/services.mustache"), encoding: .utf8)
        try services.replacingOccurrences(of: "{{title}}</a>", with: "{{title}}</a> {{summary}}")
            .write(to: theme.appendingPathComponent("services.mustache"), atomically: true, encoding: .utf8)
        try build(content, into: output, templates: theme)
        try edit(content.appendingPathComponent("services/personalausweis-beantragen.md")) {
            $0.replacingOccurrences(of: "summary: Einen neuen Personalausweis beantragen.", with: "summary: Einen Ausweis für alle beantragen.")
        }
        #expect(try build(content, into: output, templates: theme).onlyBodiesRebuilt)
        let index = try String(contentsOf: output.appendingPathComponent(Routes.file(of: Routes.serviceIndex)), encoding: .utf8)
        #expect(index.contains("Einen Ausweis für alle beantragen."))
        try expectSameAsClean(content, output, templates: theme, "A–Z with summaries")
    }

    /// The item patch touches service items only, by slug, never the page's own keys.
    @Test func summariesGoIntoServiceItemsOnly() {
        let context: Context = [
            "slug": "a", "summary": "page's own",
            "services": .list([["slug": "a", "summary": "old", "title": "A"], ["slug": "b", "summary": "b's"]]),
            "service": ["slug": "a", "summary": "old"],
            "links": .list([["slug": "a", "title": "no summary"]]),
        ]
        let patched = PageRenderer.withSummaries(context, ["a": "new"])
        #expect(patched["summary"] == "page's own")
        #expect(patched["services"] == .list([["slug": "a", "summary": "new", "title": "A"], ["slug": "b", "summary": "b's"]]))
        #expect(patched["service"] == ["slug": "a", "summary": "new"])
        #expect(patched["links"] == .list([["slug": "a", "title": "no summary"]]))
    }
}
