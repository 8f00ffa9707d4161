import PortalModel
import PortalSupport

/// The responsible authority of every service in every Gemeinde, resolved once per build (the
/// Gemeinde pages' fingerprints, their rows and their HTML all need it). Authorities are stored
/// as indexes into the sorted id list: 4 bytes per pair (Germany: 6 million pairs, 24 MB).
package struct GemeindeAnswers: Sendable {
    package static let gap: Int32 = -1
    /// Sorted authority ids; an answer is an index into this list or `gap`.
    package let authorityIDs: [String]
    /// Gemeinde AGS → per service (index into `content.services`) its answer.
    package let byGemeinde: [String: [Int32]]

    package init(model: SiteModel) {
        let ids = model.content.authorities.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
        // Each service's rules as answer indexes, looked up once rather than once per Gemeinde.
        let tables: [[String: Int32]] = model.content.services.map { service in
            model.index.rules(for: service.slug).compactMapValues { position[$0] }
        }
        let vectors = ParallelMap.map(model.directory.gemeinden) { gemeinde -> (String, [Int32]) in
            let keys = model.directory.keys(of: gemeinde)
            return (gemeinde.ags, tables.map { table in
                for key in keys { if let answer = table[key] { return answer } }
                return Self.gap
            })
        }
        authorityIDs = ids
        byGemeinde = Dictionary(vectors, uniquingKeysWith: { a, _ in a })
    }
}
