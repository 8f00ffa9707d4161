@testable import PortalLoad
@testable import PortalModel
@testable import PortalSupport
import Testing

@Suite struct MarkdownTests {
    func render(_ markdown: String, prefix: String = "../../") -> (html: String, diagnostics: [String]) {
        var diagnostics = Diagnostics()
        let doc = MarkdownDocument(markdown: markdown, path: "t.md", firstLine: 1, into: &diagnostics)
        // As a page at that depth shows it.
        return (Routes.relativeLinks(in: doc.sections.map(\.html).joined(), root: prefix), diagnostics.items.map(\.description))
    }

    @Test func scriptTagsNeverPassThrough() {
        let (html, diagnostics) = render("Hallo <script>alert(1)</script>\n\n<script>\nalert(2)\n</script>\n")
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("alert(2)"))
        #expect(diagnostics.count == 3)
    }

    @Test func eventHandlerAttributesNeverPassThrough() {
        let (html, _) = render("Bild: <img src=x onerror=alert(1)> und <a href=\"#\" onclick=\"x()\">Link</a>")
        #expect(!html.contains("<img"))
        #expect(!html.contains("<a href=\"#\" onclick"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func dangerousSchemesAreErrors() {
        for url in ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)", "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4="] {
            let (html, diagnostics) = render("[klick](\(url.replacingOccurrences(of: "\t", with: "%09")))")
            #expect(diagnostics.contains { $0.contains("error: Link-Schema") } || url.contains("\t"), "\(url): \(diagnostics)")
            #expect(!html.lowercased().contains("href=\"javascript"), "\(url)")
            #expect(!html.lowercased().contains("href=\"vbscript"), "\(url)")
            #expect(!html.lowercased().contains("href=\"data:"), "\(url)")
        }
    }

    @Test func linkSchemeClassification() {
        #expect(MarkdownDocument.classify("java\tscript:x") == .forbidden("javascript"))
        #expect(MarkdownDocument.classify(" javascript:x") == .forbidden("javascript"))
        #expect(MarkdownDocument.classify("https://example.de/") == .external)
        #expect(MarkdownDocument.classify("mailto:a@b.de") == .external)
        #expect(MarkdownDocument.classify("/leistungen/x/") == .rootRelative)
        #expect(MarkdownDocument.classify("//evil.example/") == .external)
        #expect(MarkdownDocument.classify("#kosten") == .fragment)
        #expect(MarkdownDocument.classify("leistungen/x/") == .relative)
    }

    @Test func gfmExtensionsAreOn() {
        let (html, _) = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~alt~~ und www.example.de\n\n- [x] erledigt\n- [ ] offen\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("class=\"table-scroll\""))
        #expect(html.contains("<del>alt</del>"))
        #expect(html.contains("<a href=\"http://www.example.de\">www.example.de</a>"))
        #expect(html.contains("type=\"checkbox\""))
    }

    @Test func taskListsBecomeLabelledChecklists() {
        let (html, diagnostics) = render("## Erforderliche Unterlagen\n\n- [ ] Ausweis\n- [x] Lichtbild mit [Hinweis](/leistungen/x/)\n\nDazu:\n\n- [ ] Zweite Liste\n")
        #expect(diagnostics.isEmpty)
        #expect(!html.contains("disabled"))
        #expect(html.contains(#"<li><input type="checkbox" id="checkliste-1"> <label for="checkliste-1">Ausweis</label></li>"#))
        #expect(html.contains(#"<input type="checkbox" id="checkliste-2" checked> <label for="checkliste-2">Lichtbild mit <a href="../../leistungen/x/">Hinweis</a></label>"#))
        // One hint per list, before it; the second list gets its own hint and numbering goes on.
        #expect(html.components(separatedBy: "class=\"checkliste-hinweis\"").count == 3)
        #expect(html.contains("checkliste-3"))
        #expect(html.range(of: "checkliste-hinweis")!.lowerBound < html.range(of: "<ul>")!.lowerBound)
    }

    @Test func checklistIdsAreUniqueAcrossSections() {
        let (html, _) = render("- [ ] a\n\n## Zwei\n\n- [ ] b\n")
        #expect(html.contains("id=\"checkliste-1\"") && html.contains("id=\"checkliste-2\""))
    }

    @Test func checklistTextStaysOutOfTheSearchText() {
        var diagnostics = Diagnostics()
        let doc = MarkdownDocument(markdown: "- [ ] Ausweis\n", path: "t.md", firstLine: 1, into: &diagnostics)
        let text = doc.sections.first?.text ?? ""
        #expect(text.contains("Ausweis"))
        #expect(!text.contains("gespeichert") && !text.contains("checkliste"), "\(text)")
    }

    @Test func anEmptyChecklistItemIsAnError() {
        // "- [ ]" alone is plain text to cmark-gfm; with a space after it, it is an empty task item.
        let (_, diagnostics) = render("Text\n\n- [ ] \n- [ ] voll\n")
        #expect(diagnostics.contains { $0.contains("t.md:3:1: error: leerer Punkt in einer Checkliste") }, "\(diagnostics)")
    }

    @Test func tableAlignmentBecomesClasses() {
        let (html, _) = render("| a | b | c |\n|:---|:---:|---:|\n| 1 | 2 | 3 |\n")
        #expect(!html.contains(" align="))
        #expect(html.contains(#"<th class="align-center">b</th>"#) && html.contains(#"<td class="align-right">3</td>"#))
        #expect(html.contains("<th>a</th>"))
    }

    @Test func severalTablesGetDistinctRegionNames() {
        let (one, _) = render("| a |\n|---|\n| 1 |\n")
        #expect(one.contains(#"aria-label="Tabelle""#))
        let (two, _) = render("| a |\n|---|\n| 1 |\n\n## Zwei\n\n| b |\n|---|\n| 2 |\n")
        #expect(two.contains(#"aria-label="Tabelle 1""#) && two.contains(#"aria-label="Tabelle 2""#))
    }

    @Test func rootRelativeLinksBecomePageRelative() {
        let (html, diagnostics) = render("[Elterngeld](/leistungen/elterngeld-beantragen/)")
        #expect(diagnostics.isEmpty)
        #expect(html.contains("href=\"../../leistungen/elterngeld-beantragen/\""))
    }

    @Test func sectionsSplitAtH2InFIMOrder() {
        var diagnostics = Diagnostics()
        let doc = MarkdownDocument(markdown: "Einleitung\n\n## Hinweise\nH\n\n## Eigenes\nE\n\n## Kosten\nK\n", path: "t.md", firstLine: 1, into: &diagnostics)
        let sections = ServiceSections.ordered(doc.sections)
        #expect(sections.map(\.title) == ["Beschreibung", "Kosten", "Hinweise", "Eigenes"])
        #expect(sections.map(\.id) == ["beschreibung", "kosten", "hinweise", "eigenes"])
    }

    /// cmark-gfm shares a global table between parsers; parsing on all cores once made the
    /// autolink extension miss links in some builds. Every parse must give the same HTML.
    @Test func concurrentParsesAreIdentical() {
        let markdown = "Mehr unter https://familienportal.de und www.example.de.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let results = ParallelMap.map(Array(0..<2000)) { _ -> String in
            var diagnostics = Diagnostics()
            return MarkdownDocument(markdown: markdown, path: "t.md", firstLine: 1, into: &diagnostics).sections.map(\.html).joined()
        }
        #expect(Set(results).count == 1)
        #expect(results[0].contains("<a href=\"https://familienportal.de\">"))
    }

    @Test func imagesAreRefused() {
        let (html, diagnostics) = render("![Logo](https://tracker.example/pixel.gif)")
        #expect(diagnostics.contains { $0.contains("error: Bilder werden in Texten nicht unterstützt") })
        #expect(!html.contains("tracker.example") || diagnostics.contains { $0.contains("error") })
    }
}
