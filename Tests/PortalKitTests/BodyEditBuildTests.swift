import Foundation
@testable import PortalBuild
@testable import PortalModel
@testable import PortalRender
@testable import PortalSearch
@testable import PortalSupport
import Testing

/// The build over the scope of body edits (`BuildScope.bodies`): it must give exactly what a
/// clean build gives, and it must step aside for every other kind of change.
extension IncrementalBuildTests {
    func edit(_ url: URL, _ change: (String) -> String) throws {
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }

    @Test func bodyEditsMatchCleanBuilds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("body-edits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let ausweis = content.appendingPathComponent("services/personalausweis-beantragen.md")
        let elterngeld = content.appendingPathComponent("services/elterngeld-beantragen.md")
        let first = try build(content, into: output)
        #expect(!first.onlyBodiesRebuilt)

        // Nothing changed (a file only touched): nothing is written.
        try edit(ausweis) { $0 }
        let touched = try build(content, into: output)
        #expect(touched.onlyBodiesRebuilt && touched.filesWritten == 0, "\(touched.filesWritten) written")
        #expect(touched.totalPages == first.totalPages && touched.outputBytes == first.outputBytes)

        // A new word: the page, the search index and the search page change, nothing else.
        let before = inodes(output)
        try edit(ausweis) { $0 + "\nDen Expressausweis gibt es gegen Aufpreis.\n" }
        let worded = try build(content, into: output)
        #expect(worded.onlyBodiesRebuilt)
        let after = inodes(output)
        let rewrittenWithForms = after.keys.filter { before[$0] != after[$0] }.sorted()
        let rewritten = originals(of: rewrittenWithForms, in: output)
        #expect(rewritten.allSatisfy { $0 == "leistungen/personalausweis-beantragen/index.html" || $0 == "suche/index.html" || $0.hasPrefix("data/suche") },
                "\(rewritten)")
        #expect(rewritten.contains("suche/index.html") && rewritten.contains("leistungen/personalausweis-beantragen/index.html"))
        #expect(worded.filesWritten == rewrittenWithForms.count)
        try expectSameAsClean(content, output, "new word")

