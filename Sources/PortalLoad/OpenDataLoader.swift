import Foundation
import PortalModel

/// Reads the `open_data:` section of `site.yml`.
package enum OpenDataLoader {
    package static let keys = KeyChecker(what: "„open_data“", allowed: ["licence", "licence_url", "publisher"], required: ["licence", "licence_url"])

    package static func load(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> OpenData? {
        guard let values = keys.check(node, into: &diagnostics) else { return nil }
        func text(_ key: String) -> String? {
            guard let n = values[key], !n.isNull else { return nil }
            return n.string(key, into: &diagnostics)?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let licence = text("licence"), let url = text("licence_url"), let urlNode = values["licence_url"] else { return nil }
        if licence.isEmpty, let n = values["licence"] {
            diagnostics.error(n.location, "„licence“ in „open_data“ darf nicht leer sein: ohne Lizenz darf niemand die Daten nutzen")
            return nil
        }
        guard url.lowercased().hasPrefix("https://"), Validators.isAbsoluteHTTPURL(url) else {
            diagnostics.error(urlNode.location, "„licence_url“ in „open_data“ muss eine https-Adresse sein, z. B. „https://www.govdata.de/dl-de/by-2-0“, nicht „\(url)“")
            return nil
        }
        return OpenData(licence: licence, licenceURL: url, publisher: text("publisher"))
    }
}
