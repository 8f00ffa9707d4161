import Foundation
@testable import PortalLoad
@testable import PortalModel
@testable import PortalResolve
@testable import PortalSupport
import Testing

/// One test per content rule: a real broken file, and the exact message an editor sees.
@Suite struct ValidationTests {
    static let service = "services/personalausweis-beantragen.md"
    static let serviceText = Fixture.files[service]!

    /// The fixture service with one front-matter line replaced.
    static func service(replacing old: String, with new: String) -> [String: String?] {
        precondition(serviceText.contains(old), "fixture has no \(old)")
        return [service: serviceText.replacingOccurrences(of: old, with: new)]
    }

    /// Checks a broken file twice: the loader reports the exact message, and the real `portal build`
    /// exits 1 with that line on standard error and leaves a previous Output/ byte for byte as it was.
    static func expectError(_ changes: [String: String?], _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fixture = try Fixture(changes)
        defer { fixture.remove() }
        let messages = fixture.diagnostics()
        #expect(messages.contains(expected), "expected \(expected)\ngot:\n\(messages.joined(separator: "\n"))", sourceLocation: sourceLocation)
        try expectBuildRefused(fixture, expected, sourceLocation: sourceLocation)
    }

    static func expectBuildRefused(_ fixture: Fixture, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let work = temporaryFolder("refused")
        defer { try? FileManager.default.removeItem(at: work) }
        try copyFolder(fixture.root, to: work.appendingPathComponent("Content"))
        let output = work.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output.appendingPathComponent("leistungen"), withIntermediateDirectories: true)
        try Data("<p>vorherige Seite</p>".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("alt".utf8).write(to: output.appendingPathComponent("leistungen/index.html"))
        let before = folderFingerprint(output)
        let result = try PortalProcess.run(["build"], in: work)
        #expect(result.status == 1, "exit status \(result.status)", sourceLocation: sourceLocation)
        #expect(result.stderr.split(separator: "\n").contains(Substring(expected)), "stderr:\n\(result.stderr)", sourceLocation: sourceLocation)
        #expect(folderFingerprint(output) == before, "Output/ changed", sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == ["Content", "Output"], sourceLocation: sourceLocation)
    }