        // A word that is part of compounds elsewhere ("Geld" in "Elterngeld"): other documents'
        // index entries change too.
        try edit(ausweis) { $0 + "\nDas Geld zahlen Sie bar.\n" }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "compound part")
        try edit(ausweis) { $0.replacingOccurrences(of: "\nDas Geld zahlen Sie bar.\n", with: "") }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "compound part removed")

        // A documents list changes the form page; a new section the table of contents; two
        // services at once.
        try edit(ausweis) { $0.replacingOccurrences(of: "- Geburtsurkunde\n", with: "- Geburtsurkunde\n- Meldebescheinigung\n") + "\n## Fristen\nKeine.\n" }
        try edit(elterngeld) { $0 + "\nBeantragen Sie das Elterngeld innerhalb von drei Monaten.\n" }
        let two = try build(content, into: output)
        #expect(two.onlyBodiesRebuilt)
        #expect(try String(contentsOf: output.appendingPathComponent("leistungen/personalausweis-beantragen/antrag/index.html"), encoding: .utf8)
            .contains("Meldebescheinigung"))
        try expectSameAsClean(content, output, "sections, documents and two services")

        // A body with a warning (raw HTML): the warning is reported as by a full build.
        try edit(elterngeld) { $0 + "\n<b>fett</b>\n" }
        let warned = try build(content, into: output)
        #expect(warned.onlyBodiesRebuilt)
        let loaded = try fixture.load()
        #expect(warned.warnings == loaded.warnings && !warned.warnings.isEmpty, "\(warned.warnings)")
        try expectSameAsClean(content, output, "warning")

        // Front matter other than the summary (`SummaryEditBuildTests`): the full build, with the
        // same result as a clean one.
        try edit(ausweis) { $0.replacingOccurrences(of: "title: Personalausweis beantragen", with: "title: Personalausweis neu beantragen") }
        let front = try build(content, into: output)
        #expect(!front.onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "front matter")

        // And the quick path works again after that full build.
        try edit(ausweis) { $0 + "\nZuletzt geprüft.\n" }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "after a full build")
    }

    /// A body edit that breaks a link from another file fails like a full build, with the same
    /// messages; the published site and the cache stay as they were.
    @Test func bodyEditThatBreaksALinkFailsLikeAFullBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("body-edit-link")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let elterngeld = content.appendingPathComponent("services/elterngeld-beantragen.md")
        try edit(elterngeld) { $0 + "\nMehr unter [Kosten](/leistungen/personalausweis-beantragen/#kosten).\n" }
        try build(content, into: output)
        let site = folderFingerprint(output)
        let ausweis = content.appendingPathComponent("services/personalausweis-beantragen.md")
        try edit(ausweis) { $0.replacingOccurrences(of: "## Kosten\n", with: "## Gebühren\n") }
        var quick: [Diagnostic] = []
        do { try build(content, into: output) } catch let errors as ContentErrors { quick = errors.diagnostics }
        #expect(quick.contains { $0.message.contains("keinen Abschnitt „#kosten“") }, "\(quick)")
        var clean: [Diagnostic] = []
        do { _ = try fixture.load() } catch let errors as ContentErrors { clean = errors.diagnostics }
        #expect(quick == clean)
        #expect(folderFingerprint(output) == site)
        // Fixed: the next build is quick again.
        try edit(elterngeld) { $0.replacingOccurrences(of: "#kosten", with: "#gebuehren") }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "link fixed")
    }

    /// Texts in English and in Leichte Sprache (#17): an edit below their front matter takes the
    /// quick path and gives what a clean build gives, as `portal build` and as `portal serve`
    /// (which keeps its parses in memory).
    @Test(arguments: [false, true]) func translationAndEasyLanguageEditsMatchCleanBuilds(keepingParses: Bool) throws {
        let english = """
            ---
            title: Apply for an identity card
            summary: Apply for a new identity card.
            ---
            The identity card proves who you are.

            ## Documents required
            - a photo

            """
        let fixture = try Fixture(["site.yml": LanguageTests.site, "services/personalausweis-beantragen.en.md": english,
                                   "pages/impressum.en.md": "---\ntitle: Legal notice\ndescription: Who publishes the portal.\n---\nPublished by the Land.\n",
                                   "services/personalausweis-beantragen.ls.md": "---\ntitle: Ausweis\n---\nSie brauchen einen Ausweis.\n"])
        defer { fixture.remove() }
        let dir = temporaryFolder("translation-edits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let memo = keepingParses ? ParseMemo() : nil
        @discardableResult func build() throws -> Pipeline.Report { try self.build(content, into: output, memo: memo) }
        let text = content.appendingPathComponent("services/personalausweis-beantragen.en.md")
        try build()

        // A new English word: the English page, the English index and its search page, nothing German.
        let before = inodes(output)
        try edit(text) { $0 + "\nThe express card costs more.\n" }
        let worded = try build()
        #expect(worded.onlyBodiesRebuilt)
        let after = inodes(output)
        let rewritten = originals(of: after.keys.filter { before[$0] != after[$0] }.sorted(), in: output)
        #expect(rewritten.allSatisfy { $0 == "en/leistungen/personalausweis-beantragen/index.html" || $0 == "en/suche/index.html" || $0.hasPrefix("data/suche-en") },
                "\(rewritten)")
        #expect(rewritten.contains("en/suche/index.html") && rewritten.contains("en/leistungen/personalausweis-beantragen/index.html"))
        try expectSameAsClean(content, output, "English word")

        // The documents list of the English text feeds the English form.
        try edit(text) { $0.replacingOccurrences(of: "- a photo\n", with: "- a photo\n- your birth certificate\n") }
        #expect(try build().onlyBodiesRebuilt)
        #expect(try String(contentsOf: output.appendingPathComponent("en/leistungen/personalausweis-beantragen/antrag/index.html"), encoding: .utf8)
            .contains("your birth certificate"))
        try expectSameAsClean(content, output, "English documents")

        // A free page in English, a text in Leichte Sprache and a German body at once.
        try edit(content.appendingPathComponent("pages/impressum.en.md")) { $0 + "\nContact us by mail.\n" }
        try edit(content.appendingPathComponent("services/personalausweis-beantragen.ls.md")) { $0 + "\nDas kostet Geld.\n" }
        try edit(content.appendingPathComponent("services/elterngeld-beantragen.md")) { $0 + "\nNeu.\n" }
        #expect(try build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "three kinds at once")

        // Its front matter: the full build.
        try edit(text) { $0.replacingOccurrences(of: "summary: Apply for a new identity card.", with: "summary: Apply for a new German identity card.") }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "English front matter")
    }

    /// A template only pages with a body part use (the free page's, the service page's, the
    /// authority page's) is
    /// served by the quick path: those pages are rendered again from their archived contexts
    /// with the body part made anew; any other template, a partial, or the rest of the theme
    /// takes a full build. Each result equals a clean build; also with parses kept in memory
    /// (`portal serve`).
    @Test(arguments: [false, true]) func templateEditsOfBodyPagesMatchCleanBuilds(keepingParses: Bool) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("template-edits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output"), theme = dir.appendingPathComponent("Templates")
        let layouts = theme.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        func copy(_ name: String) throws -> URL {
            let url = layouts.appendingPathComponent(name + ".mustache")
            try Data(contentsOf: repositoryRoot.appendingPathComponent("Templates/layouts/\(name).mustache")).write(to: url)
            return url
        }
        let page = try copy("page"), service = try copy("service"), authority = try copy("authority"), card = try copy("authority-card")
        let topic = try copy("topic")
        let memo = keepingParses ? ParseMemo() : nil
        @discardableResult func build() throws -> Pipeline.Report { try self.build(content, into: output, templates: theme, memo: memo) }
        try build()

        // The free page's template: the free pages are rewritten, nothing else.
        let before = inodes(output)
        try edit(page) { $0.replacingOccurrences(of: "</h1>", with: "</h1>\n  <p class=\"meta\">Fassung 2</p>") }
        let paged = try build()
        #expect(paged.onlyBodiesRebuilt && paged.changedTemplates.contains("page"), "\(paged.changedTemplates)")
        let after = inodes(output)
        let rewritten = originals(of: after.keys.filter { before[$0] != after[$0] }.sorted(), in: output)
        let freePages = try FileManager.default.contentsOfDirectory(atPath: content.appendingPathComponent("pages").path)
            .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) + "/index.html" }.sorted()
        #expect(!freePages.isEmpty && rewritten == freePages, "\(rewritten)")
        #expect(try String(contentsOf: output.appendingPathComponent(rewritten[0]), encoding: .utf8).contains("Fassung 2"))
        try expectSameAsClean(content, output, templates: theme, "free page template")

        // The service template and a body at once.
        try edit(service) { $0.replacingOccurrences(of: "</h1>", with: "</h1>\n  <p class=\"meta\">Neu gestaltet</p>") }
        try edit(content.appendingPathComponent("services/elterngeld-beantragen.md")) { $0 + "\nNeu.\n" }
        let serviced = try build()
        #expect(serviced.onlyBodiesRebuilt && serviced.changedTemplates.contains("service"), "\(serviced.changedTemplates)")
        #expect(try String(contentsOf: output.appendingPathComponent("leistungen/personalausweis-beantragen/index.html"), encoding: .utf8)
            .contains("Neu gestaltet"))
        try expectSameAsClean(content, output, templates: theme, "service template and a body")

        // The authority page's template: its part is made from the authority's details.
        try edit(authority) { $0.replacingOccurrences(of: "</h1>", with: "</h1><p>Behördenseite</p>") }
        #expect(try build().onlyBodiesRebuilt)
        #expect(try String(contentsOf: output.appendingPathComponent(Routes.file(of: Routes.authority("buergeramt-dresden"))), encoding: .utf8)
            .contains("Behördenseite"))
        try expectSameAsClean(content, output, templates: theme, "authority template")

        // A template of pages without a body part, a partial (the authority card is one of the
        // service page's), a theme text: full builds.
        try edit(topic) { $0.replacingOccurrences(of: "</h1>", with: "</h1><p>Themenseite</p>") }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, templates: theme, "topic template")
        try edit(card) { $0 + "\n" }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, templates: theme, "partial")
        let texts = theme.appendingPathComponent("i18n")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        try Data("skip_link: \"Direkt zum Inhalt springen\"\n".utf8).write(to: texts.appendingPathComponent("de.yml"))
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, templates: theme, "theme text")

        // And the quick path works again after those full builds.
        try edit(page) { $0.replacingOccurrences(of: "Fassung 2", with: "Fassung 3") }
        #expect(try build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, templates: theme, "free page template after full builds")

        // A text changed again: what the last build derived from the texts (`ThemeMemo`) is not
        // taken for the new ones.
        try Data("skip_link: \"Zum Inhalt\"\n".utf8).write(to: texts.appendingPathComponent("de.yml"))
        try build()
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("Zum Inhalt"))
        try expectSameAsClean(content, output, templates: theme, "theme text again")

        // A template the quick path could serve, broken: the build stops with the place of the
        // error and leaves the site as it was.
        let published = folderFingerprint(output)
        try edit(page) { $0.replacingOccurrences(of: "Fassung 3", with: "{{#kaputt}}Fassung 4") }
        do {
            try build()
            Issue.record("a template with an unclosed section was built")
        } catch let errors as ContentErrors {
            #expect(errors.diagnostics.contains { $0.path.hasSuffix("layouts/page.mustache") && $0.line > 0 && $0.message.contains("{{/…}}") },
                    "\(errors.diagnostics)")
        }
        #expect(folderFingerprint(output) == published)
        try edit(page) { $0.replacingOccurrences(of: "{{#kaputt}}Fassung 4", with: "Fassung 4") }
        #expect(try build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, templates: theme, "free page template after a broken one")
    }

    /// An authority's details (address, contact, opening hours) feed its page and its finder
    /// card only, unless a service shows it as its one authority for the whole Land or the
    /// open data list it: the quick path serves the first kind, a full build the others and a
    /// new name. Each result equals a clean build; also with parses kept in memory.
    @Test(arguments: [false, true]) func authorityDetailEditsMatchCleanBuilds(keepingParses: Bool) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("authority-edits")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let memo = keepingParses ? ParseMemo() : nil
        @discardableResult func build() throws -> Pipeline.Report { try self.build(content, into: output, memo: memo) }
        let dresden = content.appendingPathComponent("authorities/buergeramt-dresden.yml")
        let elterngeld = content.appendingPathComponent("authorities/elterngeldstelle-sachsen.yml")
        try build()
        // What the record says: the Elterngeldstelle's details are read by the Elterngeld page
        // (its one authority), the Bürgeramt's only by its own page and card.
        let record = try #require(BuildCache(output: output).load()?.bodyEdits)
        #expect(record.bodiesReadElsewhere.contains(Authority.detailsKey("elterngeldstelle-sachsen")))
        #expect(!record.bodiesReadElsewhere.contains(Authority.detailsKey("buergeramt-dresden")))
        #expect(record.pages[Authority.detailsKey("buergeramt-dresden")]?.map(\.path) == [Routes.authority("buergeramt-dresden")])

        // A new phone number: the page and the card, nothing else.
        let before = inodes(output)
        try edit(dresden) { $0.replacingOccurrences(of: "phone: \"+49 351 4884\"", with: "phone: \"+49 351 4885\"") }
        let phoned = try build()
        #expect(phoned.onlyBodiesRebuilt)
        let after = inodes(output)
        let rewritten = originals(of: after.keys.filter { before[$0] != after[$0] }.sorted(), in: output)
        #expect(rewritten == [Routes.file(of: Routes.authority("buergeramt-dresden")), Routes.authorityCard("buergeramt-dresden")].sorted(), "\(rewritten)")
        #expect(try String(contentsOf: output.appendingPathComponent(Routes.authorityCard("buergeramt-dresden")), encoding: .utf8).contains("4885"))
        try expectSameAsClean(content, output, "phone")

        // Address and opening hours (the meta description and the structured data show them too).
        try edit(dresden) { $0.replacingOccurrences(of: "Theaterstraße 11", with: "Theaterstraße 13")
            .replacingOccurrences(of: "\"Di 08:00–12:00\"", with: "\"Di 08:00–13:00\", \"Do 08:00–18:00\"") }
        #expect(try build().onlyBodiesRebuilt)
        let page = try String(contentsOf: output.appendingPathComponent(Routes.file(of: Routes.authority("buergeramt-dresden"))), encoding: .utf8)
        #expect(page.contains("Theaterstraße 13") && page.contains("Do 08:00–18:00"))
        try expectSameAsClean(content, output, "address and opening hours")

        // An error: the full build reports it, the site stays; fixed, the quick path again.
        let site = folderFingerprint(output)
        try edit(dresden) { $0.replacingOccurrences(of: "email: buergeramt@dresden.example", with: "email: buergeramt") }
        #expect(throws: ContentErrors.self) { try build() }
        #expect(folderFingerprint(output) == site)
        try edit(dresden) { $0.replacingOccurrences(of: "email: buergeramt\n", with: "email: buergeramt@dresden.example\n") }
        try build()
        try expectSameAsClean(content, output, "after an error")

        // The name, and the details of an authority a service page shows: full builds.
        try edit(dresden) { $0.replacingOccurrences(of: "name: Bürgeramt Dresden", with: "name: Bürgerbüro Dresden") }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "name")
        try edit(elterngeld) { $0 + "phone: \"+49 371 1234\"\n" }
        #expect(try !build().onlyBodiesRebuilt)
        #expect(try String(contentsOf: output.appendingPathComponent(Routes.file(of: Routes.service("elterngeld-beantragen"))), encoding: .utf8)
            .contains("+49 371 1234"))
        try expectSameAsClean(content, output, "authority on a service page")

        // With open data, which lists every authority's contact: full builds.
        try edit(content.appendingPathComponent("site.yml")) { $0 + "open_data:\n  licence: CC BY 4.0\n  licence_url: https://creativecommons.org/licenses/by/4.0/\n" }
        try build()
        try edit(dresden) { $0.replacingOccurrences(of: "+49 351 4885", with: "+49 351 4886") }
        #expect(try !build().onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "open data")
    }

    /// A link into an English text, or from one, is checked by the quick path as by the full build.
    @Test func translationEditsCheckLinksLikeAFullBuild() throws {
        let english = "---\ntitle: Identity card\nsummary: An identity card.\n---\n## Requirements\nSee the [costs](/leistungen/personalausweis-beantragen/#kosten).\n"
        let fixture = try Fixture(["site.yml": LanguageTests.site, "services/personalausweis-beantragen.en.md": english])
        defer { fixture.remove() }
        let dir = temporaryFolder("translation-links")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let elterngeld = content.appendingPathComponent("services/elterngeld-beantragen.md")
        try edit(elterngeld) { $0 + "\nIn English: [requirements](/en/leistungen/personalausweis-beantragen/#requirements).\n" }
        try build(content, into: output)
        let site = folderFingerprint(output)
        // The English heading renamed: the German link to its anchor breaks.
        let text = content.appendingPathComponent("services/personalausweis-beantragen.en.md")
        try edit(text) { $0.replacingOccurrences(of: "## Requirements", with: "## Conditions") }
        var quick: [Diagnostic] = []
        do { try build(content, into: output) } catch let errors as ContentErrors { quick = errors.diagnostics }
        #expect(quick.contains { $0.message.contains("keinen Abschnitt „#requirements“") }, "\(quick)")
        #expect(folderFingerprint(output) == site)
        try edit(text) { $0.replacingOccurrences(of: "## Conditions", with: "## Requirements") }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        // The German heading renamed: the English text's link to it breaks (the quick path
        // checked German links only before).
        let ausweis = content.appendingPathComponent("services/personalausweis-beantragen.md")
        try edit(ausweis) { $0.replacingOccurrences(of: "## Kosten\n", with: "## Gebühren\n") }
        quick = []
        do { try build(content, into: output) } catch let errors as ContentErrors { quick = errors.diagnostics }
        var clean: [Diagnostic] = []
        do { _ = try fixture.load() } catch let errors as ContentErrors { clean = errors.diagnostics }
        #expect(quick.contains { $0.message.contains("keinen Abschnitt „#kosten“") } && quick == clean, "\(quick)")
    }

    /// The cache is only a help: damaged, it must never change the result.
    @Test func damagedCacheGivesAFullBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("body-edit-cache")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let ausweis = content.appendingPathComponent("services/personalausweis-beantragen.md")
        let cache = BuildCache(output: output)
        try build(content, into: output)

        // The page archive of another build: not used.
        let pages = PageArchive.url(in: cache.folder)
        let archived = try Data(contentsOf: pages)
        try Data("00000000-0000-0000-0000-000000000000".utf8 + archived.dropFirst(36)).write(to: pages)
        try edit(ausweis) { $0 + "\nErste Ergänzung.\n" }
        #expect(try !build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "foreign page archive")

        // A truncated manifest: a full build.
        let manifest = try Data(contentsOf: cache.manifestURL)
        try manifest.prefix(manifest.count / 2).write(to: cache.manifestURL)
        #expect(cache.load() == nil)
        try edit(ausweis) { $0 + "\nZweite Ergänzung.\n" }
        let rebuilt = try build(content, into: output)
        #expect(!rebuilt.onlyBodiesRebuilt && rebuilt.filesReused == 0)
        try expectSameAsClean(content, output, "truncated manifest")

        // A deleted output file: the full build writes it again.
        try FileManager.default.removeItem(at: output.appendingPathComponent("leistungen/index.html"))
        try edit(ausweis) { $0 + "\nDritte Ergänzung.\n" }
        #expect(try !build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "deleted output file")
    }
}

