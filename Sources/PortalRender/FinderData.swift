import Foundation
import PortalModel
import PortalResolve
import PortalSupport

/// Static JSON for the Zuständigkeitsfinder in the browser. Nothing grows with places × services:
/// the place list is written once for the site, each service gets its rules (not the expanded
/// service × Gemeinde matrix), each authority its card. The browser resolves with the same
/// longest-prefix rule as `ResponsibilityIndex`.
package enum FinderData {
    /// `{"v":1,"k":{kreis AGS: name},"p":[[AGS, name, "PLZ PLZ"], …]}` — Gemeinden only; the
    /// Kreis of each is its AGS prefix.
    package static func places(_ model: SiteModel) -> Data {
        var kreise: [String: String] = [:]
        for k in model.directory.kreise { kreise[k.ags] = k.name }
        let places: [[String]] = model.directory.gemeinden.map { [$0.ags, $0.name, $0.postalCodes.joined(separator: " ")] }
        return json(["v": 1, "k": kreise, "p": places])
    }

    /// `{"r":{region AGS: authority id}}` for one service.
    package static func rules(_ model: SiteModel, service: String) -> Data {
        json(["r": model.index.rules(for: service)])
    }

    /// One authority's card, with its page path relative to the site root.
    package static func authority(_ a: Authority) -> Data {
        var card: [String: Any] = ["id": a.id, "name": a.name, "street": a.address.street, "postal_code": a.address.postalCode,
                                   "city": a.address.city, "url": Routes.authority(a.id)]
        if let v = a.phone { card["phone"] = v }
        if let v = a.email { card["email"] = v }
        if let v = a.website { card["website"] = v }
        if !a.openingHours.isEmpty { card["opening_hours"] = a.openingHours }
        if let v = a.accessibility { card["accessibility"] = v }
        return json(card)
    }

    package static func json(_ object: Any) -> Data {
        Data(JSONText.encode(object).utf8)
    }
}
