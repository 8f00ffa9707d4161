import Foundation
@testable import PortalBuild
@testable import PortalLoad
@testable import PortalModel
@testable import PortalRender
import Testing
import Yams

/// Pages in English (spec v2, issue #17): `languages: [de, en]`, `services/<slug>.en.md`, the
/// pages below `/en/`, alternates only where a translation exists, the language switch, the
/// sitemap's alternates, and the theme's texts per language.
@Suite struct LanguageTests {
    static let site = Fixture.files["site.yml"]!.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [de, en]\n")
    static let english = """
        ---
        title: Apply for an identity card
        summary: Apply for a new German identity card (Personalausweis).
        keywords: [ID card]
        fees: 37 euros
        ---
        The identity card proves who you are.

        ## Requirements

        - You are a German citizen. See [parental allowance](/leistungen/elterngeld-beantragen/).

        """
    static let base = "https://portal.example.de/land/"

    static func alternates(_ html: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in html.split(separator: "\n") where line.hasPrefix("<link rel=\"alternate\" hreflang=\"") {
            let parts = line.components(separatedBy: "\"")
            result[parts[3]] = parts[5]
        }
        return result
    }

    @Test func aTranslatedServiceHasItsEnglishPageAndBothNameEachOther() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english])
        defer { fixture.remove() }
        let english = site.read("en/leistungen/personalausweis-beantragen/index.html")
        let german = site.read("leistungen/personalausweis-beantragen/index.html")
        #expect(english.contains("<html lang=\"en\">"))
        #expect(english.contains("<h1>Apply for an identity card</h1>"))
        #expect(english.contains("<h2 id=\"requirements\">Requirements</h2>"))
        #expect(english.contains("<dt>Fees</dt><dd>37 euros</dd>"))
        // Links into German pages stay, relative to the English page's depth.
        #expect(english.contains("href=\"../../../leistungen/elterngeld-beantragen/\""))
        let expected = ["de": Self.base + "leistungen/personalausweis-beantragen/", "en": Self.base + "en/leistungen/personalausweis-beantragen/",
                        "x-default": Self.base + "leistungen/personalausweis-beantragen/"]
        #expect(Self.alternates(english) == expected)
        #expect(Self.alternates(german) == expected)
        // The switch goes to the same page in the other language, named in that language.
        #expect(english.contains("<a href=\"../../../leistungen/personalausweis-beantragen/\" hreflang=\"de\" lang=\"de\">Deutsch</a>"))
        #expect(german.contains("<a href=\"../../en/leistungen/personalausweis-beantragen/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // German topic and footer links on the English page say they are German.
        #expect(english.contains("lang=\"de\" hreflang=\"de\">Querschnitt</a>"))
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
    }

    @Test func theEnglishSearchHasItsPageAndItsOwnIndex() throws {
        // Issue #17 point 3: /en/suche/ over an English index (Snowball's English stemmer, `lang`
        // "en"); the untranslated services are in it by their German titles at their German URLs.
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english])
        defer { fixture.remove() }
        let page = site.read("en/suche/index.html")
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("<label for=\"suchfeld\">Search term</label>"))
        let index = try #require(page.firstMatch(of: /data-search-index="\.\.\/\.\.\/(data\/suche-en\.[0-9a-f]+\.json)"/)).1
        let main = try #require(try JSONSerialization.jsonObject(with: Data(site.read(String(index)).utf8)) as? [String: Any])
        #expect(main["lang"] as? String == "en")
        let urls = (main["docs"] as? [[String]] ?? []).map { $0[0] }
        #expect(urls.contains("en/leistungen/personalausweis-beantragen/"))
        #expect(urls.contains("leistungen/elterngeld-beantragen/") && !urls.contains("leistungen/personalausweis-beantragen/"))
        // The English messages of search.js, and the site's language for results that are German.
        #expect(page.contains("data-site-lang=\"de\"") && page.contains("No results for"))
        // Every English page's header searches in English; the German search names its English one.
        #expect(site.read("en/leistungen/personalausweis-beantragen/index.html").contains("action=\"../../../en/suche/\""))
        let expected = ["de": Self.base + "suche/", "en": Self.base + "en/suche/", "x-default": Self.base + "suche/"]
        #expect(Self.alternates(page) == expected)
        #expect(Self.alternates(site.read("suche/index.html")) == expected)
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
    }

    @Test func theEnglish404PageIsEnglishAndTheServersSendItBelowEn() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english])
        defer { fixture.remove() }
        let page = site.read("en/404.html")
        #expect(page.contains("<html lang=\"en\">") && page.contains("<h1>Page not found</h1>"))
        // Served at any depth: links from the base path; the switch names the German 404 page.
        #expect(page.contains("<a href=\"/land/en/suche/\">Search services</a>"))
        #expect(page.contains("<a href=\"/land/404.html\" hreflang=\"de\" lang=\"de\">Deutsch</a>"))
        #expect(!page.contains("rel=\"alternate\"") && !site.read("404.html").contains("rel=\"alternate\""))
        // The server files beside the output (nginx and Caddy run them in Tests/browser/test_server.py).
        let server = site.root.deletingLastPathComponent().appendingPathComponent("Output.server")
        let nginx = try String(contentsOf: server.appendingPathComponent("nginx.conf"), encoding: .utf8)
        let caddy = try String(contentsOf: server.appendingPathComponent("portal.caddy"), encoding: .utf8)
        #expect(nginx.contains("location ^~ /land/en/ {\n    error_page 404 /land/en/404.html;"))
        #expect(caddy.contains("    @portal_missing_en {\n        expression {err.status_code} == 404\n        path /land/en/*\n    }"))
        #expect(caddy.range(of: "@portal_missing_en")!.lowerBound < caddy.range(of: "@portal_missing expression")!.lowerBound)
    }

    @Test func anUntranslatedServiceHasNoEnglishPageNoAlternatesAndASwitchThatSaysWhy() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english])
        defer { fixture.remove() }
        #expect(!site.exists("en/leistungen/elterngeld-beantragen/index.html"))
        let german = site.read("leistungen/elterngeld-beantragen/index.html")
        #expect(!german.contains("hreflang=\"en\" href="))
        #expect(Self.alternates(german).isEmpty)
        #expect(german.contains("<a href=\"../../en/\" hreflang=\"en\" lang=\"en\">English start page – this page is not available in English</a>"))
        // The English A–Z lists it among the services only in German, linking to its German page.
        let list = site.read("en/leistungen/index.html")
        #expect(list.contains("<a href=\"../../en/leistungen/personalausweis-beantragen/\">Apply for an identity card</a>"))
        #expect(list.contains("<h2 id=\"nur-deutsch\">Only in German</h2>"))
        #expect(list.contains("<a href=\"../../leistungen/elterngeld-beantragen/\" lang=\"de\" hreflang=\"de\">Elterngeld beantragen</a>"))
        // The English start page exists, in English, and names the German one.
        let home = site.read("en/index.html")
        #expect(home.contains("<html lang=\"en\">") && home.contains("Skip to main content"))
        #expect(home.contains("<title>Serviceportal Test</title>"))
        #expect(home.contains("<p class=\"lead\" lang=\"de\">Ein Testportal.</p>"))
        #expect(Self.alternates(home) == ["de": Self.base, "en": Self.base + "en/", "x-default": Self.base])
    }

    @Test func theSitemapNamesTheAlternates() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english])
        defer { fixture.remove() }
        let sitemap = site.read("sitemap.xml")
        #expect(sitemap.contains("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"))
        let alternates = "<xhtml:link rel=\"alternate\" hreflang=\"de\" href=\"\(Self.base)leistungen/personalausweis-beantragen/\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"\(Self.base)en/leistungen/personalausweis-beantragen/\"/><xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(Self.base)leistungen/personalausweis-beantragen/\"/>"
        #expect(sitemap.contains("<url><loc>\(Self.base)en/leistungen/personalausweis-beantragen/</loc>\(alternates)</url>"))
        #expect(sitemap.contains("<url><loc>\(Self.base)leistungen/personalausweis-beantragen/</loc>\(alternates)</url>"))
        #expect(sitemap.contains("<url><loc>\(Self.base)leistungen/elterngeld-beantragen/</loc></url>"))
    }

    @Test func aGermanOnlySiteHasNoSwitchAndNoAlternates() throws {
        let (site, _, fixture) = try PageTests.build()
        defer { fixture.remove() }
        for page in ["index.html", "leistungen/personalausweis-beantragen/index.html"] {
            let html = site.read(page)
            #expect(!html.contains("hreflang") && !html.contains("language-switch"), "\(page)")
        }
        #expect(!site.exists("en/index.html"))
        #expect(!site.read("sitemap.xml").contains("xhtml"))
    }

    @Test func englishPagesCarryNoGermanInterfaceText() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english])
        defer { fixture.remove() }
        let i18n = repositoryRoot.appendingPathComponent("Templates/i18n")
        let german = try #require(try Yams.load(yaml: String(contentsOf: i18n.appendingPathComponent("de.yml"), encoding: .utf8)) as? [String: String])
        let english = try #require(try Yams.load(yaml: String(contentsOf: i18n.appendingPathComponent("en.yml"), encoding: .utf8)) as? [String: String])
        #expect(Set(german.keys) == Set(english.keys))
        // A German text the English one does not itself quote ("Leichte Sprache (Easy Read, …)");
        // the switch names the other language in that language ("Deutsch", marked lang="de").
        let telling = german.filter { key, text in
            text.count > 4 && english[key].map { !$0.contains(text) } ?? true && !key.hasPrefix("finder_js_")
                && !["language_name", "switch_missing"].contains(key)
        }
        for page in ["en/index.html", "en/leistungen/index.html", "en/leistungen/personalausweis-beantragen/index.html"] {
            let html = site.read(page)
            let found = telling.filter { html.contains(">" + $0.value + "<") || html.contains("\"" + $0.value + "\"") }.map(\.key).sorted()
            #expect(found.isEmpty, "\(page): German interface texts \(found)")
        }
        // The finder's messages travel with the English page.
        #expect(site.read("en/leistungen/personalausweis-beantragen/index.html").contains("data-texts=\"{&quot;accessibility&quot;:&quot;Accessibility: &quot;"))
    }

    /// finder.js and form.js carry their German messages themselves; they are the ones de.yml
    /// names under their prefix (the other languages' come as data-texts).
    @Test(arguments: [("finder", 14), ("form", 26)]) func scriptsKeepTheGermanTextsOfTheThemeFile(script: String, count: Int) throws {
        let js = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/assets/\(script).js"), encoding: .utf8)
        let german = try #require(try Yams.load(yaml: String(contentsOf: repositoryRoot.appendingPathComponent("Templates/i18n/de.yml"), encoding: .utf8)) as? [String: String])
        let prefix = script + "_js_"
        let texts = german.filter { $0.key.hasPrefix(prefix) }
        #expect(texts.count == count)
        for (key, text) in texts {
            let quoted = text.replacingOccurrences(of: "\"", with: "\\\"")
            #expect(js.contains("\(key.dropFirst(prefix.count)): \"\(quoted)\""), "\(key)")
        }
    }

    static let englishElterngeld = """
        ---
        title: Apply for parental allowance
        summary: Money for parents after a birth.
        form:
          title: Application for parental allowance
          fields:
            vorname: First name
            anschrift: {label: Address, hint: Where you live.}
            art: {label: Type of application, options: [First application, Change]}
            geburtsdatum: {label: Child's date of birth, hint: "For example 27 3 2026"}
        ---
        Parental allowance is for parents.

        """

    @Test func englishFormsTranslateTheInterfaceAndTheLabelsTheTranslationGives() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english,
                                                      "services/elterngeld-beantragen.en.md": Self.englishElterngeld])
        defer { fixture.remove() }
        // The default stub: the theme's English words, the documents of the English text's
        // "Documents required" section (none here: the English text has no such section).
        let stub = site.read("en/leistungen/personalausweis-beantragen/antrag/index.html")
        #expect(stub.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(stub.contains("<h1>Application: Apply for an identity card</h1>"))
        #expect(stub.contains(">First name") && stub.contains(">Day</label>") && stub.contains("(optional)"))
        #expect(!stub.contains("Vorname") && !stub.contains("Geburtsurkunde"))
        #expect(stub.contains("data-texts=\"{&quot;at_least&quot;:&quot;Give at least {n}: {name}&quot;"))
        // Its own form: translated labels, option labels English and values German (the authority
        // receives the same answers from both forms), untranslated fields German and marked so.
        let own = site.read("en/leistungen/elterngeld-beantragen/antrag/index.html")
        #expect(own.contains("<h1>Application for parental allowance</h1>"))
        #expect(own.contains("<label for=\"vorname\">First name</label>"))
        #expect(own.contains("<legend>Address</legend>"))
        #expect(own.contains("<input id=\"art\" name=\"art\" type=\"radio\" value=\"Erstantrag\"><label for=\"art\">First application</label>"))
        #expect(own.contains("<label for=\"kasse\"><span lang=\"de\">Krankenkasse</span> (optional)</label>"))
        #expect(own.contains("<p class=\"hint\" id=\"geburtsdatum-hinweis\">For example 27 3 2026</p>"))
        // The German form names its English version, and the English service page links to it.
        #expect(site.read("leistungen/elterngeld-beantragen/antrag/index.html").contains("hreflang=\"en\" href=\"https://portal.example.de/land/en/leistungen/elterngeld-beantragen/antrag/\""))
        #expect(site.read("en/leistungen/elterngeld-beantragen/index.html").contains("<a class=\"button\" href=\"../../../en/leistungen/elterngeld-beantragen/antrag/\">Fill in the application</a>"))
    }

    @Test func placesAndAuthoritiesInEnglishListTheTranslatedServicesAndPointToTheGermanPageForTheRest() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english])
        defer { fixture.remove() }
        // A Gemeinde: its own answer, in English, linked to the English service and authority.
        let dresden = site.read("en/orte/14612000/index.html")
        #expect(dresden.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(dresden.contains("<li data-service=\"personalausweis-beantragen\"><a href=\"../../../en/leistungen/personalausweis-beantragen/\">Apply for an identity card</a>: <a href=\"../../../en/behoerden/buergeramt-dresden/\">Bürgeramt Dresden</a></li>"))
        #expect(dresden.contains("Responsible offices here") && !dresden.contains("german-only-note"))
        // The Land decides Elterngeld, which has no English text: not listed, but counted and the German page linked.
        let land = site.read("en/orte/14/index.html")
        #expect(!land.contains("elterngeld"))
        #expect(land.contains("<p class=\"german-only-note\">1 more service is available only in German; it is listed on the German page: <a href=\"../../../orte/14/\" lang=\"de\" hreflang=\"de\">Sachsen</a></p>"))
        #expect(land.contains("<a href=\"../../../en/orte/14625/\">Landkreis Bautzen</a>"))
        let office = site.read("en/behoerden/elterngeldstelle-sachsen/index.html")
        #expect(!office.contains("No services have been entered") && office.contains("1 more service is available only in German"))
        let buergeramt = site.read("en/behoerden/buergeramt-dresden/index.html")
        #expect(buergeramt.contains("<a href=\"../../../en/leistungen/personalausweis-beantragen/\">Apply for an identity card</a> <span class=\"meta\">in: Dresden</span>"))
        #expect(site.read("en/orte/index.html").contains("<span class=\"count\">3 municipalities</span>"))
        // The German pages name their English versions; the English service page's answers and
        // finder lead to English places and authorities.
        #expect(site.read("orte/14612000/index.html").contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://portal.example.de/land/en/orte/14612000/\">"))
        let service = site.read("en/leistungen/personalausweis-beantragen/index.html")
        #expect(service.contains("<a href=\"../../../en/behoerden/landratsamt-bautzen/\">Landratsamt Bautzen</a>"))
        #expect(service.contains("data-page-prefix=\"en/\""))
        #expect(!site.read("leistungen/personalausweis-beantragen/index.html").contains("data-page-prefix"))
    }

    @Test func formTextsOfATranslationAreChecked() throws {
        let files = ["site.yml": Self.site]
        try ValidationTests.expectError(files.merging(["services/elterngeld-beantragen.en.md": Self.englishElterngeld.replacingOccurrences(of: "    vorname: First name", with: "    vornahme: First name")]) { $1 },
                                        "Content/services/elterngeld-beantragen.en.md:7:5: error: Formular der Leistung hat kein Feld „vornahme“ – meinten Sie „vorname“?")
        try ValidationTests.expectError(files.merging(["services/elterngeld-beantragen.en.md": Self.englishElterngeld.replacingOccurrences(of: "[First application, Change]", with: "[First application]")]) { $1 },
                                        "Content/services/elterngeld-beantragen.en.md:9:5: error: „art“ hat 2 Auswahlmöglichkeiten, die Übersetzung nennt 1")
        try ValidationTests.expectError(files.merging(["services/personalausweis-beantragen.en.md": Self.english.replacingOccurrences(of: "fees: 37 euros\n", with: "fees: 37 euros\nform: {title: Application}\n")]) { $1 },
                                        "Content/services/personalausweis-beantragen.en.md:1:1: error: „form“ in der Übersetzung, aber services/personalausweis-beantragen.md hat kein eigenes „form:“ (das Standardformular übersetzt das Theme, i18n/<Sprache>.yml)")
        try ValidationTests.expectError(files.merging(["services/elterngeld-beantragen.en.md": Self.englishElterngeld.replacingOccurrences(of: "    vorname: First name", with: "    vorname: {hint: no label}")]) { $1 },
                                        "Content/services/elterngeld-beantragen.en.md:7:14: error: Pflichtangabe „label“ fehlt in einem Feld von „form“")
    }

    @Test func languagesAreChecked() throws {
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]!.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [en]\n")],
                                        "Content/site.yml:4:12: error: „languages“ muss die Sprache des Portals („language: de“) enthalten")
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]!.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [de, en, en]\n")],
                                        "Content/site.yml:4:12: error: „languages“ nennt „en“ zweimal")
        try ValidationTests.expectError(["site.yml": Self.site, "services/reisepass.en.md": Self.english],
                                        "Content/services/reisepass.en.md:1:1: error: Übersetzung ohne Leistung: services/reisepass.md fehlt")
        try ValidationTests.expectError(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": "---\ntitle: Identity card\ntopic: x\n---\nText.\n"],
                                        "Content/services/personalausweis-beantragen.en.md:3:1: error: unbekannter Schlüssel „topic“ in der Übersetzung")
    }

    static let topics = """
        themenfelder:
          - {slug: familie-und-kind, title: "Family & Child", description: Everything about the family.}
        lebenslagen:
          - {slug: umzug, title: Moving house}

        """

    @Test func englishTopicsHaveTheirPagesAndTheOthersStayGermanAndMarked() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english, "topics.en.yml": Self.topics])
        defer { fixture.remove() }
        let topic = site.read("en/themen/familie-und-kind/index.html")
        #expect(topic.contains("<html lang=\"en\">") && topic.contains("<h1>Family &amp; Child</h1>") && topic.contains("<p class=\"meta\">Topic</p>"))
        // A service only in German: its German title, linked to its German page, marked.
        #expect(topic.contains("<li lang=\"de\"><a href=\"../../../leistungen/elterngeld-beantragen/\" hreflang=\"de\">Elterngeld beantragen</a>"))
        #expect(Self.alternates(topic) == ["de": Self.base + "themen/familie-und-kind/", "en": Self.base + "en/themen/familie-und-kind/",
                                            "x-default": Self.base + "themen/familie-und-kind/"])
        #expect(Self.alternates(site.read("themen/familie-und-kind/index.html")) == Self.alternates(topic))
        // Lebenslage in English; the Themenfeld without an English title has no English page.
        #expect(site.read("en/lebenslagen/umzug/index.html").contains("<h1>Moving house</h1>"))
        #expect(!site.exists("en/themen/querschnitt/index.html"))
        // The English service page links its topic in English where it can.
        let service = site.read("en/leistungen/personalausweis-beantragen/index.html")
        #expect(service.contains("<a href=\"../../../en/lebenslagen/umzug/\">Moving house</a>"))
        #expect(service.contains("<a href=\"../../../themen/querschnitt/\" lang=\"de\" hreflang=\"de\">Querschnitt</a>"))
        #expect(site.read("sitemap.xml").contains("<loc>\(Self.base)en/themen/familie-und-kind/</loc><xhtml:link"))
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
        try ValidationTests.expectError(["site.yml": Self.site, "topics.en.yml": "themenfelder:\n  - {slug: famlie, title: Family}\n"],
                                        "Content/topics.en.yml:1:1: error: Thema „famlie“ gibt es in topics.yml nicht")
    }

    @Test func translationsAreCheckedLikeGermanFiles() throws {
        // Their links are checked; a summary is required (the page's lead and description).
        try ValidationTests.expectError(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english.replacingOccurrences(of: "/leistungen/elterngeld-beantragen/", with: "/leistungen/gibt-es-nicht/")],
                                        "Content/services/personalausweis-beantragen.en.md:11:33: error: Link auf „/leistungen/gibt-es-nicht/“ führt ins Leere: diese Seite gibt es im Portal nicht")
        try ValidationTests.expectError(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": "---\ntitle: Identity card\n---\nText.\n"],
                                        "Content/services/personalausweis-beantragen.en.md:2:1: error: Pflichtangabe „summary“ fehlt in der Übersetzung")
        // A free page's English text needs its German page, and site.yml naming English.
        try ValidationTests.expectError(["site.yml": Self.site, "pages/kontakt.en.md": "---\ntitle: Contact\n---\nText.\n"],
                                        "Content/pages/kontakt.en.md:1:1: error: Übersetzung ohne Seite: pages/kontakt.md fehlt")
        let fixture = try Fixture(["pages/impressum.en.md": "---\ntitle: Legal notice\n---\nText.\n"])
        defer { fixture.remove() }
        #expect(fixture.diagnostics().contains("Content/pages/impressum.en.md:1:1: warning: englische Seite wird nicht veröffentlicht: site.yml nennt „en“ nicht unter „languages“; die Datei wird ignoriert"), "\(fixture.diagnostics())")
    }

    @Test func editorsMayLinkTheEnglishPagesThatExist() throws {
        // An English page, its section, the English start page, A–Z and search: fine, and made
        // relative like every editor's link.
        let page = "---\ntitle: Legal notice\n---\nSee the [identity card](/en/leistungen/personalausweis-beantragen/#requirements), [all services](/en/leistungen/), [search](/en/suche/?q=id), the [start](/en/), the [form](/en/leistungen/personalausweis-beantragen/antrag/), [Bautzen](/en/orte/14625/), [all places](/en/orte/) and an [office](/en/behoerden/buergeramt-dresden/).\n"
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english, "pages/impressum.en.md": page])
        defer { fixture.remove() }
        #expect(site.read("en/impressum/index.html").contains("<a href=\"../../en/leistungen/personalausweis-beantragen/#requirements\">identity card</a>"))
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
        // A service without an English text, a page type that has no English version, a missing section.
        for (link, column, message) in [("/en/leistungen/elterngeld-beantragen/", 9, " führt ins Leere: diese Seite gibt es im Portal nicht"),
                                        ("/en/orte/14999/", 9, " führt ins Leere: diese Seite gibt es im Portal nicht"),
                                        ("/en/behoerden/standesamt/", 9, " führt ins Leere: diese Seite gibt es im Portal nicht"),
                                        ("/en/leistungen/elterngeld-beantragen/antrag/", 9, " führt ins Leere: diese Seite gibt es im Portal nicht"),
                                        ("/en/leistungen/personalausweis-beantragen/#kosten", 9, ": die Seite hat keinen Abschnitt „#kosten“")] {
            try ValidationTests.expectError(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english,
                                             "pages/impressum.en.md": "---\ntitle: Legal notice\n---\nSee the [page](\(link)).\n"],
                                            "Content/pages/impressum.en.md:4:\(column): error: Link auf „\(link)“\(message)")
        }
    }

    @Test func aFreePageInEnglishHasItsPageAndTheEnglishFooterLinksIt() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "services/personalausweis-beantragen.en.md": Self.english,
                                                      "pages/impressum.en.md": "---\ntitle: Legal notice\n---\nPublished by the [Land](/datenschutz/).\n"])
        defer { fixture.remove() }
        let page = site.read("en/impressum/index.html")
        #expect(page.contains("<html lang=\"en\">") && page.contains("<h1>Legal notice</h1>"))
        #expect(page.contains("<a href=\"../../datenschutz/\">Land</a>"))
        #expect(Self.alternates(page) == ["de": Self.base + "impressum/", "en": Self.base + "en/impressum/", "x-default": Self.base + "impressum/"])
        #expect(Self.alternates(site.read("impressum/index.html")) == Self.alternates(page))
        // English pages link the English free page in their footer, the others still in German.
        let service = site.read("en/leistungen/personalausweis-beantragen/index.html")
        #expect(service.contains("<li><a href=\"../../../en/impressum/\">Legal notice</a></li>"))
        #expect(service.contains("<a href=\"../../../datenschutz/\" lang=\"de\" hreflang=\"de\">Datenschutzerklärung</a>"))
        #expect(site.read("sitemap.xml").contains("<loc>\(Self.base)en/impressum/</loc><xhtml:link"))
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
    }

    @Test func aLanguageTheThemeHasNoTextsForIsRefused() throws {
        let fixture = try Fixture(["site.yml": Fixture.files["site.yml"]!.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [de, fr]\n")])
        defer { fixture.remove() }
        let output = temporaryFolder("portal-out").appendingPathComponent("Output")
        #expect(throws: ContentErrors.self) {
            try Pipeline.build(.init(content: fixture.root, contentDisplay: "Content", templates: nil, templatesDisplay: nil, output: output))
        }
        do {
            _ = try Pipeline.build(.init(content: fixture.root, contentDisplay: "Content", templates: nil, templatesDisplay: nil, output: output))
        } catch let error as ContentErrors {
            #expect(error.diagnostics.map(\.description).contains("site.yml:1:1: error: das Theme hat keine Texte für die Sprache „fr“ (i18n/fr.yml)"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    /// The finder and the form fall back to their German messages, so a published language must
    /// name every one of theirs.
    @Test func aLanguageWithoutTheScriptsMessagesIsRefused() throws {
        let fixture = try Fixture(["site.yml": Fixture.files["site.yml"]!.replacingOccurrences(of: "language: de\n", with: "language: de\nlanguages: [de, fr]\n")])
        defer { fixture.remove() }
        let theme = temporaryFolder("theme-fr")
        defer { try? FileManager.default.removeItem(at: theme) }
        // French: every German key (the template checks pass), but two of the scripts' messages missing.
        let german = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/i18n/de.yml"), encoding: .utf8)
        let french = german.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("finder_js_web:") && !$0.hasPrefix("form_js_yes:") }.joined(separator: "\n")
        try FileManager.default.createDirectory(at: theme.appendingPathComponent("i18n"), withIntermediateDirectories: true)
        try Data(french.utf8).write(to: theme.appendingPathComponent("i18n/fr.yml"))
        let output = temporaryFolder("portal-out").appendingPathComponent("Output")
        var messages: [String] = []
        do {
            _ = try Pipeline.build(.init(content: fixture.root, contentDisplay: "Content", templates: theme, templatesDisplay: "Theme", output: output))
        } catch let error as ContentErrors { messages = error.diagnostics.map(\.description) }
        #expect(messages.contains("i18n/fr.yml:1:1: error: es fehlen Texte für den Zuständigkeitsfinder: finder_js_web"), "\(messages)")
        #expect(messages.contains("i18n/fr.yml:1:1: error: es fehlen Texte für das Formular: form_js_yes"), "\(messages)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }
}