extension IncrementalBuildTests {
    /// What a body feeds is what the full build recorded, not a list: every service's page and
    /// form page declared a part made from its body, nothing else read one. A body that something
    /// else read (as a new page type showing body text would) is rebuilt by a full build.
    @Test func whatABodyFeedsIsRecorded() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("body-reads")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let cache = BuildCache(output: output)
        try build(content, into: output)
        let loaded = try fixture.load()
        var manifest = try #require(cache.load())
        var record = try #require(manifest.bodyEdits)
        // The Datenschutz page has no description: its meta description is made from its text,
        // outside its declared part. The Elterngeldstelle is the Elterngeld's one authority for
        // the whole Land: its page shows her card.
        let elsewhere: Set<String> = [Page.bodyKey("datenschutz"), Authority.detailsKey("elterngeldstelle-sachsen")]
        #expect(record.bodiesReadElsewhere == elsewhere, "\(record.bodiesReadElsewhere)")
        #expect(Set(record.pages.keys) == Set(loaded.services.map(\.slug) + loaded.pages.map { Page.bodyKey($0.slug) }
            + loaded.authorities.keys.map(Authority.detailsKey) + loaded.services.map { Service.summaryKey($0.slug) }))
        #expect(record.pages[Page.bodyKey("impressum")]?.map { "\($0.path) \($0.kind)" } == ["impressum/ pageBody"])
        for service in loaded.services {
            let pages = (record.pages[service.slug] ?? []).map { "\($0.path) \($0.kind)" }.sorted()
            #expect(pages == ["\(Routes.form(service.slug)) formFields", "\(Routes.service(service.slug)) serviceSections"].sorted(), "\(pages)")
        }

        // As if a page had shown the body of the Personalausweis outside a declared part.
        record.bodiesReadElsewhere = ["personalausweis-beantragen"]
        manifest.bodyEdits = record
        cache.save(manifest)
        try edit(content.appendingPathComponent("services/elterngeld-beantragen.md")) { $0 + "\nNeuer Satz.\n" }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "other body")
        try edit(content.appendingPathComponent("services/personalausweis-beantragen.md")) { $0 + "\nNeuer Satz.\n" }
        #expect(try !build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "body read elsewhere")
        #expect(cache.load()?.bodyEdits?.bodiesReadElsewhere == elsewhere)

        // A free page's body: its page and the search index, by the same scope; the page whose
        // text also makes its meta description, by a full build.
        let before = inodes(output)
        try edit(content.appendingPathComponent("pages/impressum.md")) { $0 + "\nAnschrift: Beispielstraße 1.\n" }
        #expect(try build(content, into: output).onlyBodiesRebuilt)
        let rewritten = originals(of: inodes(output).filter { before[$0.key] != $0.value }.keys.sorted(), in: output)
        #expect(rewritten.allSatisfy { $0 == "impressum/index.html" || $0 == "suche/index.html" || $0.hasPrefix("data/suche") }, "\(rewritten)")
        #expect(rewritten.contains("impressum/index.html"))
        try expectSameAsClean(content, output, "free page body")
        try edit(content.appendingPathComponent("pages/datenschutz.md")) { $0 + "\nCookies gibt es keine.\n" }
        #expect(try !build(content, into: output).onlyBodiesRebuilt)
        try expectSameAsClean(content, output, "free page body read elsewhere")
    }
}

