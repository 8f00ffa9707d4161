import Foundation
@testable import PortalBuild
@testable import PortalLoad
@testable import PortalModel
import Testing

/// Forms from FIM Stammdatenschemata (XDatenfelder 3.0.0, `form_schema:`, spec v2): the names
/// and labels of the output contract, the patterns of the rendering, code lists, and every kind
/// of bad input with its exact message. The 12 real schemas are walked by the browser tests
/// (`Tests/browser/test_fim_forms.py`) independently of this loader.
@Suite struct FormSchemaTests {
    /// A small XDF 3 document; `code` elements are unqualified as in the FIM-Portal's exports.
    enum XDF {
        static func document(_ body: String, namespace: String = XDFSchemaLoader.namespace, root: String = XDFSchemaLoader.rootName) -> String {
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <x:\(root) xmlns:x="\(namespace)">
            <x:stammdatenschema>
            <x:identifikation><x:id>S99000000001</x:id><x:version>1.0.0</x:version></x:identifikation>
            <x:name>Testantrag</x:name>
            <x:bezug link="https://www.gesetze-im-internet.de/hag/__7.html">§ 7 HAG</x:bezug>
            \(body)
            </x:stammdatenschema>
            </x:\(root)>

            """
        }

        static func item(_ anzahl: String, _ element: String) -> String {
            "<x:struktur><x:anzahl>\(anzahl)</x:anzahl><x:enthaelt>\(element)</x:enthaelt></x:struktur>"
        }

        static func group(_ id: String, _ label: String, _ items: String, extra: String = "") -> String {
            "<x:datenfeldgruppe><x:identifikation><x:id>\(id)</x:id><x:version>1.0.0</x:version></x:identifikation><x:name>\(label)</x:name><x:bezeichnungEingabe>\(label)</x:bezeichnungEingabe>\(extra)\(items)</x:datenfeldgruppe>"
        }

        static func field(_ id: String, _ label: String, _ kind: String = "input", _ type: String = "text", extra: String = "") -> String {
            "<x:datenfeld><x:identifikation><x:id>\(id)</x:id><x:version>1.0.0</x:version></x:identifikation><x:name>\(label) (Name)</x:name><x:bezeichnungEingabe>\(label)</x:bezeichnungEingabe><x:feldart><code>\(kind)</code></x:feldart><x:datentyp><code>\(type)</code></x:datentyp>\(extra)</x:datenfeld>"
        }

        static func values(_ pairs: [(String, String)]) -> String {
            "<x:werte>" + pairs.map { "<x:wert><x:code>\($0.0)</x:code><x:name>\($0.1)</x:name></x:wert>" }.joined() + "</x:werte>"
        }

        static func reference(_ kind: String, _ id: String) -> String {
            "<x:\(kind)><x:identifikation><x:id>\(id)</x:id></x:identifikation></x:\(kind)>"
        }
    }

    /// The fixture's Personalausweis service with `form_schema:` (and nothing else changed).
    static func service(schema: String = "forms/test.xdf.xml", extra: String = "") -> String {
        Fixture.files["services/personalausweis-beantragen.md"]!
            .replacingOccurrences(of: "updated: 2026-10-01\n", with: "updated: 2026-10-01\nform_schema: \(schema)\n\(extra)")
    }

    static let codeList = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
        <Identification><ShortName>Familienstand</ShortName><LongName>Familienstand</LongName><Version>2</Version>
        <CanonicalUri>urn:de:dsmeld:schluesseltabelle:familienstand</CanonicalUri><CanonicalVersionUri>urn:de:dsmeld:schluesseltabelle:familienstand_2</CanonicalVersionUri></Identification>
        <ColumnSet><Column Id="key" Use="required"><ShortName>key</ShortName></Column><Column Id="name" Use="required"><ShortName>name</ShortName></Column>
        <Key Id="codeKey"><ShortName>CodeKey</ShortName><ColumnRef Ref="key"/></Key></ColumnSet>
        <SimpleCodeList>
        <Row><Value ColumnRef="key"><SimpleValue>LD</SimpleValue></Value><Value ColumnRef="name"><SimpleValue>ledig</SimpleValue></Value></Row>
        <Row><Value ColumnRef="key"><SimpleValue>VH</SimpleValue></Value><Value ColumnRef="name"><SimpleValue>verheiratet</SimpleValue></Value></Row>
        </SimpleCodeList></gc:CodeList>

        """

    static func list(_ id: String) -> String {
        "<x:codelisteReferenz><x:canonicalIdentification>\(id)</x:canonicalIdentification><x:version>1</x:version></x:codelisteReferenz>"
    }

    /// One schema with every shape the renderer knows.
    static let everything = XDF.document([
        "<x:regel><x:identifikation><x:id>R1</x:id></x:identifikation><x:name>Kontakt</x:name><x:freitextRegel>Es muss mindestens eines der Felder F60000000240 \"Telefon\" oder F60000000242 \"E-Mail\" befüllt sein.</x:freitextRegel></x:regel>",
        "<x:regel><x:identifikation><x:id>R2</x:id></x:identifikation><x:name>Datum</x:name><x:freitextRegel>Die Validität des Datums muss sichergestellt werden.</x:freitextRegel></x:regel>",
        XDF.item("1:1", XDF.group("G1", "Antragstellende Person",
            XDF.item("1:1", XDF.field("F1", "Familienname", extra: "<x:hilfetextEingabe>Wie im Ausweis.</x:hilfetextEingabe><x:praezisierung minLength=\"1\" maxLength=\"120\"/>"))
            + XDF.item("0:1", XDF.field("F2", "Geburtsname"))
            + XDF.item("1:1", XDF.field("F3", "Geburtsdatum", "input", "date")))),
        XDF.item("0:1", XDF.group("G2", "Vertretung",
            XDF.item("1:1", XDF.field("F4", "Name der Vertretung")))),
        XDF.item("2:5", XDF.group("G3", "Kind",
            XDF.item("1:1", XDF.field("F5", "Vorname des Kindes"))
            + XDF.item("0:*", XDF.group("G4", "Schule", XDF.item("1:1", XDF.field("F6", "Name der Schule")))))),
        XDF.item("1:1", XDF.field("F7", "Art", "select", "text", extra: XDF.values([("01", "Erstantrag"), ("02", "Verlängerung")]))),
        XDF.item("1:1", XDF.field("F8", "Bundesland", "select", "text", extra: XDF.values((1...9).map { (String(format: "%02d", $0), "Land \($0)") }))),
        XDF.item("1:1", XDF.field("F9", "Vorbestraft", "input", "bool")),
        XDF.item("1:1", XDF.field("F10", "Aktenzeichen", "locked", "text", extra: "<x:inhalt>AZ-2026-1</x:inhalt>")),
        XDF.item("1:1", XDF.field("F11", "Hinweis", "label", "text", extra: "<x:inhalt>Bitte vollständig ausfüllen.</x:inhalt>")),
        XDF.item("1:1", XDF.field("F12", "Intern", "hidden", "text")),
        XDF.item("1:1", XDF.field("F13", "Familienstand", "select", "text", extra: list("urn:de:dsmeld:schluesseltabelle:familienstand"))),
        XDF.item("0:1", XDF.field("F14", "Geschlecht", "select", "text", extra: list("urn:xpersonenstand:schluesseltabelle:geschlecht"))),
        XDF.item("1:1", XDF.field("F15", "Betrag", "input", "num_currency", extra: "<x:praezisierung minValue=\"0\" maxValue=\"1000\"/>")),
        XDF.item("0:*", XDF.field("F16", "Nachweis", "input", "file", extra: "<x:mediaType>application/pdf</x:mediaType><x:maxSize>20000000</x:maxSize>")),
        XDF.item("2:5", XDF.field("F17", "Anschriftzeile")),
    ].joined(separator: "\n"))

    @Test func aSchemaBecomesAFormWithTheContractsNamesAndLabels() throws {
        let (site, _, fixture) = try PageTests.build([
            "services/personalausweis-beantragen.md": Self.service(),
            "forms/test.xdf.xml": Self.everything,
            "forms/codelists/familienstand.xml": Self.codeList,
        ])
        defer { fixture.remove() }
        let page = site.read("leistungen/personalausweis-beantragen/antrag/index.html")
        // A field in a group: the path of ids; required, so no "(optional)".
        #expect(page.contains("<label for=\"G1.F1\">Familienname</label>"))
        #expect(page.contains("<input id=\"G1.F1\" name=\"G1.F1\" type=\"text\" maxlength=\"120\" aria-describedby=\"G1.F1-hinweis\">"))
        #expect(page.contains("<p class=\"hint\" id=\"G1.F1-hinweis\">Wie im Ausweis.</p>"))
        #expect(page.contains("<label for=\"G1.F2\">Geburtsname (optional)</label>"))
        // A date: Tag/Monat/Jahr.
        for part in ["tag", "monat", "jahr"] { #expect(page.contains("name=\"G1.F3-\(part)\"")) }
        #expect(page.contains("<legend>Geburtsdatum</legend>"))
        // A field required within an optional group: "(optional)", due once the group is begun.
        #expect(page.contains("<label for=\"G2.F4\">Name der Vertretung (optional)</label>"))
        #expect(page.contains("data-field=\"G2.F4\" data-kind=\"text\" data-required-in=\"G2\""))
        // A repeatable group 2:5: two instances without JavaScript, its bounds in words.
        #expect(page.contains("name=\"G3.F5\"") && page.contains("name=\"G3~2.F5\"") && !page.contains("G3~3"))
        #expect(page.contains("Kind: Machen Sie 2 bis 5 Angaben."))
        #expect(page.contains("data-repeat=\"G3\" data-repeat-min=\"2\" data-repeat-max=\"5\""))
        #expect(page.contains("<label for=\"G3~2.G4.F6\">Name der Schule (optional)</label>"))
        // Choices: few as radios, many as a list, yes/no as radios; values are the codes.
        #expect(page.contains("<input id=\"F7\" name=\"F7\" type=\"radio\" value=\"01\"><label for=\"F7\">Erstantrag</label>"))
        #expect(page.contains("<select id=\"F8\" name=\"F8\"") && page.contains("<option value=\"09\">Land 9</option>"))
        #expect(page.contains("name=\"F9\" type=\"radio\" value=\"true\"><label for=\"F9\">Ja</label>"))
        #expect(page.contains("name=\"F9\" type=\"radio\" value=\"false\"><label for=\"F9-nein\">Nein</label>"))
        // Locked: shown read-only with its value; label: text; hidden: nothing.
        #expect(page.contains("<input id=\"F10\" name=\"F10\" type=\"text\" readonly value=\"AZ-2026-1\">"))
        #expect(page.contains("<p class=\"form-text\" id=\"F11\">Bitte vollständig ausfüllen.</p>"))
        #expect(!page.contains("name=\"F11\"") && !page.contains("F12"))
        // A code list from forms/codelists/, and one that is missing: a text input with a hint.
        #expect(page.contains("<input id=\"F13\" name=\"F13\" type=\"radio\" value=\"LD\"><label for=\"F13\">ledig</label>"))
        #expect(page.contains("<label for=\"F14\">Geschlecht (optional)</label>"))
        #expect(page.contains("<input id=\"F14\" name=\"F14\" type=\"text\" aria-describedby=\"F14-hinweis\">"))
        #expect(page.contains("Die Auswahlliste für diese Angabe ist hier nicht verfügbar."))
        // Amounts with their unit and keyboard; files with type, size and several allowed.
        #expect(page.contains("<label for=\"F15\">Betrag (in Euro)</label>"))
        #expect(page.contains("data-kind=\"number\" data-required data-min=\"0\" data-max=\"1000\""))
        #expect(page.contains("inputmode=\"decimal\""))
        #expect(page.contains("name=\"F16\" type=\"file\" multiple accept=\"application/pdf\""))
        #expect(page.contains("Erlaubte Dateiarten: PDF. Höchstens 20 MB je Datei. Mehrere Dateien möglich."))
        // A repeated field 2:5: two inputs sharing its name.
        #expect(page.components(separatedBy: "name=\"F17\"").count - 1 == 2)
        // The legal basis with its link; rules: the readable one shown, the technical one not.
        #expect(page.contains("<a href=\"https://www.gesetze-im-internet.de/hag/__7.html\">§ 7 HAG</a>"))
        #expect(page.contains("<li>Es muss mindestens eines der Felder „Telefon“ oder „E-Mail“ befüllt sein.</li>"))
        #expect(!page.contains("Validität"))
        // Nothing of the default stub.
        #expect(!page.contains("name=\"vorname\""))
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
    }

    @Test func checkReportsEachSchemaAndWhatItLeftOut() throws {
        let fixture = try Fixture([
            "services/personalausweis-beantragen.md": Self.service(),
            "forms/test.xdf.xml": Self.everything,
            "forms/codelists/familienstand.xml": Self.codeList,
        ])
        defer { fixture.remove() }
        let content = try fixture.load()
        #expect(content.warnings.map(\.description).contains { $0.hasPrefix("Content/forms/test.xdf.xml:") && $0.hasSuffix(": warning: Codeliste „urn:xpersonenstand:schluesseltabelle:geschlecht“ (Version 1) fehlt in forms/codelists/: das Feld „Geschlecht“ fragt den Wert als Text ab") },
                "\(content.warnings)")
        let report = try #require(content.formSchemaReports.first)
        #expect(report.summary == "Formular forms/test.xdf.xml (S99000000001 1.0.0, personalausweis-beantragen): 17 Felder, 4 Gruppen, davon 2 wiederholbar; Codelisten: 1 aufgelöst, 1 fehlen; Regeln: 1 gezeigt, 1 nicht gezeigt")
        #expect(report.details == [
            "Codeliste fehlt, das Feld fragt Text ab: urn:xpersonenstand:schluesseltabelle:geschlecht (Version 1)",
            "Codeliste in anderer Version verwendet: urn:de:dsmeld:schluesseltabelle:familienstand (Version 1) → forms/codelists/familienstand.xml (Version 2)",
            "Regel nicht gezeigt: R2 „Datum“: technische Prüfung („validität…“): keine Ausfüllhilfe für Bürgerinnen und Bürger",
            "Nicht gezeigt: 1 verborgene Felder (feldart hidden)",
        ])
    }