    @Test func validFixtureLoads() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let content = try fixture.load()
        #expect(content.services.map(\.slug) == ["elterngeld-beantragen", "personalausweis-beantragen"])
        #expect(content.regions.count == 7)
        #expect(content.warnings.isEmpty)
    }

    @Test func malformedFrontMatter() throws {
        try Self.expectError(Self.service(replacing: "keywords: [Perso, Ausweis]", with: "keywords: [Perso, Ausweis"),
                             "Content/services/personalausweis-beantragen.md:9:5: error: YAML-Fehler: did not find expected ',' or ']' (while parsing a flow sequence)")
    }

    @Test func frontMatterWithoutClosingLine() throws {
        try Self.expectError([Self.service: "---\ntitle: X\nsummary: Y\ntopic: querschnitt\n\nText ohne Ende.\n"],
                             "Content/services/personalausweis-beantragen.md:1:1: error: die Angaben (Front Matter) werden nicht mit einer Zeile „---“ abgeschlossen")
    }

    @Test func fileWithoutFrontMatter() throws {
        try Self.expectError([Self.service: "# Personalausweis\n"],
                             "Content/services/personalausweis-beantragen.md:1:1: error: Datei muss mit einer Zeile „---“ beginnen, gefolgt von den Angaben (Front Matter) und einer weiteren Zeile „---“")
    }

    @Test func missingRequiredField() throws {
        try Self.expectError(Self.service(replacing: "summary: Einen neuen Personalausweis beantragen.\n", with: ""),
                             "Content/services/personalausweis-beantragen.md:2:1: error: Pflichtangabe „summary“ fehlt in der Leistungsbeschreibung")
    }

    @Test func unknownKeySuggestsNearest() throws {
        try Self.expectError(Self.service(replacing: "fees:", with: "feez:"),
                             "Content/services/personalausweis-beantragen.md:9:1: error: unbekannter Schlüssel „feez“ in der Leistungsbeschreibung – meinten Sie „fees“?")
    }

    @Test func wrongType() throws {
        try Self.expectError(Self.service(replacing: "keywords: [Perso, Ausweis]", with: "keywords: Perso"),
                             "Content/services/personalausweis-beantragen.md:8:11: error: „keywords“ muss eine Liste sein, nicht ein einzelner Wert")
    }

    @Test func badFileName() throws {
        try Self.expectError(["services/Personalausweis_neu.md": Self.serviceText],
                             "Content/services/Personalausweis_neu.md:1:1: error: Dateiname „Personalausweis_neu“ ist kein gültiger Slug: erlaubt sind Kleinbuchstaben a–z, Ziffern 0–9 und „-“, 1 bis 80 Zeichen")
    }

    @Test func emptyFile() throws {
        try Self.expectError([Self.service: ""], "Content/services/personalausweis-beantragen.md:1:1: error: Datei ist leer")
    }

    @Test func invalidUTF8NamesByteOffset() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        var bytes = Array("---\ntitle: Stra".utf8)
        bytes.append(0xDF) // "ß" in Latin-1
        bytes += Array("e\nsummary: x\ntopic: querschnitt\n---\n".utf8)
        try fixture.write(Self.service, Data(bytes))
        let expected = "Content/services/personalausweis-beantragen.md:2:12: error: ungültiges UTF-8 bei Byte 15; speichern Sie die Datei als UTF-8"
        #expect(fixture.diagnostics().contains(expected))
        try Self.expectBuildRefused(fixture, expected)
    }

    // MARK: resource limits

    @Test func deeplyNestedMarkdownIsRefusedQuickly() throws {
        let started = Date()
        try Self.expectError(Self.service(replacing: "Der Ausweis weist Sie aus.", with: String(repeating: "- ", count: 100_000) + "x"),
                             "Content/services/personalausweis-beantragen.md:12:1: error: Text ist zu tief verschachtelt (100000 Ebenen aus Listen oder Zitaten; erlaubt sind 32)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func hugeTablesAreRefusedQuickly() throws {
        let started = Date()
        let wide = String(repeating: "x|", count: 3000) + "\n" + String(repeating: "-|", count: 3000) + "\n" + String(repeating: "x\n", count: 3000)
        try Self.expectError(Self.service(replacing: "Der Ausweis weist Sie aus.", with: wide),
                             "Content/services/personalausweis-beantragen.md:12:1: error: Tabelle ist zu groß (3000 Spalten, 3000 Zellen; erlaubt sind 64 Spalten und 20000 Zellen)")
        let long = "| a | b |\n|---|---|\n" + String(repeating: "| x | y |\n", count: 10_000)
        let fine = "| a | b |\n|---|---|\n" + String(repeating: "| x | y |\n", count: 9_000)
        let accepted = try Fixture(Self.service(replacing: "Der Ausweis weist Sie aus.", with: fine))
        defer { accepted.remove() }
        #expect(accepted.diagnostics() == [])
        try Self.expectError(Self.service(replacing: "Der Ausweis weist Sie aus.", with: long),
                             "Content/services/personalausweis-beantragen.md:12:1: error: Tabelle ist zu groß (2 Spalten, 20004 Zellen; erlaubt sind 64 Spalten und 20000 Zellen)")
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func windowsLineEndingsAreRead() throws {
        let crlf = "\u{FEFF}" + Self.serviceText.replacingOccurrences(of: "\n", with: "\r\n")
        let fixture = try Fixture([Self.service: crlf])
        defer { fixture.remove() }
        #expect(fixture.diagnostics() == [])
        let service = try fixture.load().services.first { $0.slug == "personalausweis-beantragen" }!
        #expect(service.summary == "Einen neuen Personalausweis beantragen.")
        #expect(service.sections.map(\.title) == ["Beschreibung", "Voraussetzungen", "Erforderliche Unterlagen", "Kosten"])
    }

    /// What `portal new authority` and `portal new page` write must not pass unfilled.
    @Test func emptyRequiredAuthorityAndPageFieldsAreErrors() throws {
        try Self.expectError(["authorities/landratsamt-bautzen.yml": "name: \"\"\naddress: {street: B, postal_code: \"02625\", city: Bautzen}\n"],
                             "Content/authorities/landratsamt-bautzen.yml:1:7: error: „name“ ist leer")
        try Self.expectError(["authorities/landratsamt-bautzen.yml": "name: Landratsamt\naddress:\n  street: \"\"\n  postal_code: \"02625\"\n  city: Bautzen\n"],
                             "Content/authorities/landratsamt-bautzen.yml:3:11: error: „street“ ist leer")
        try Self.expectError(["pages/impressum.md": "---\ntitle: \"  \"\n---\nText.\n"],
                             "Content/pages/impressum.md:2:8: error: „title“ ist leer")
    }

    @Test func messagesStayOnOneLineWithoutControlCharacters() throws {
        try Self.expectError(["authorities/landratsamt-bautzen.yml": "name: Landratsamt Bautzen\naddress: {street: B, postal_code: \"02625\", city: Bautzen}\nemail: \"a\\nb\\u001b[2J\"\n"],
                             "Content/authorities/landratsamt-bautzen.yml:3:8: error: „email“ ist keine gültige E-Mail-Adresse: „a\\nb\\u{1b}[2J“")
    }

    @Test func deeplyNestedQuotesAreRefused() throws {
        let quotes = (1...40).map { String(repeating: ">", count: $0) + " x" }.joined(separator: "\n")
        try Self.expectError(Self.service(replacing: "Der Ausweis weist Sie aus.", with: quotes),
                             "Content/services/personalausweis-beantragen.md:44:1: error: Text ist zu tief verschachtelt (33 Ebenen aus Listen oder Zitaten; erlaubt sind 32)")
    }

    @Test func yamlAliasBombIsRefused() throws {
        var yaml = "extra:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h", "i"], ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            yaml += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let text = Self.serviceText.replacingOccurrences(of: "updated: 2026-10-01\n", with: "updated: 2026-10-01\n" + yaml)
        let fixture = try Fixture([Self.service: text])
        defer { fixture.remove() }
        let messages = fixture.diagnostics()
        #expect(messages.count == 1)
        #expect(messages.first?.contains("error: YAML enthält mehr als 100000 Einträge") == true, "\(messages)")
    }

    @Test func deeplyNestedYAMLIsRefused() throws {
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        try Self.expectError(Self.service(replacing: "keywords: [Perso, Ausweis]", with: "keywords: " + deep),
                             "Content/services/personalausweis-beantragen.md:8:75: error: YAML ist tiefer als 64 Ebenen verschachtelt")
    }

    @Test func oversizedFileIsRefusedBeforeReading() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let big = Data(repeating: 0x61, count: SourceFile.maximumSize + 1)
        try fixture.write(Self.service, big)
        #expect(fixture.diagnostics() == ["Content/services/personalausweis-beantragen.md:1:1: error: Datei ist zu groß (33554433 Bytes); erlaubt sind höchstens 32 MiB (33554432 Bytes)"])
    }

    @Test func twentyMegabyteServiceBuilds() throws {
        let body = String(repeating: "Ein langer Absatz über den Personalausweis mit vielen Wörtern, damit die Datei groß wird.\n\n", count: 230_000)
        let fixture = try Fixture([Self.service: Self.serviceText + body])
        defer { fixture.remove() }
        let size = try FileManager.default.attributesOfItem(atPath: fixture.root.appendingPathComponent(Self.service).path)[.size] as! Int
        #expect(size > 20_000_000)
        let content = try fixture.load()
        #expect(content.services.first { $0.slug == "personalausweis-beantragen" }!.sections.reduce(0) { $0 + $1.html.utf8.count } > 20_000_000)
    }

    @Test func leikaKeyMustHave14Digits() throws {
        try Self.expectError(Self.service(replacing: "\"99008001012000\"", with: "\"9900800101200\""),
                             "Content/services/personalausweis-beantragen.md:6:8: error: „leika“ muss ein LeiKa-Leistungsschlüssel aus genau 14 Ziffern sein, nicht „9900800101200“")
    }

    @Test func invalidDate() throws {
        try Self.expectError(Self.service(replacing: "2026-10-01", with: "2026-02-30"),
                             "Content/services/personalausweis-beantragen.md:10:10: error: „updated“ muss ein Datum der Form JJJJ-MM-TT sein, nicht „2026-02-30“")
    }

    @Test func unknownThemenfeld() throws {
        try Self.expectError(Self.service(replacing: "topic: querschnitt", with: "topic: querschnit"),
                             "Content/services/personalausweis-beantragen.md:4:8: error: unbekanntes Themenfeld „querschnit“ (nicht in topics.yml) – meinten Sie „querschnitt“?")
    }

    @Test func unknownLebenslage() throws {
        try Self.expectError(Self.service(replacing: "lebenslagen: [umzug]", with: "lebenslagen: [umzug, heirat]"),
                             "Content/services/personalausweis-beantragen.md:5:22: error: unbekannte Lebenslage „heirat“ (nicht in topics.yml)")
    }

    // MARK: forms

    static let elterngeld = "services/elterngeld-beantragen.md"
    static func elterngeld(replacing old: String, with new: String) -> [String: String?] {
        let text = Fixture.files[elterngeld]!
        precondition(text.contains(old))
        return [elterngeld: text.replacingOccurrences(of: old, with: new)]
    }

    @Test func duplicateFieldID() throws {
        try Self.expectError(Self.elterngeld(replacing: "{id: mail,", with: "{id: vorname,"),
                             "Content/services/elterngeld-beantragen.md:20:12: error: Feld-ID „vorname“ ist doppelt vergeben (zuerst in Zeile 9)")
    }

    @Test func selectWithoutOptions() throws {
        try Self.expectError(Self.elterngeld(replacing: "type: select, options: [AOK, TK]", with: "type: select"),
                             "Content/services/elterngeld-beantragen.md:18:7: error: ein Feld vom Typ „select“ braucht „options“ mit mindestens einer Auswahl")
    }

    @Test func unknownFieldType() throws {
        try Self.expectError(Self.elterngeld(replacing: "label: E-Mail, type: email", with: "label: E-Mail, type: emial"),
                             "Content/services/elterngeld-beantragen.md:20:39: error: unbekannter Feldtyp „emial“ (erlaubt: text, email, tel, number, date, textarea, select, radio, checkboxes, checkbox, file) – meinten Sie „email“?")
    }

    @Test func optionsOnlyForChoiceFields() throws {
        try Self.expectError(Self.elterngeld(replacing: "type: tel}", with: "type: tel, options: [a]}"),
                             "Content/services/elterngeld-beantragen.md:21:57: error: „options“ gilt nur für die Feldtypen select, radio und checkboxes, nicht für „tel“")
    }

    @Test func nestedGroupsRefused() throws {
        try Self.expectError(Self.elterngeld(replacing: "        - {id: plz,", with: "        - {id: innen, label: Innen, fields: [{id: x, label: X, type: text}]}\n        - {id: plz,"),
                             "Content/services/elterngeld-beantragen.md:15:11: error: Feldgruppen dürfen nicht verschachtelt werden")
    }

    // MARK: Markdown

    @Test func javascriptLinkRefused() throws {
        try Self.expectError(Self.service(replacing: "Der Ausweis weist Sie aus.", with: "Der [Ausweis](javascript:alert(1)) weist Sie aus."),
                             "Content/services/personalausweis-beantragen.md:12:5: error: Link-Schema „javascript:“ ist nicht erlaubt (erlaubt: http, https, mailto, tel)")
    }

    @Test func deadInternalLinkReported() throws {
        try Self.expectError(Self.service(replacing: "/leistungen/elterngeld-beantragen/", with: "/leistungen/kindergeld-beantragen/"),
                             "Content/services/personalausweis-beantragen.md:24:12: error: Link auf „/leistungen/kindergeld-beantragen/“ führt ins Leere: diese Seite gibt es im Portal nicht")
    }

    @Test func linkToMissingAnchorReported() throws {
        try Self.expectError(Self.service(replacing: "/leistungen/elterngeld-beantragen/", with: "/leistungen/elterngeld-beantragen/#kosten"),
                             "Content/services/personalausweis-beantragen.md:24:12: error: Link auf „/leistungen/elterngeld-beantragen/#kosten“: die Seite hat keinen Abschnitt „#kosten“")
        let fixture = try Fixture(Self.service(replacing: "/leistungen/elterngeld-beantragen/", with: "/leistungen/elterngeld-beantragen/#zustaendige-stelle"))
        defer { fixture.remove() }
        #expect(fixture.diagnostics() == [])
    }

    @Test func rawHTMLIsAWarningAndShownAsText() throws {
        let fixture = try Fixture(Self.service(replacing: "Der Ausweis weist Sie aus.", with: "Der Ausweis <script>alert(1)</script> weist Sie aus."))
        defer { fixture.remove() }
        let content = try fixture.load()
        #expect(content.warnings.map(\.description).contains("Content/services/personalausweis-beantragen.md:12:13: warning: HTML ist in Texten nicht erlaubt und wird als Text angezeigt: „<script>“"))
        let html = content.services.first { $0.slug == "personalausweis-beantragen" }!.sections[0].html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    // MARK: authorities, site, topics

    @Test func authorityMustBeAMapping() throws {
        try Self.expectError(["authorities/landratsamt-bautzen.yml": "- name: Landratsamt Bautzen\n"],
                             "Content/authorities/landratsamt-bautzen.yml:1:1: error: der Behörde muss eine Zuordnung (Schlüssel: Wert) sein, nicht eine Liste")
    }

    @Test func brokenAuthorityIsOneError() throws {
        let fixture = try Fixture(["authorities/landratsamt-bautzen.yml": "name: Landratsamt Bautzen\naddress: {street: Bahnhofstraße 9, postal_code: \"2625\", city: Bautzen}\n"])
        defer { fixture.remove() }
        #expect(fixture.diagnostics().count == 1)
    }

    @Test func authorityPostalCode() throws {
        try Self.expectError(["authorities/landratsamt-bautzen.yml": "name: Landratsamt Bautzen\naddress: {street: Bahnhofstraße 9, postal_code: \"2625\", city: Bautzen}\n"],
                             "Content/authorities/landratsamt-bautzen.yml:2:49: error: „postal_code“ muss eine fünfstellige Postleitzahl sein, nicht „2625“")
    }

    @Test func baseURLMustBeAbsolute() throws {
        let site = Fixture.files["site.yml"]!.replacingOccurrences(of: "https://portal.example.de/land/", with: "portal.example.de")
        try Self.expectError(["site.yml": site],
                             "Content/site.yml:2:11: error: „base_url“ muss eine vollständige http(s)-Adresse ohne ? und # sein, z. B. „https://portal.example.de/“, nicht „portal.example.de“")
    }

    @Test func missingSiteFile() throws {
        try Self.expectError(["site.yml": nil], "Content/site.yml:1:1: error: Datei fehlt: site.yml gehört in jeden Inhaltsordner")
    }

    @Test func duplicateTopicSlug() throws {
        let topics = Fixture.files["topics.yml"]!.replacingOccurrences(of: "{slug: umzug", with: "{slug: geburt")
        try Self.expectError(["topics.yml": topics], "Content/topics.yml:6:12: error: Slug „geburt“ ist in „lebenslagen“ doppelt vergeben (zuerst in Zeile 5)")
    }

    @Test func reservedPageSlug() throws {
        try Self.expectError(["pages/suche.md": "---\ntitle: Suche\n---\nText\n"],
                             "Content/pages/suche.md:1:1: error: der Seitenname „suche“ ist für das Portal reserviert (404, assets, behoerden, data, en, gebaerdensprache, lebenslagen, leistungen, orte, suche, themen)")
    }

    // MARK: CSV files

    static let regions = Fixture.files["regions.csv"]!
    static let rules = Fixture.files["responsibilities.csv"]!

    @Test func csvWrongHeader() throws {
        try Self.expectError(["regions.csv": Self.regions.replacingOccurrences(of: "ags,name,postal_codes", with: "ags,name,plz")],
                             "Content/regions.csv:1:1: error: falsche Kopfzeile „ags,name,plz“; erwartet wird „ags,name,postal_codes“ (oder mit „,verband“)")
    }

    @Test func csvUnclosedQuote() throws {
        try Self.expectError(["regions.csv": Self.regions.replacingOccurrences(of: "\"01067 01069\"", with: "\"01067 01069")],
                             "Content/regions.csv:4:18: error: CSV: ein Anführungszeichen wird nicht geschlossen")
    }

    @Test func csvQuoteInsideField() throws {
        try Self.expectError(["regions.csv": Self.regions.replacingOccurrences(of: "14625030,Bernsdorf,", with: "14625030,Bern\"sdorf,")],
                             "Content/regions.csv:7:14: error: CSV: Anführungszeichen mitten in einem Feld; ein Feld mit Anführungszeichen steht ganz in Anführungszeichen, und jedes Anführungszeichen darin wird verdoppelt: \"\"")
    }

    @Test func csvTextAfterClosingQuote() throws {
        try Self.expectError(["regions.csv": Self.regions.replacingOccurrences(of: "14612000,Dresden,", with: "14612000,\"Dresden\" Stadt,")],
                             "Content/regions.csv:4:19: error: CSV: nach dem schließenden Anführungszeichen muss ein Komma oder das Zeilenende folgen; ein Anführungszeichen im Feld wird verdoppelt: \"\"")
    }

    /// Large files are parsed in pieces on several cores; line numbers and quoted line breaks must
    /// come out as if read in one go, and an error in a late piece must name its own line.
    @Test func csvLargeFileKeepsLineNumbers() throws {
        // 40,000 rows with a line break inside a quoted field: well over two pieces of 128 KB.
        var text = "service,region,authority\n"
        for i in 0..<40_000 { text += "x\(i),\"a\nb\",c\n" }
        let scan = CSVTable.QuoteScan(text)
        #expect(scan.problem == nil)
        #expect(scan.pieces.count > 2)
        var diagnostics = Diagnostics()
        let table = try #require(CSVTable.parse(SourceFile(path: "r.csv", text: text), header: ["service", "region", "authority"], into: &diagnostics))
        #expect(table.rows.count == 40_000)
        #expect(table.rows.last?.line == 2 + 2 * 39_999)
        #expect(table.rows.last?.fields == ["x39999", "a\nb", "c"])
        // A stray quote near the end is reported at its own line and column.
        let late = CSVTable.QuoteScan(text + "y,z\"z,w\n")
        #expect(late.problem?.line == 2 + 2 * 40_000)
        #expect(late.problem?.column == 4)
    }

    /// The pieces are cut after lines chosen by their own bytes, not at a distance from the start
    /// of the file: after an edit to one row, or a line added at the top, the other pieces are the
    /// same texts (the one with the edit, and the next if a piece had reached the largest size),
    /// so the parse memo takes their rows over. With a memo, each version parses to what a fresh
    /// parse gives, line numbers included.
    @Test func csvPiecesStayTheSameAroundAnEdit() throws {
        var lines = ["service,region,authority"]
        for i in 0..<60_000 { lines.append("leistung-\(i % 700),\(14_000_000 + i),behoerde-\(i % 997)") }
        func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
        var edited = lines
        edited[30_000] = "leistung-1,14030000,eine-ganz-andere-behoerde"
        var added = lines
        added.insert("leistung-1,14999999,behoerde-1", at: 1)
        let before = CSVTable.QuoteScan(text(lines)).pieces.map(\.text)
        let after = CSVTable.QuoteScan(text(edited)).pieces.map(\.text)
        func unchanged(_ new: [String]) -> Int { Set(new).intersection(before).count }
        #expect(before.count > 10)
        #expect(unchanged(after) >= before.count - 2 && unchanged(after) < before.count, "\(unchanged(after)) of \(before.count)")
        let moved = CSVTable.QuoteScan(text(added)).pieces.map(\.text)
        #expect(unchanged(moved) >= before.count - 2 && moved.first != before.first, "\(unchanged(moved)) of \(before.count)")

        let memo = ParseMemo(), header = ["service", "region", "authority"]
        for version in [lines, edited, added, lines] {
            var d1 = Diagnostics(), d2 = Diagnostics()
            let kept = try #require(CSVTable.parse(SourceFile(path: "r.csv", text: text(version)), header: header, memo: memo, into: &d1))
            let fresh = try #require(CSVTable.parse(SourceFile(path: "r.csv", text: text(version)), header: header, into: &d2))
            #expect(kept.rows.map(\.fields) == fresh.rows.map(\.fields) && kept.rows.map(\.line) == fresh.rows.map(\.line))
            #expect(kept.rows.count == version.count - 1 && kept.rows.last?.line == version.count)
        }
    }

    @Test func csvShortRow() throws {
        try Self.expectError(["regions.csv": Self.regions.replacingOccurrences(of: "14625030,Bernsdorf,02994", with: "14625030,Bernsdorf")],
                             "Content/regions.csv:7:1: error: Zeile hat 2 Felder, erwartet werden 3 (ags,name,postal_codes)")
    }

    @Test func agsStructure() throws {
        try Self.expectError(["regions.csv": Self.regions + "1462503,Irgendwo,\n"],
                             "Content/regions.csv:9:1: error: „1462503“ ist kein Gemeindeschlüssel: erwartet werden 2 (Land), 3 (Regierungsbezirk), 5 (Kreis) oder 8 Ziffern (Gemeinde), für einen Gemeindeverband 9 Ziffern (Regionalschlüssel)")
    }

    // MARK: Gemeindeverbände (spec v2)

    /// The fixture's places with the `verband` column: Bautzen and Bernsdorf in one Verband.
    static let regionsWithVerband = """
        ags,name,postal_codes,verband
        14,Sachsen,,
        14612,Dresden,,
        14612000,Dresden,"01067 01069",
        14625,Landkreis Bautzen,,
        146255201,Verwaltungsverband Bautzen-Land,,
        14625020,Bautzen,02625,146255201
        14625030,Bernsdorf,02994,146255201
        14625240,Kamenz,01917,

        """

    @Test func verbandColumnIsAccepted() throws {
        let fixture = try Fixture(["regions.csv": Self.regionsWithVerband])
        defer { fixture.remove() }
        #expect(fixture.diagnostics().filter { $0.contains("error") } == [])
    }

    @Test func verbandThatIsNotARow() throws {
        try Self.expectError(["regions.csv": Self.regionsWithVerband.replacingOccurrences(of: "02994,146255201", with: "02994,146255299")],
                             "Content/regions.csv:8:26: error: Gemeindeverband 146255299 fehlt in regions.csv (Spalte „verband“ von 14625030 „Bernsdorf“)")
    }

    @Test func verbandInAnotherKreis() throws {
        let regions = Self.regionsWithVerband.replacingOccurrences(of: "14612000,Dresden,\"01067 01069\",", with: "14612000,Dresden,\"01067 01069\",146255201")
        try Self.expectError(["regions.csv": regions],
                             "Content/regions.csv:4:32: error: Gemeindeverband 146255201 liegt im Kreis 14625, die Gemeinde 14612000 „Dresden“ im Kreis 14612")
    }

    @Test func nineDigitKeyWithoutItsKreis() throws {
        let regions = Self.regionsWithVerband.replacingOccurrences(of: "146255201,Verwaltungsverband Bautzen-Land,,", with: "146255201,Verwaltungsverband Bautzen-Land,,\n146265201,Kein Verband,,")
        try Self.expectError(["regions.csv": regions],
                             "Content/regions.csv:7:1: error: „146265201“ ist kein Gemeindeverband: seine ersten 5 Ziffern müssen ein Kreis aus regions.csv sein, 14626 ist keiner")
    }

    @Test func verbandValueThatIsNotNineDigits() throws {
        try Self.expectError(["regions.csv": Self.regionsWithVerband.replacingOccurrences(of: "02625,146255201", with: "02625,14625520")],
                             "Content/regions.csv:7:24: error: „14625520“ ist kein Schlüssel eines Gemeindeverbands: erwartet werden 9 Ziffern (Land, Regierungsbezirk, Kreis und 4 Ziffern des Verbands)")
    }

    @Test func verbandOnAKreisRow() throws {
        try Self.expectError(["regions.csv": Self.regionsWithVerband.replacingOccurrences(of: "14625,Landkreis Bautzen,,", with: "14625,Landkreis Bautzen,,146255201")],
                             "Content/regions.csv:5:26: error: nur eine Gemeinde (8-stelliger Schlüssel) gehört zu einem Gemeindeverband, nicht 14625")
    }

    @Test func ruleForAVerbandThatIsNotARow() throws {
        let rules = Self.rules + "personalausweis-beantragen,146255299,landratsamt-bautzen\n"
        try Self.expectError(["regions.csv": Self.regionsWithVerband, "responsibilities.csv": rules],
                             "Content/responsibilities.csv:5:1: error: unbekannter Ort „146255299“ (nicht in regions.csv)")
    }

    @Test func agsParentMissing() throws {
        let nationwide = Fixture.files["site.yml"]!.replacingOccurrences(of: "state: \"14\"\n", with: "")
        try Self.expectError(["site.yml": nationwide, "regions.csv": Self.regions + "15001000,Dessau-Roßlau,06842\n"],
                             "Content/regions.csv:9:1: error: Ort 15001000 („Dessau-Roßlau“): übergeordneter Ort fehlt in regions.csv (weder Kreis 15001 noch Land 15)")
    }

    @Test func gemeindeWithoutKreisHangsOffTheLand() throws {
        let fixture = try Fixture(["regions.csv": Self.regions + "14000999,Gemeindefreies Gebiet,\n"])
        defer { fixture.remove() }
        #expect(fixture.diagnostics() == ["Content/regions.csv:9:1: warning: Ort 14000999 („Gemeindefreies Gebiet“): Kreis 14000 fehlt in regions.csv; der Ort gehört direkt zum Land 14"])
        let model = SiteModel(content: try fixture.load())
        #expect(model.directory.children["14"]?.contains { $0.ags == "14000999" } == true)
    }

    @Test func placeOutsideState() throws {
        try Self.expectError(["regions.csv": Self.regions + "09,Bayern,\n"],
                             "Content/regions.csv:9:1: error: Ort 09 liegt nicht im Land 14 (site.yml „state“)")
    }

    @Test func duplicateRule() throws {
        try Self.expectError(["responsibilities.csv": Self.rules + "personalausweis-beantragen,14625,buergeramt-dresden\n"],
                             "Content/responsibilities.csv:5:1: error: widersprüchliche Regel: für „personalausweis-beantragen“ in 14625 gibt es schon eine Regel (Zeile 3)")
    }

    @Test func ruleWithUnknownService() throws {
        try Self.expectError(["responsibilities.csv": Self.rules + "personalausweis-beantragn,14,buergeramt-dresden\n"],
                             "Content/responsibilities.csv:5:1: error: unbekannte Leistung „personalausweis-beantragn“ (keine Datei services/personalausweis-beantragn.md) – meinten Sie „personalausweis-beantragen“?")
    }

    @Test func ruleWithUnknownAuthorityAndRegion() throws {
        let fixture = try Fixture(["responsibilities.csv": Self.rules + "elterngeld-beantragen,14999,jugendamt-dresden\n"])
        defer { fixture.remove() }
        let messages = fixture.diagnostics()
        #expect(messages.contains("Content/responsibilities.csv:5:1: error: unbekannter Ort „14999“ (nicht in regions.csv)"))
        #expect(messages.contains("Content/responsibilities.csv:5:1: error: unbekannte Behörde „jugendamt-dresden“ (keine Datei authorities/jugendamt-dresden.yml)"))
    }

    @Test func allErrorsOfARunReportedSortedByFileAndLine() throws {
        var changes = Self.service(replacing: "fees:", with: "feez:")
        changes["regions.csv"] = Self.regions + "09162000,München,80331\n"
        changes["authorities/landratsamt-bautzen.yml"] = "- x\n"
        let fixture = try Fixture(changes)
        defer { fixture.remove() }
        let messages = fixture.diagnostics()
        #expect(messages.count == 3)
        #expect(messages.map { $0.split(separator: ":")[0] } == ["Content/authorities/landratsamt-bautzen.yml", "Content/regions.csv", "Content/services/personalausweis-beantragen.md"])
    }
}