@Suite struct BodyEditPartsTests {
    /// Reading a body is noted where it happens: in the page's own recording, also on the
    /// workers of `ParallelMap`, and not inside a declared body part.
    @Test func bodyReadsAreRecordedWhereTheyHappen() {
        func service(_ slug: String) -> Service {
            Service(slug: slug, title: slug, summary: "", topic: "t", lebenslagen: [], keywords: [],
                    sections: [Section(title: "Beschreibung", id: "beschreibung", html: "<p>x</p>", text: "x")], sourcePath: slug)
        }
        let a = service("a"), b = service("b"), c = service("c")
        #expect(InputReads.recording { a.title }.1.bodies.isEmpty)
        #expect(InputReads.recording { a.sections.count }.1.bodies == ["a"])
        #expect(InputReads.recording { InputReads.declared { a.sections.count } }.1.bodies.isEmpty)
        let (_, spread) = InputReads.recording { ParallelMap.map([a, b, c]) { $0.slug == "b" ? 0 : $0.sections.count } }
        #expect(spread.bodies == ["a", "c"])
        // A recording inside another one takes the reads; the outer sees only its own.
        let (inner, outer) = InputReads.recording { InputReads.recording { b.sections.count }.1 }
        #expect(inner.bodies == ["b"] && outer.bodies.isEmpty)
        // Outside any recording nothing is kept.
        _ = c.sections
        #expect(InputReads.current == nil)
    }