    @Test func ruleTextsReadWithoutElementIDs() {
        #expect(FormRuleText.readable("WENN Datenfeld F00000003445 \"Abweichende Ausgabestelle\" = JA, DANN aktiviere Datenfeldgruppe G00000002211 \"Sitz\".")
                == "WENN „Abweichende Ausgabestelle“ = JA, DANN aktiviere „Sitz“.")
        #expect(FormRuleText.readable("Wenn Datenfeld F00000003430 'Art der Mitteilung' leer ist") == "Wenn „Art der Mitteilung“ leer ist")
        #expect(FormRuleText.readable("WENN G60000000083 Geburtsdatum\n  befüllt, R60000000024 gilt") == "WENN Geburtsdatum befüllt, gilt")
        #expect(FormRuleText.decide("Die Validität des Datums muss sichergestellt werden.").shown == false)
        #expect(FormRuleText.decide("Wenn „Telefon“ leer ist, muss „E-Mail“ befüllt sein.").shown)
    }

    @Test func theTwelveRealSchemasLoad() throws {
        let forms = repositoryRoot.appendingPathComponent("Content/forms")
        let files = try FileManager.default.contentsOfDirectory(atPath: forms.path).filter { $0.hasSuffix(".xdf.xml") }.sorted()
        #expect(files.count == 12)
        for file in files {
            var diagnostics = Diagnostics()
            let data = try Data(contentsOf: forms.appendingPathComponent(file))
            let schema = XDFSchemaLoader.load(data, path: file, relativePath: "forms/\(file)", codeLists: CodeLists(), into: &diagnostics)
            #expect(schema != nil && diagnostics.errors.isEmpty, "\(file): \(diagnostics.errors)")
            #expect(schema?.id == String(file.dropLast(".xdf.xml".count)))
        }
    }

    // MARK: Bad input: `path:line:column: error:` and nothing written.

    static func expectSchemaError(_ schema: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        try ValidationTests.expectError(["services/personalausweis-beantragen.md": Self.service(), "forms/test.xdf.xml": schema],
                                        expected, sourceLocation: sourceLocation)
    }

    @Test func malformedXMLIsAnErrorAtItsPlace() throws {
        try Self.expectSchemaError("<?xml version=\"1.0\"?>\n<a>\n  <b></a>\n",
                                   "Content/forms/test.xdf.xml:3:10: error: kein wohlgeformtes XML: das schließende Tag passt nicht zum öffnenden")
        try Self.expectSchemaError("<?xml version=\"1.0\"?>\n<a>\n  <b>",
                                   "Content/forms/test.xdf.xml:3:6: error: kein wohlgeformtes XML: das Dokument endet vorzeitig (fehlt ein schließendes Tag?)")
    }

    @Test func bytesThatAreNotUTF8AreAnErrorNotACrash() throws {
        // Found by the fuzz run: a byte 0xEC in an attribute name passed libxml2 and made
        // FoundationXML trap. The file is checked as UTF-8 before it is parsed.
        var bytes = Array(XDF.document(XDF.item("1:1", XDF.field("F1", "Name"))).utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        let at = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: "link=")!.lowerBound.samePosition(in: text.utf8)!)
        bytes[at] = 0xEC  // the attribute name of <x:bezug link="…"> on line 6
        let fixture = try Fixture(["services/personalausweis-beantragen.md": Self.service()])
        defer { fixture.remove() }
        try fixture.write("forms/test.xdf.xml", Data(bytes))
        #expect(fixture.diagnostics().contains { $0.hasPrefix("Content/forms/test.xdf.xml:6:") && $0.contains(": error: ungültiges UTF-8 bei Byte \(at); speichern Sie die Datei als UTF-8") },
                "\(fixture.diagnostics())")
    }

    @Test func utf16WithABomIsReadAndBrokenUTF16OrNULBytesAreErrors() throws {
        let text = XDF.document(XDF.item("1:1", XDF.field("F1", "Name")))
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        let good = Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        var diagnostics = Diagnostics()
        let parsed = XMLTree.parse(good, path: "x.xml", into: &diagnostics)
        #expect(parsed?.root.name == "xdatenfelder.stammdatenschema.0102", "\(diagnostics.items.map { "\($0)" })")
        // A lone high surrogate in UTF-16, and the same text as UTF-16 without a byte order mark
        // (its NUL bytes are not UTF-8 text): errors, not a trap.
        var broken = [UInt8](good)
        broken[40] = 0x00; broken[41] = 0xD8
        diagnostics = Diagnostics()
        #expect(XMLTree.parse(Data(broken), path: "x.xml", into: &diagnostics) == nil)
        #expect(diagnostics.items.map { "\($0)" }.contains { $0.contains("x.xml:1:1: error: ungültiges UTF-16 bei Byte 40") }, "\(diagnostics.items.map { "\($0)" })")
        diagnostics = Diagnostics()
        #expect(XMLTree.parse(text.data(using: .utf16LittleEndian)!, path: "x.xml", into: &diagnostics) == nil)
        #expect(diagnostics.items.map { "\($0)" }.contains { $0.contains("x.xml:1:2: error: ungültiges UTF-8 bei Byte 1") }, "\(diagnostics.items.map { "\($0)" })")
    }

    @Test func aWrongRootOrNamespaceIsNamed() throws {
        try Self.expectSchemaError(XDF.document("", namespace: "urn:example"),
                                   "Content/forms/test.xdf.xml:2:1: error: kein FIM-Stammdatenschema: Wurzelelement „xdatenfelder.stammdatenschema.0102“ im Namensraum „urn:example“, erwartet „xdatenfelder.stammdatenschema.0102“ im Namensraum urn:xoev-de:fim:standard:xdatenfelder_3.0.0")
        try Self.expectSchemaError(XDF.document("", root: "xdatenfelder.datenfeldgruppe.0103"),
                                   "Content/forms/test.xdf.xml:2:1: error: kein FIM-Stammdatenschema: Wurzelelement „xdatenfelder.datenfeldgruppe.0103“ im Namensraum „urn:xoev-de:fim:standard:xdatenfelder_3.0.0“, erwartet „xdatenfelder.stammdatenschema.0102“ im Namensraum urn:xoev-de:fim:standard:xdatenfelder_3.0.0")
    }

    @Test func anXDatenfelder2FileIsSaidToBeOne() throws {
        try Self.expectSchemaError(XDF.document("", namespace: "urn:xoev-de:fim:standard:xdatenfelder_2"),
                                   "Content/forms/test.xdf.xml:2:1: error: XDatenfelder 2 wird nicht unterstützt (Namensraum urn:xoev-de:fim:standard:xdatenfelder_2): erwartet wird ein Stammdatenschema in XDatenfelder 3.0.0; das FIM-Portal bietet Schemata auch in dieser Fassung an")
    }

    @Test func aMissingSchemaFileIsAnErrorAtTheFrontMatter() throws {
        try ValidationTests.expectError(["services/personalausweis-beantragen.md": Self.service(schema: "forms/fehlt.xdf.xml")],
                                        "Content/services/personalausweis-beantragen.md:11:14: error: „form_schema“: die Datei forms/fehlt.xdf.xml gibt es nicht")
        try ValidationTests.expectError(["services/personalausweis-beantragen.md": Self.service(schema: "../geheim.xdf.xml")],
                                        "Content/services/personalausweis-beantragen.md:11:14: error: „form_schema“ muss eine Datei im Ordner forms/ mit der Endung .xdf.xml nennen (z. B. „forms/S00000000373.xdf.xml“), nicht „../geheim.xdf.xml“")
    }

    @Test func formAndFormSchemaExcludeEachOther() throws {
        try ValidationTests.expectError(["services/personalausweis-beantragen.md": Self.service(extra: "form:\n  fields:\n    - {id: a, label: A, type: text}\n"),
                                         "forms/test.xdf.xml": Self.everything],
                                        "Content/services/personalausweis-beantragen.md:11:14: error: „form_schema“ und „form“ schließen sich aus: das Formular kommt entweder aus dem FIM-Stammdatenschema oder aus der Liste unter „form“")
    }

    @Test func unknownFieldKindsAndTypesAreNamed() throws {
        try Self.expectSchemaError(XDF.document(XDF.item("1:1", XDF.field("F1", "Name", "slider"))),
                                   "Content/forms/test.xdf.xml:7:219: error: Datenfeld F1: unbekannte Feldart „slider“ (bekannt: input, select, label, hidden, locked)")
        try Self.expectSchemaError(XDF.document(XDF.item("1:1", XDF.field("F1", "Name", "input", "colour"))),
                                   "Content/forms/test.xdf.xml:7:260: error: Datenfeld F1: unbekannter Datentyp „colour“ (bekannt: text, text_latin, date, time, datetime, bool, num, num_int, num_currency, file, obj)")
    }

    @Test func aSelectWithoutValuesOrListIsAnError() throws {
        try Self.expectSchemaError(XDF.document(XDF.item("1:1", XDF.field("F1", "Art", "select"))),
                                   "Content/forms/test.xdf.xml:7:49: error: Datenfeld F1 „Art“ ist eine Auswahl (select) ohne Werte und ohne Codeliste")
    }

    @Test func aCycleAndAnUndefinedReferenceAreErrors() throws {
        let cycle = XDF.group("G1", "Gruppe", XDF.item("1:1", XDF.field("F1", "Name")) + XDF.item("0:1", XDF.reference("datenfeldgruppe", "G1")))
        try Self.expectSchemaError(XDF.document(XDF.item("1:1", cycle)),
                                   "Content/forms/test.xdf.xml:7:611: error: Zyklus in der Struktur: die Datenfeldgruppe G1 enthält sich selbst (G1 → G1)")
        try Self.expectSchemaError(XDF.document(XDF.item("1:1", XDF.reference("datenfeld", "F404"))),
                                   "Content/forms/test.xdf.xml:7:49: error: Datenfeld F404 wird verwendet, ist aber in der Datei nicht definiert")
    }

    @Test func excessiveNestingAndSizeAreRefused() throws {
        var nested = XDF.field("F1", "Name")
        for level in (1...13).reversed() { nested = XDF.group("G\(level)", "Ebene \(level)", XDF.item("1:1", nested)) }
        let fixture = try Fixture(["services/personalausweis-beantragen.md": Self.service(), "forms/test.xdf.xml": XDF.document(XDF.item("1:1", nested))])
        defer { fixture.remove() }
        #expect(fixture.diagnostics().contains { $0.hasPrefix("Content/forms/test.xdf.xml:7:") && $0.hasSuffix(": error: Datenfeldgruppen sind zu tief verschachtelt (mehr als 12 Ebenen)") },
                "\(fixture.diagnostics())")
        var deep = "<?xml version=\"1.0\"?>\n"
        for _ in 0..<70 { deep += "<a>" }
        try Self.expectSchemaError(deep, "Content/forms/test.xdf.xml:2:195: error: XML ist zu tief verschachtelt (mehr als 64 Ebenen)")
        try Self.expectSchemaError(String(repeating: " ", count: XMLTree.maxBytes + 1),
                                   "Content/forms/test.xdf.xml:1:1: error: Datei ist zu groß (20000001 Bytes, höchstens 20000000 Bytes)")
    }

    @Test func entityExpansionIsRefusedBeforeParsing() throws {
        // "Billion laughs" and an external entity (XXE): no document type declaration is read.
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<lolz>&lol2;</lolz>\n"
        try Self.expectSchemaError(laughs, "Content/forms/test.xdf.xml:2:1: error: Dokumenttyp-Deklaration (<!DOCTYPE>) ist nicht erlaubt: sie kann Entitäten definieren, die beim Lesen wachsen oder fremde Dateien einbinden")
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>\n"
        try Self.expectSchemaError(xxe, "Content/forms/test.xdf.xml:2:1: error: Dokumenttyp-Deklaration (<!DOCTYPE>) ist nicht erlaubt: sie kann Entitäten definieren, die beim Lesen wachsen oder fremde Dateien einbinden")
        // The same in UTF-16: the check does not depend on the file's encoding.
        var diagnostics = Diagnostics()
        let utf16 = Data([0xFF, 0xFE]) + laughs.replacingOccurrences(of: "<?xml version=\"1.0\"?>", with: "<?xml version=\"1.0\" encoding=\"UTF-16\"?>").data(using: .utf16LittleEndian)!
        #expect(XMLTree.parse(utf16, path: "x.xml", into: &diagnostics) == nil)
        #expect(diagnostics.errors.first?.message.hasPrefix("Dokumenttyp-Deklaration") == true, "\(diagnostics.errors)")
    }

    @Test func newServiceWithASchemaCopiesAndNamesIt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let source = fixture.root.appendingPathComponent("../schema-\(UUID().uuidString).xml").standardizedFileURL
        try Data(Self.everything.utf8).write(to: source)
        defer { try? FileManager.default.removeItem(at: source) }
        let path = try Scaffold.create(.service, slug: "testantrag", content: fixture.root, contentDisplay: "Content", formSchema: source)
        #expect(path == "Content/services/testantrag.md")
        let text = try String(contentsOf: fixture.root.appendingPathComponent("services/testantrag.md"), encoding: .utf8)
        let name = source.deletingPathExtension().lastPathComponent + ".xdf.xml"
        #expect(text.contains("\nform_schema: forms/\(name) "))
        #expect(FileManager.default.contents(atPath: fixture.root.appendingPathComponent("forms/\(name)").path) == Data(Self.everything.utf8))
        // A file that is not a schema is refused with the loader's message.
        try Data("<a/>".utf8).write(to: source)
        #expect(throws: Scaffold.Refused.self) { try Scaffold.create(.service, slug: "zweiter", content: fixture.root, contentDisplay: "Content", formSchema: source) }
    }
}
