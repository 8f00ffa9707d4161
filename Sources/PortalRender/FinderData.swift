import Foundation
import PortalModel
import PortalResolve
import PortalSupport

/// Static JSON for the Zuständigkeitsfinder in the browser. Nothing grows with places × services:
/// the place list is written once for the site, each service gets its rules (not the expanded
/// service × Gemeinde matrix), each authority its card. The browser resolves with the same
/// longest-prefix rule as `ResponsibilityIndex`.
package enum FinderData {
    /// `{"v":1,"k":{kreis AGS: name},"p":[[AGS, name, "PLZ PLZ"(, Gemeindeverband key)], …]}` —
    /// Gemeinden only; the Kreis of each is its AGS prefix. The fourth entry is there only for a
    /// member of a Gemeindeverband, so version 1 content writes the same file as before.
    package static func places(_ model: SiteModel) -> Data {
        var kreise: [String: String] = [:]
        for k in model.directory.kreise { kreise[k.ags] = k.name }
        let places: [ContextValue] = model.directory.gemeinden.map { g in
            .strings([g.ags, g.name, g.postalCodes.joined(separator: " ")] + (model.directory.verbandOf[g.ags].map { [$0] } ?? []))
        }
        return json(["v": 1, "k": .strings(kreise), "p": .list(places)])
    }

    /// `{"r":{region AGS: authority id}}` for one service.
    package static func rules(_ model: SiteModel, service: String) -> Data {
        json(["r": .strings(model.index.rules(for: service))])
    }

    /// One authority's card, with its page path relative to the site root.
    package static func authority(_ a: Authority) -> Data {
        var card: [String: ContextValue] = ["id": .string(a.id), "name": .string(a.name), "street": .string(a.address.street),
                                            "postal_code": .string(a.address.postalCode), "city": .string(a.address.city),
                                            "url": .string(Routes.authority(a.id))]
        if let v = a.phone { card["phone"] = .string(v) }
        if let v = a.email { card["email"] = .string(v) }
        if let v = a.website { card["website"] = .string(v) }
        if !a.openingHours.isEmpty { card["opening_hours"] = .strings(a.openingHours) }
        if let v = a.accessibility { card["accessibility"] = .string(v) }
        return json(.object(card))
    }

    package static func json(_ value: ContextValue) -> Data {
        Data(JSONText.encode(value).utf8)
    }
}