    /// The search index updated for an edited body equals the index built from scratch, also
    /// when the edit adds or removes a stem that other documents' compounds split into.
    @Test func searchCorpusUpdateEqualsRebuild() throws {
        func doc(_ slug: String, _ title: String, _ body: String) -> SearchIndexBuilder.Doc {
            SearchIndexBuilder.Doc(url: "leistungen/\(slug)/", kind: "service", title: title, ozg_id: "", themenfeld: "Familie", lebenslagen: ["Geburt"],
                                   keywords: ["Perso"], summary: "Kurz.", sections: [.init(title: "", text: body)])
        }
        var docs = [
            doc("ausweis", "Personalausweis beantragen", "Der Personalausweis wird im Bürgeramt beantragt. Organ- und Gewebespendeausweis."),
            doc("eltern", "Elterngeld beantragen", "Elterngeld und Kindergeld für Eltern; Schulaufnahme und -wechsel."),
            doc("hund", "Hundesteuer anmelden", "Die Hundesteueranmeldung erfolgt schriftlich. Steuerpflicht besteht."),
        ]
        let edits = [
            "Neu: Ausweis und Pass. Das Geld zahlen Sie bar.",   // "ausweis", "geld" become known stems
            "Ein Text ohne diese Wörter.",                       // and disappear again
            "Gewebe, Spende, Schule und Wechsel; Steuer.",        // parts of the other documents' compounds
            "Steuer; Wechsel und Schule, Spende, Gewebe.",        // the same vocabulary: thesaurus files taken over
            "",
        ]
        // Thesaurus pairs come and go with the vocabulary: "moneten" → geld after edit 0 only.
        let thesaurus = "geld/geld;moneten/moneten\nsteuer/steu;abgabe/abgab\nwechsel/wechsel;tausch/tausch\n"
        let input = SearchIndexBuilder.Input(docs: docs, synonyms: ["perso = personalausweis"], thesaurus: thesaurus)
        var corpus = SearchCorpus(input)
        for (n, text) in edits.enumerated() {
            docs[2].sections = [.init(title: "", text: text)]
            corpus.updateBody(2, sections: docs[2].sections)
            // Through the cache file as well.
            var writer = BinaryWriter()
            corpus.write(into: &writer)
            var reader = BinaryReader(writer.bytes)
            corpus = try SearchCorpus(from: &reader)
            corpus.attachThesaurus(thesaurus) // as the quick rebuild does from the theme
            var fresh = SearchCorpus(SearchIndexBuilder.Input(docs: docs, synonyms: input.synonyms, thesaurus: thesaurus))
            let updated = corpus.files(), expected = fresh.files()
            #expect(updated.main == expected.main, "edit \(n)")
            #expect(updated.shards.map(\.name) == expected.shards.map(\.name), "edit \(n)")
            #expect(updated.shards.contains { $0.name.hasPrefix("suche-thes-m.") } == (n == 0), "edit \(n)")
            #expect(corpus.fingerprint == SearchCorpus.fingerprint(SearchIndexBuilder.Input(docs: docs, synonyms: input.synonyms, thesaurus: thesaurus)))
        }
    }

