import Foundation
import PortalModel
import PortalResolve
import PortalSupport

/// The catalogue as open data (`site.yml` `open_data:`): `katalog.json` (described by
/// `katalog.schema.json`, `OpenDataSchema`) and one CSV per table (RFC 4180: comma, CRLF, UTF-8).
/// Responsibilities are the editors' rules (service, region key, authority; the longest key wins),
/// not the answer for every Gemeinde, which a user can compute and which would be 100 times larger.
/// Written by hand into a string: at 300,000 rules a tree of values would cost hundreds of MB.
package enum OpenDataFiles {
    package struct File {
        package var name: String
        package var data: Data
        /// For the description page.
        package var format: String
        package var title: String
    }

    package static let schemaName = "katalog.schema.json"

    /// What the description page says of a file.
    package struct Listing: Sendable {
        package var name: String
        package var format: String
        package var title: String
        package var bytes: Int

        package init(name: String, format: String, title: String, bytes: Int) {
            self.name = name
            self.format = format
            self.title = title
            self.bytes = bytes
        }
    }

    package static func files(_ model: SiteModel, openData: OpenData) -> [File] {
        let content = model.content, site = content.site
        let authorities = content.authorities.values.sorted { $0.id < $1.id }
        return [
            File(name: "katalog.json", data: Data(json(model, openData: openData, authorities: authorities).utf8), format: "JSON",
                 title: "Der ganze Katalog: Leistungen, Behörden und Zuständigkeiten"),
            File(name: schemaName, data: Data(OpenDataSchema.text.utf8), format: "JSON Schema",
                 title: "Die Beschreibung von katalog.json (JSON Schema 2020-12)"),
            File(name: "leistungen.csv", data: csv(["slug", "titel", "leika", "ozg_id", "themenfeld", "lebenslagen", "url"],
                content.services.map { s in
                    [s.slug, s.title, s.leika ?? "", s.ozgID ?? "", s.topic, s.lebenslagen.joined(separator: " "), site.baseURL + Routes.service(s.slug)]
                }), format: "CSV", title: "Leistungen"),
            File(name: "behoerden.csv", data: csv(["id", "name", "strasse", "plz", "ort", "telefon", "email", "website", "url"],
                authorities.map { a in
                    [a.id, a.name, a.address.street, a.address.postalCode, a.address.city, a.phone ?? "", a.email ?? "", a.website ?? "",
                     site.baseURL + Routes.authority(a.id)]
                }), format: "CSV", title: "Behörden"),
            File(name: "zustaendigkeiten.csv", data: csv(["leistung", "gebiet", "behoerde"],
                content.responsibilities.map { [$0.service, $0.region, $0.authority] }), format: "CSV",
                 title: "Zuständigkeiten als Regeln: Leistung, Gebietsschlüssel (AGS), Behörde"),
        ]
    }

    static func json(_ model: SiteModel, openData: OpenData, authorities: [Authority]) -> String {
        let content = model.content, site = content.site
        func s(_ value: String) -> String { JSONText.jsonString(value) }
        func optional(_ value: String?) -> String { value.map(s) ?? "null" }
        var out = "{\n"
        out += "  \"$schema\": \(s(site.baseURL + Routes.openDataFile(schemaName))),\n"
        out += "  \"titel\": \(s(site.title)),\n"
        out += "  \"herausgeber\": \(s(openData.publisher ?? site.title)),\n"
        out += "  \"lizenz\": {\"name\": \(s(openData.licence)), \"url\": \(s(openData.licenceURL))},\n"
        out += "  \"quelle\": \(s(site.baseURL)),\n"
        out += "  \"themenfelder\": [" + content.topics.themenfelder.map { "\n    {\"slug\": \(s($0.slug)), \"titel\": \(s($0.title))}" }.joined(separator: ",") + "\n  ],\n"
        out += "  \"lebenslagen\": [" + content.topics.lebenslagen.map { "\n    {\"slug\": \(s($0.slug)), \"titel\": \(s($0.title))}" }.joined(separator: ",") + "\n  ],\n"
        out += "  \"leistungen\": ["
        out += content.services.map { service in
            "\n    {\"slug\": \(s(service.slug)), \"titel\": \(s(service.title)), \"kurzbeschreibung\": \(s(service.summary)), "
                + "\"leika\": \(optional(service.leika)), \"ozg_id\": \(optional(service.ozgID)), \"themenfeld\": \(s(service.topic)), "
                + "\"lebenslagen\": [\(service.lebenslagen.map(s).joined(separator: ", "))], \"url\": \(s(site.baseURL + Routes.service(service.slug)))}"
        }.joined(separator: ",")
        out += "\n  ],\n  \"behoerden\": ["
        out += authorities.map { a in
            "\n    {\"id\": \(s(a.id)), \"name\": \(s(a.name)), \"anschrift\": {\"strasse\": \(s(a.address.street)), \"plz\": \(s(a.address.postalCode)), "
                + "\"ort\": \(s(a.address.city))}, \"telefon\": \(optional(a.phone)), \"email\": \(optional(a.email)), "
                + "\"website\": \(optional(a.website)), \"url\": \(s(site.baseURL + Routes.authority(a.id)))}"
        }.joined(separator: ",")
        out += "\n  ],\n  \"zustaendigkeiten\": ["
        var first = true
        for rule in content.responsibilities {
            out += first ? "\n    " : ",\n    "
            first = false
            out += "{\"leistung\": \(s(rule.service)), \"gebiet\": \(s(rule.region)), \"behoerde\": \(s(rule.authority))}"
        }
        out += "\n  ]\n}\n"
        return out
    }

    /// RFC 4180: fields with a comma, quote or line break quoted, quotes doubled; CRLF.
    static func csv(_ header: [String], _ rows: [[String]]) -> Data {
        func field(_ value: String) -> String {
            guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = header.joined(separator: ",") + "\r\n"
        for row in rows { out += row.map(field).joined(separator: ",") + "\r\n" }
        return Data(out.utf8)
    }
}
