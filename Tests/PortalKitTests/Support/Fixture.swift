import Foundation
@testable import PortalLoad
@testable import PortalModel

/// A small, valid content tree written to a temporary folder; tests change one file to break it.
struct Fixture {
    let root: URL

    static let files: [String: String] = [
        "site.yml": """
            title: Serviceportal Test
            base_url: https://portal.example.de/land/
            language: de
            state: "14"
            description: Ein Testportal.
            contact: {email: hilfe@example.de, phone: "+49 351 000"}

            """,
        "topics.yml": """
            themenfelder:
              - {slug: familie-und-kind, title: "Familie & Kind", description: Rund um die Familie.}
              - {slug: querschnitt, title: Querschnitt}
            lebenslagen:
              - {slug: geburt, title: Geburt}
              - {slug: umzug, title: Umzug}

            """,
        "services/personalausweis-beantragen.md": """
            ---
            title: Personalausweis beantragen
            summary: Einen neuen Personalausweis beantragen.
            topic: querschnitt
            lebenslagen: [umzug]
            leika: "99008001012000"
            ozg_id: "10119"
            keywords: [Perso, Ausweis]
            fees: "37,00 Euro"
            updated: 2026-10-01
            ---
            Der Ausweis weist Sie aus.

            ## Kosten
            37,00 Euro.

            ## Voraussetzungen
            - Sie sind Deutsche oder Deutscher.

            ## Erforderliche Unterlagen
            - Lichtbild
            - Geburtsurkunde

            Siehe auch [Elterngeld](/leistungen/elterngeld-beantragen/).

            """,
        "services/elterngeld-beantragen.md": """
            ---
            title: Elterngeld beantragen
            summary: Geld für Eltern nach der Geburt.
            topic: familie-und-kind
            lebenslagen: [geburt]
            form:
              title: Antrag auf Elterngeld
              fields:
                - {id: vorname, label: Vorname, type: text, required: true, autocomplete: given-name}
                - {id: geburtsdatum, label: Geburtsdatum des Kindes, type: date, required: true, hint: "z. B. 27 3 2026"}
                - id: anschrift
                  label: Anschrift
                  fields:
                    - {id: strasse, label: Straße und Hausnummer, type: text, required: true, autocomplete: address-line1}
                    - {id: plz, label: Postleitzahl, type: text, required: true, autocomplete: postal-code, pattern: "[0-9]{5}"}
                - {id: art, label: Art des Antrags, type: radio, required: true, options: [Erstantrag, Änderung]}
                - {id: monate, label: Bezugsmonate, type: checkboxes, options: [Januar, Februar]}
                - {id: kasse, label: Krankenkasse, type: select, options: [AOK, TK]}
                - {id: anzahl, label: Anzahl Kinder, type: number, min: "1", max: "9"}
                - {id: mail, label: E-Mail, type: email}
                - {id: telefon, label: Telefon, type: tel}
                - {id: nachricht, label: Nachricht, type: textarea, maxlength: 500}
                - {id: nachweis, label: Geburtsurkunde, type: file, accept: "application/pdf"}
                - {id: einwilligung, label: Ich willige ein, type: checkbox, required: true}
            ---
            Elterngeld gibt es für Eltern.

            """,
        "authorities/buergeramt-dresden.yml": """
            name: Bürgeramt Dresden
            address: {street: Theaterstraße 11, postal_code: "01067", city: Dresden}
            phone: "+49 351 4884"
            email: buergeramt@dresden.example
            website: https://www.dresden.example/
            opening_hours: ["Mo 08:00–18:00", "Di 08:00–12:00"]
            accessibility: Stufenloser Zugang

            """,
        "authorities/landratsamt-bautzen.yml": """
            name: Landratsamt Bautzen
            address: {street: Bahnhofstraße 9, postal_code: "02625", city: Bautzen}

            """,
        "authorities/elterngeldstelle-sachsen.yml": """
            name: Elterngeldstelle Sachsen
            address: {street: Altchemnitzer Straße 41, postal_code: "09120", city: Chemnitz}

            """,
        "regions.csv": """
            ags,name,postal_codes
            14,Sachsen,
            14612,Dresden,
            14612000,Dresden,"01067 01069"
            14625,Landkreis Bautzen,
            14625020,Bautzen,02625
            14625030,Bernsdorf,02994
            14625240,Kamenz,01917

            """,
        "responsibilities.csv": """
            service,region,authority
            personalausweis-beantragen,14612000,buergeramt-dresden
            personalausweis-beantragen,14625,landratsamt-bautzen
            elterngeld-beantragen,14,elterngeldstelle-sachsen

            """,
        "pages/impressum.md": """
            ---
            title: Impressum
            description: Wer das Portal betreibt.
            ---
            Betreiber: Beispiel.

            """,
        "pages/datenschutz.md": """
            ---
            title: Datenschutzerklärung
            ---
            Wir speichern nichts.

            """,
    ]

    /// Writes the fixture, with `changes` replacing (or, with nil, removing) files.
    init(_ changes: [String: String?] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-fixture-\(UUID().uuidString)")
        var files = Self.files.mapValues { Optional($0) }
        for (path, text) in changes { files[path] = text }
        for (path, text) in files {
            guard let text else { continue }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Loads the tree with paths shown as `Content/...`; returns the diagnostics (empty on success).
    func diagnostics() -> [String] {
        do {
            let content = try ContentLoader(root: root, displayRoot: "Content").load()
            return content.warnings.map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    func load() throws -> Content { try ContentLoader(root: root, displayRoot: "Content").load() }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// The repository root (for the sample Content/ and Templates/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh temporary folder.
func temporaryFolder(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