    /// `SearchCorpus.updateBody` re-analyses only words that contain a changed stem; that holds
    /// because the German Snowball stem of a folded word is a prefix of it.
    @Test func stemsOfFoldedWordsArePrefixes() throws {
        let vectors = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/vectors/stemmer-de.tsv"), encoding: .utf8)
        let stemmer = SnowballStemmer()
        var checked = 0, failures: [String] = []
        for line in vectors.split(separator: "\n") where !line.hasPrefix("#") {
            let word = GermanText.fold(String(line.split(separator: "\t")[0]))
            guard word.utf8.allSatisfy({ (0x61...0x7A).contains($0) }) else { continue }
            // The word and every piece of it a compound split can ask about.
            let bytes = Array(word.utf8)
            for start in 0..<bytes.count where bytes.count - start >= 3 {
                for end in stride(from: bytes.count, through: start + 3, by: -1) {
                    let piece = String(decoding: bytes[start..<end], as: UTF8.self)
                    if !piece.hasPrefix(stemmer.stem(piece)) { failures.append("\(piece) → \(stemmer.stem(piece))") }
                    checked += 1
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
        #expect(checked > 100_000)
    }

    @Test func contextArchiveKeepsTypes() throws {
        let context: Context = ["title": "Ä & <b>", "count": 0, "flag": false, "on": true, "one": 1, "empty": "",
                                "list": [["a": "1", "b": [true, 2, "3"]], [:]], "nested": ["x": ["y": "z"]]]
        let bytes = ContextArchive.encode(context)
        let back = try ContextArchive.decode(bytes)
        #expect(back == context)
        #expect(back["count"] == .int(0) && back["flag"] == .bool(false) && back["one"] == .int(1) && back["empty"] == .string(""))
        #expect(Shape(back, template: "t").key == Shape(context, template: "t").key)
        #expect(throws: BinaryReader.Corrupt.self) { try ContextArchive.decode(Array(bytes.dropLast())) }
    }

    @Test func snapshotSeesChangesAndDistrustsRecentStamps() throws {
        let dir = temporaryFolder("snapshot")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("services"), withIntermediateDirectories: true)
        let a = dir.appendingPathComponent("services/a.md"), b = dir.appendingPathComponent("site.yml")
        try Data("a".utf8).write(to: a)
        try Data("b".utf8).write(to: b)
        try Data("hidden".utf8).write(to: dir.appendingPathComponent(".hidden"))
        let old = try #require(SourceSnapshot.take(dir))
        #expect(Set(old.files.keys) == ["services/a.md", "site.yml"])
        #expect(old.files.values.allSatisfy { $0.digest != nil }, "just written: their contents are digested")
        #expect(try #require(SourceSnapshot.take(dir)).changed(since: old) == [])

        // Rewritten with the same bytes: the stamp changed, so it counts (the build reads it).
        try Data("a".utf8).write(to: a)
        #expect(try #require(SourceSnapshot.take(dir)).changed(since: old) == ["services/a.md"])

        // Changed within the same clock tick (same stamp): only the digest can tell.
        try Data("c".utf8).write(to: b)
        var racy = old
        let now = try #require(SourceSnapshot.take(dir))
        for (path, stamp) in now.files { racy.files[path] = SourceSnapshot.Stamp(size: stamp.size, modified: stamp.modified, changed: stamp.changed,
                                                                                 inode: stamp.inode, digest: old.files[path]?.digest) }
        #expect(now.changed(since: racy) == ["site.yml"])

        try FileManager.default.removeItem(at: b)
        #expect(try #require(SourceSnapshot.take(dir)).changed(since: old) == nil, "a removed file is never a body edit")
    }
}
