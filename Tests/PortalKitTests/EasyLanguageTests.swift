import Foundation
@testable import PortalBuild
@testable import PortalLoad
@testable import PortalModel
import Testing

/// A service's text in Leichte Sprache (spec v2, `services/<slug>.ls.md`): its page below the
/// service, the link to it from the service page and the Leichte-Sprache page, and the errors.
@Suite struct EasyLanguageTests {
    static let text = """
        ---
        title: Einen Personal-Ausweis bekommen
        summary: "Hier steht: So bekommen Sie einen Personal-Ausweis."
        ---
        ## Was ist ein Personal-Ausweis?

        Der Personal-Ausweis zeigt: **Das sind Sie.**

        """
    static let easyPage = "---\ntitle: Leichte Sprache\n---\nHier erklären wir diese Internet-Seite.\n"

    @Test func theTextHasItsPageAndIsLinkedFromTheServiceAndTheLeichteSprachePage() throws {
        let (site, report, fixture) = try PageTests.build(["services/personalausweis-beantragen.ls.md": Self.text, "pages/leichte-sprache.md": Self.easyPage])
        defer { fixture.remove() }
        let page = site.read("leistungen/personalausweis-beantragen/leichte-sprache/index.html")
        #expect(page.contains("<html lang=\"de\">"))
        #expect(page.contains("<h1>Einen Personal-Ausweis bekommen</h1>"))
        #expect(page.contains("<p class=\"lead\">Hier steht: So bekommen Sie einen Personal-Ausweis.</p>"))
        #expect(page.contains("<h2 id=\"was-ist-ein-personal-ausweis\">Was ist ein Personal-Ausweis?</h2>"))
        #expect(page.contains("<strong>Das sind Sie.</strong>"))
        // Back to the service: its finder and its full text.
        #expect(page.contains("href=\"../../../leistungen/personalausweis-beantragen/#zustaendige-stelle\""))
        #expect(page.contains("href=\"../../../leistungen/personalausweis-beantragen/\">Der ganze Text in Alltags-Sprache: Personalausweis beantragen</a>"))
        let service = site.read("leistungen/personalausweis-beantragen/index.html")
        #expect(service.contains("<p class=\"easy-language-link\"><a href=\"../../leistungen/personalausweis-beantragen/leichte-sprache/\">Diese Leistung in Leichter Sprache</a></p>"))
        // A service without a text in Leichte Sprache has no such link.
        #expect(!site.read("leistungen/elterngeld-beantragen/index.html").contains("easy-language-link"))
        let list = site.read("leichte-sprache/index.html")
        #expect(list.contains("<li><a href=\"../leistungen/personalausweis-beantragen/leichte-sprache/\">Einen Personal-Ausweis bekommen</a></li>"))
        #expect(site.read("sitemap.xml").contains("leistungen/personalausweis-beantragen/leichte-sprache/</loc>"))
        #expect(site.htmlFiles.count == report.totalPages)
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
    }

    @Test func withoutTextsTheLeichteSpracheListIsAbsent() throws {
        let (site, _, fixture) = try PageTests.build(["pages/leichte-sprache.md": Self.easyPage])
        defer { fixture.remove() }
        #expect(!site.read("leichte-sprache/index.html").contains("leistungen-in-leichter-sprache"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("leistungen/personalausweis-beantragen/leichte-sprache").path))
    }

    @Test func aTextWithoutItsServiceIsAnError() throws {
        // A misspelt name gets the closest service as a hint.
        try ValidationTests.expectError(["services/personalausweis-beantrage.ls.md": Self.text],
                                        "Content/services/personalausweis-beantrage.ls.md:1:1: error: Text in Leichter Sprache ohne Leistung: services/personalausweis-beantrage.md fehlt – meinten Sie „personalausweis-beantragen“?")
        try ValidationTests.expectError(["services/reisepass.ls.md": Self.text],
                                        "Content/services/reisepass.ls.md:1:1: error: Text in Leichter Sprache ohne Leistung: services/reisepass.md fehlt")
    }

    @Test func anEmptyTextIsAnError() throws {
        try ValidationTests.expectError(["services/personalausweis-beantragen.ls.md": "---\ntitle: Personal-Ausweis\n---\n\n"],
                                        "Content/services/personalausweis-beantragen.ls.md:4:1: error: der Text in Leichter Sprache ist leer")
    }

    @Test func itsLinksAreCheckedLikeEveryOtherFile() throws {
        // A link that leads nowhere, and one to a section the page does not have, at their place.
        let text = Self.text + "Mehr dazu auf [dieser Seite](/leistungen/gibt-es-nicht/) und bei den [Kosten](/leistungen/personalausweis-beantragen/#gibt-es-nicht).\n"
        try ValidationTests.expectError(["services/personalausweis-beantragen.ls.md": text],
                                        "Content/services/personalausweis-beantragen.ls.md:8:15: error: Link auf „/leistungen/gibt-es-nicht/“ führt ins Leere: diese Seite gibt es im Portal nicht")
        try ValidationTests.expectError(["services/personalausweis-beantragen.ls.md": text],
                                        "Content/services/personalausweis-beantragen.ls.md:8:70: error: Link auf „/leistungen/personalausweis-beantragen/#gibt-es-nicht“: die Seite hat keinen Abschnitt „#gibt-es-nicht“")
    }

    @Test func aTextKnowsOnlyTitleAndSummary() throws {
        try ValidationTests.expectError(["services/personalausweis-beantragen.ls.md": "---\ntitle: Personal-Ausweis\nfees: 10 Euro\n---\nText.\n"],
                                        "Content/services/personalausweis-beantragen.ls.md:3:1: error: unbekannter Schlüssel „fees“ in dem Text in Leichter Sprache")
    }

    @Test func anEnglishTranslationIsSaidToBeIgnoredNotDropped() throws {
        let fixture = try Fixture(["services/personalausweis-beantragen.en.md": "---\ntitle: Identity card\n---\nText.\n"])
        defer { fixture.remove() }
        #expect(fixture.diagnostics().contains("Content/services/personalausweis-beantragen.en.md:1:1: warning: englische Übersetzung wird nicht veröffentlicht: site.yml nennt „en“ nicht unter „languages“; die Datei wird ignoriert"),
                "\(fixture.diagnostics())")
    }
}
