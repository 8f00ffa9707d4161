/// The rows of the Gemeinde pages, rendered once per (service, answer) instead of once per
/// (service, Gemeinde): a service has a handful of distinct answers but appears on every
/// Gemeinde page, so this turns ~233,000 row renders for Saxony (6 million for Germany) into
/// ~12,000 (~320,000). Rows still come from the theme's `gemeinde-row` template.
struct GemeindeRows: Sendable {
    /// Per service (index into `content.services`): answer → row HTML.
    private let rows: [[Int32: String]]
    let answers: GemeindeAnswers

    init(model: SiteModel, theme: Theme, answers: GemeindeAnswers) {
        self.answers = answers
        let services = model.content.services
        let contactEmail = model.content.site.contact.email
        // The distinct answers of each service over all Gemeinden.
        var distinct = [Set<Int32>](repeating: [], count: services.count)
        for vector in answers.byGemeinde.values {
            for (service, answer) in vector.enumerated() { distinct[service].insert(answer) }
        }
        let needed = distinct
        let table = answers.authorityIDs
        rows = ParallelMap.map(Array(services.indices)) { index -> [Int32: String] in
            let service = services[index]
            var result: [Int32: String] = [:]
            for answer in needed[index] {
                var row: [String: Any] = ["slug": service.slug, "title": service.title, "url": "../../leistungen/\(service.slug)/"]
                if answer == GemeindeAnswers.gap {
                    row["gap"] = true
                    if let contactEmail { row["contact_email"] = contactEmail }
                } else if let authority = model.content.authorities[table[Int(answer)]] {
                    row["authority"] = ["name": authority.name, "url": "../../behoerden/\(authority.id)/"]
                }
                result[answer] = theme.render(row, template: "gemeinde-row")
            }
            return result
        }
    }

    /// Everything a row is made of besides its template and its answer: for incremental builds.
    static func inputDigest(model: SiteModel) -> String {
        var f = Fingerprint()
        for service in model.content.services { f.add(service.slug); f.add(service.title) }
        for id in model.content.authorities.keys.sorted() { f.add(id); f.add(model.content.authorities[id]!.name) }
        f.add(model.content.site.contact.email ?? "")
        return f.hex
    }

    /// The rows of one Gemeinde page, in A–Z order of the services.
    func html(for gemeinde: Region) -> String {
        guard let vector = answers.byGemeinde[gemeinde.ags] else { return "" }
        var out = ""
        out.reserveCapacity(rows.count * 200)
        for (index, answer) in vector.enumerated() { out += rows[index][answer] ?? "" }
        return out
    }
}

/// The responsible authority of every service in every Gemeinde, resolved once per build (the
/// Gemeinde pages' fingerprints, their rows and their HTML all need it). Authorities are stored
/// as indexes into the sorted id list: 4 bytes per pair (Germany: 6 million pairs, 24 MB).
struct GemeindeAnswers: Sendable {
    static let gap: Int32 = -1
    /// Sorted authority ids; an answer is an index into this list or `gap`.
    let authorityIDs: [String]
    /// Gemeinde AGS → per service (index into `content.services`) its answer.
    let byGemeinde: [String: [Int32]]

    init(model: SiteModel) {
        let ids = model.content.authorities.keys.sorted()
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, Int32($0)) })
        // Each service's rules as answer indexes, looked up once rather than once per Gemeinde.
        let tables: [[String: Int32]] = model.content.services.map { service in
            model.index.rules(for: service.slug).compactMapValues { position[$0] }
        }
        let vectors = ParallelMap.map(model.directory.gemeinden) { gemeinde -> (String, [Int32]) in
            let prefixes = RegionDirectory.prefixes(of: gemeinde.ags)
            return (gemeinde.ags, tables.map { table in
                for prefix in prefixes { if let answer = table[prefix] { return answer } }
                return Self.gap
            })
        }
        authorityIDs = ids
        byGemeinde = Dictionary(vectors, uniquingKeysWith: { a, _ in a })
    }
}
