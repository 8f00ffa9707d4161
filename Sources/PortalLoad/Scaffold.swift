import Foundation
import PortalModel
import PortalSupport

/// `portal new`: files with every field of the content format, commented in German for editors.
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable {
        case service, authority, page

        package var folder: String {
            switch self {
            case .service: return "services"
            case .authority: return "authorities"
            case .page: return "pages"
            }
        }

        package var fileExtension: String { self == .authority ? "yml" : "md" }
    }

    public struct Refused: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Writes the new file and returns its path; refuses invalid slugs and existing files.
    /// `formSchema` (services only): a FIM Stammdatenschema, checked, copied to `forms/` (unless
    /// the same file is there already) and named in the new service's `form_schema:`.
    public static func create(_ kind: Kind, slug: String, content: URL, contentDisplay: String, formSchema: URL? = nil) throws(Refused) -> String {
        guard Slug.isValid(slug) else { throw Refused(description: "„\(slug)“ ist kein gültiger Name: \(Slug.rule)") }
        var text = text(kind)
        let relative = "\(kind.folder)/\(slug).\(kind.fileExtension)"
        let url = content.appendingPathComponent(relative)
        let shown = "\(contentDisplay)/\(relative)"
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw Refused(description: "\(shown) gibt es schon; nichts überschrieben")
        }
        if let formSchema {
            guard kind == .service else { throw Refused(description: "--form-schema gibt es nur für Leistungen (portal new service …)") }
            let name = try attach(formSchema, content: content, contentDisplay: contentDisplay)
            text = text.replacingOccurrences(of: "# form_schema: forms/S00000000000.xdf.xml ", with: "form_schema: forms/\(name)")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw Refused(description: "\(shown) kann nicht geschrieben werden: \(error.localizedDescription)")
        }
        return shown
    }

    /// Checks a schema file with the loader and copies it to `forms/`; returns its file name.
    private static func attach(_ file: URL, content: URL, contentDisplay: String) throws(Refused) -> String {
        let name = file.lastPathComponent.hasSuffix(".xdf.xml") ? file.lastPathComponent
            : file.deletingPathExtension().lastPathComponent + ".xdf.xml"
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Refused(description: "\(file.path) kann nicht gelesen werden")
        }
        var diagnostics = Diagnostics()
        guard XDFSchemaLoader.load(data, path: file.path, relativePath: "forms/\(name)", codeLists: CodeLists(), into: &diagnostics) != nil else {
            throw Refused(description: diagnostics.errors.map(\.description).joined(separator: "\n"))
        }
        let target = content.appendingPathComponent("forms/\(name)")
        if let existing = FileManager.default.contents(atPath: target.path) {
            guard existing == data else { throw Refused(description: "\(contentDisplay)/forms/\(name) gibt es schon mit anderem Inhalt; nichts überschrieben") }
            return name
        }
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target, options: .withoutOverwriting)
        } catch {
            throw Refused(description: "\(contentDisplay)/forms/\(name) kann nicht geschrieben werden: \(error.localizedDescription)")
        }
        return name
    }

    package static func text(_ kind: Kind) -> String {
        switch kind {
        case .service: return """
            ---
            # Pflichtangaben
            title: ""            # Name der Leistung: erst der Gegenstand, dann das Verb, z. B. „Personalausweis beantragen“
            summary: ""          # ein bis zwei Sätze, was Bürgerinnen und Bürger hier erledigen
            topic: ""            # Themenfeld (Slug aus topics.yml), z. B. querschnitt
            # Freiwillige Angaben (löschen Sie, was Sie nicht brauchen)
            lebenslagen: []      # Lebenslagen (Slugs aus topics.yml), z. B. [umzug]
            # leika: "99000000000000"   # LeiKa-Leistungsschlüssel, genau 14 Ziffern, in Anführungszeichen
            # ozg_id: "10000"           # OZG-ID aus dem Umsetzungskatalog
            keywords: []         # Wörter, die Bürgerinnen und Bürger suchen, z. B. [Perso, Ausweis]
            # online_service: https://…  # vorhandener Onlinedienst
            # fees: "…"                  # Kosten als Text
            # processing_time: "…"       # Bearbeitungsdauer als Text
            # updated: 2026-01-31        # Stand der Beschreibung (JJJJ-MM-TT)
            # reviewed: 2026-01-31       # zuletzt fachlich geprüft (portal check --stale)
            # valid_from: 2027-01-01     # gilt erst ab diesem Tag (JJJJ-MM-TT)
            # valid_until: 2027-12-31    # gilt nur bis zu diesem Tag
            # form_schema: forms/S00000000000.xdf.xml  # Formular aus einem FIM-Stammdatenschema (XDatenfelder 3.0.0); nicht zusammen mit „form“
            # form:                      # eigenes Antragsformular; ohne „form“ gibt es ein Standardformular
            #   title: Antrag auf …
            #   fields:
            #     - {id: vorname, label: Vorname, type: text, required: true, autocomplete: given-name}
            #     - {id: geburtsdatum, label: Geburtsdatum, type: date, required: true, hint: "z. B. 27 3 1990"}
            #     - {id: art, label: Art des Antrags, type: radio, required: true, options: [Erstantrag, Verlängerung]}
            #   Feldtypen: text, email, tel, number, date, textarea, select, radio, checkboxes, checkbox, file
            ---
            Beschreibung: was die Leistung ist und für wen sie gilt.

            ## Voraussetzungen

            ## Erforderliche Unterlagen

            ## Kosten

            ## Bearbeitungsdauer

            ## Fristen

            ## Verfahrensablauf

            ## Rechtsgrundlage

            ## Hinweise

            """
        case .authority: return """
            # Pflichtangaben
            name: ""                  # Name der Behörde, z. B. „Bürgeramt Musterstadt“
            address:
              street: ""              # Straße und Hausnummer
              postal_code: ""         # fünfstellige Postleitzahl, in Anführungszeichen
              city: ""                # Ort
            # Freiwillige Angaben
            # phone: "+49 …"
            # email: …@…
            # website: https://…
            # opening_hours: ["Mo, Di 08:00–12:00", "Do 13:00–18:00"]
            # accessibility: Stufenloser Zugang, Aufzug

            """
        case .page: return """
            ---
            title: ""                 # Titel der Seite (Pflicht)
            # description: …          # ein Satz für Suchmaschinen
            ---
            Text der Seite. Abschnitte beginnen mit „## Überschrift“.

            """
        }
    }
}
