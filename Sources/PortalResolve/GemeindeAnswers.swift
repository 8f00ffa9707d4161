import PortalModel
import PortalSupport

/// The responsible authority of every service in every Gemeinde, resolved once per build (the
/// Gemeinde pages' fingerprints, their rows and their HTML all need it). Authorities are stored
/// as indexes into the sorted id list: 4 bytes per pair (Germany: 6 million pairs, 24 MB), and the
/// level of the rule that decided, 1 byte per pair.
package struct GemeindeAnswers: Sendable {
    package static let gap: Int32 = -1

    /// Sorted authority ids; an answer is an index into this list or `gap`.
    package let authorityIDs: [String]
    /// Gemeinde AGS → per service (index into `content.services`) its answer.
    package let byGemeinde: [String: [Int32]]
    /// Gemeinde AGS → per service the level of the rule that decided; nil for a gap.
    package let levelByGemeinde: [String: [Region.Level?]]
    /// Kreis AGS → per service whether its answer differs between the Kreis' Gemeinden (some
    /// Gemeinde or Gemeindeverband inside it has a rule of its own).
    package let variesInKreis: [String: [Bool]]

    package init(model: SiteModel) {
        let ids = model.content.authorities.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
        // Each service's rules as answer indexes, looked up once rather than once per Gemeinde.
        let tables: [[String: Int32]] = model.content.services.map { service in
            model.index.rules(for: service.slug).compactMapValues { position[$0] }
        }
        let vectors = ParallelMap.map(model.directory.gemeinden) { gemeinde -> (String, [Int32], [Region.Level?]) in
            let keys = model.directory.keys(of: gemeinde)
            let levels = keys.map { Region.Level(rawValue: $0.count) }
            var answers = [Int32](repeating: Self.gap, count: tables.count), decided = [Region.Level?](repeating: nil, count: tables.count)
            for (service, table) in tables.enumerated() {
                for (k, key) in keys.enumerated() {
                    if let answer = table[key] { answers[service] = answer; decided[service] = levels[k]; break }
                }
            }
            return (gemeinde.ags, answers, decided)
        }
        authorityIDs = ids
        byGemeinde = Dictionary(vectors.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
        levelByGemeinde = Dictionary(vectors.map { ($0.0, $0.2) }, uniquingKeysWith: { a, _ in a })
        variesInKreis = Dictionary(uniqueKeysWithValues: model.directory.kreise.map { kreis in
            (kreis.ags, model.content.services.map { !model.index.deeperRegions(service: $0.slug, inside: kreis.ags).isEmpty })
        })
    }

    /// The authority every Gemeinde of the Kreis gets for the service (index into
    /// `content.services`), if they all get the same one and none has a gap.
    package func sharedAnswer(service: Int, in kreis: Region, directory: RegionDirectory) -> String? {
        var shared: Int32?
        for gemeinde in directory.children[kreis.ags] ?? [] where gemeinde.level == .gemeinde {
            guard let answer = byGemeinde[gemeinde.ags]?[service], answer != Self.gap else { return nil }
            if let known = shared, known != answer { return nil }
            shared = answer
        }
        return shared.map { authorityIDs[Int($0)] }
    }

    /// The services a Gemeinde's own page lists (indexes into `content.services`, A–Z): those
    /// decided by a rule of the Gemeinde or its Gemeindeverband, the gaps, and those whose answer
    /// differs within its Kreis (so the no-JavaScript path from a service page, Kreis, Gemeinde,
    /// ends on a page that names the service). The rest is on its Kreis', RB's or Land's page.
    package func listedOnOwnPage(_ gemeinde: Region) -> [Int] {
        guard let levels = levelByGemeinde[gemeinde.ags] else { return [] }
        let varies = variesInKreis[String(gemeinde.ags.prefix(5))]
        return levels.indices.filter { i in
            switch levels[i] {
            case nil, .gemeinde, .verband: return true
            case .kreis, .regierungsbezirk, .land: return varies?[i] ?? false
            }
        }
    }
}
