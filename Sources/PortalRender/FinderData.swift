import Foundation
import PortalModel
import PortalResolve
import PortalSupport

/// Static JSON for the Zuständigkeitsfinder in the browser. Nothing grows with places × services:
/// the place list is written once for the site and each service gets its rules (not the expanded
/// service × Gemeinde matrix), both in shards that one answer needs few of; each authority gets
/// its card. The browser resolves with the same rule as `ResponsibilityIndex`.
package enum FinderData {
    /// What a folder of shards is named by (`Routes.placesData`, `rulesData` hash it): their keys
    /// and bytes, so the name changes with any shard and no whole list is serialised for it.
    package static func folderBytes(_ shards: [(key: String, data: Data)]) -> Data {
        var all = Data()
        for shard in shards { all.append(Data(shard.key.utf8)); all.append(0); all.append(shard.data) }
        return all
    }

    /// `{"v":1,"k":{kreis AGS: name},"p":[[AGS, name, "PLZ PLZ"(, Gemeindeverband key)], …]}` —
    /// Gemeinden only; the Kreis of each is its AGS prefix. The fourth entry is there only for a
    /// member of a Gemeindeverband. This is the format of each place shard (`placeShards`).
    private static func placeList(_ model: SiteModel, _ gemeinden: [Region]) -> Data {
        var kreise: [String: String] = [:]
        for g in gemeinden {
            let k = String(g.ags.prefix(5))
            if let kreis = model.directory.byAGS[k] { kreise[k] = kreis.name }
        }
        let places: [ContextValue] = gemeinden.map { g in
            .strings([g.ags, g.name, g.postalCodes.joined(separator: " ")] + (model.directory.verbandOf[g.ags].map { [$0] } ?? []))
        }
        return json(["v": 1, "k": .strings(kreise), "p": .list(places)])
    }

    /// The place list cut so that what a browser loads for one search does not grow with the
    /// country (issue #16): `n-xy` holds every Gemeinde with a word of its name, or a distinctive
    /// word of its Kreis' name, that starts with `xy` (as `finder.js` normalises: folded umlauts,
    /// lowercase, a–z and 0–9); `p-dd` every Gemeinde with a postal code starting with `dd`.
    /// A Kreis word in more than five Kreis names ("landkreis") is not distinctive and not indexed.
    package static func placeShards(_ model: SiteModel) -> [(key: String, data: Data)] {
        let kreisWords = model.directory.kreise.map { Set(words(normalize($0.name))) }
        var frequency: [String: Int] = [:]
        for set in kreisWords { for w in set { frequency[w, default: 0] += 1 } }
        var shards: [String: [Region]] = [:]
        for g in model.directory.gemeinden {
            var keys = Set<String>()
            var all = words(normalize(g.name))
            if let kreis = model.directory.byAGS[String(g.ags.prefix(5))] {
                all += words(normalize(kreis.name)).filter { (frequency[$0] ?? 0) <= 5 }
            }
            for w in all where w.count >= 2 { keys.insert("n-" + w.prefix(2)) }
            for code in g.postalCodes { keys.insert("p-" + code.prefix(2)) }
            for key in keys { shards[key, default: []].append(g) }
        }
        return shards.keys.sorted().map { ($0, placeList(model, shards[$0]!)) }
    }

    /// `finder.js`'s `normalize`: lowercase, ä→ae, ö→oe, ü→ue, ß→ss, other diacritics dropped,
    /// every run of other characters than a–z and 0–9 one space, trimmed.
    package static func normalize(_ text: String) -> String {
        let folded = text.lowercased().replacingOccurrences(of: "ä", with: "ae").replacingOccurrences(of: "ö", with: "oe")
            .replacingOccurrences(of: "ü", with: "ue").replacingOccurrences(of: "ß", with: "ss")
            .decomposedStringWithCanonicalMapping
        var out = "", space = false
        for scalar in folded.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if space && !out.isEmpty { out += " " }
                space = false
                out.unicodeScalars.append(scalar)
            } else {
                space = true
            }
        }
        return out
    }

    private static func words(_ normalized: String) -> [String] { normalized.split(separator: " ").map(String.init) }

    /// The rules of one service cut so that one answer loads little, however many Gemeinden
    /// decide it themselves: per Land (`14`), the rules down to the Kreis level and `d`, the
    /// Kreise in which Gemeinden or Gemeindeverbände have rules of their own; per such Kreis
    /// (`14625`), those rules. `{"r":{key: authority id}(,"d":[Kreis AGS, …])}`.
    package static func ruleShards(_ model: SiteModel, service: String) -> [(key: String, data: Data)] {
        let rules = model.index.rules(for: service)
        var byKreis: [String: [String: String]] = [:]
        for (key, authority) in rules where key.count > 5 { byKreis[String(key.prefix(5)), default: [:]][key] = authority }
        var shards: [(key: String, data: Data)] = model.directory.laender.map { land in
            var shard: [String: ContextValue] = ["r": .strings(rules.filter { $0.key.count <= 5 && ($0.key.hasPrefix(land.ags) || $0.key.count < land.ags.count) })]
            let deeper = byKreis.keys.filter { $0.hasPrefix(land.ags) }.sorted()
            if !deeper.isEmpty { shard["d"] = .strings(deeper) }
            return (land.ags, json(.object(shard)))
        }
        for kreis in byKreis.keys.sorted() { shards.append((kreis, json(["r": .strings(byKreis[kreis]!)]))) }
        return shards
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
