/// The rows of the Gemeinde pages, rendered once per (service, answer) instead of once per
/// (service, Gemeinde): a service has a handful of distinct answers but appears on every
/// Gemeinde page, so this turns ~233,000 row renders for Saxony (6 million for Germany) into
/// ~12,000 (~320,000). Rows still come from the theme's `gemeinde-row` template.
struct GemeindeRows: Sendable {
    /// Per service (index into `content.services`): authority id → row HTML; `""` is the gap row.
    private let rows: [[String: String]]

    static let gap = ""

    init(model: SiteModel, theme: Theme) {
        let services = model.content.services
        let gemeinden = model.directory.gemeinden.map { RegionDirectory.prefixes(of: $0.ags) }
        let contactEmail = model.content.site.contact.email
        rows = ParallelMap.map(Array(services.indices)) { index -> [String: String] in
            let service = services[index]
            let rules = model.index.rules(for: service.slug)
            var answers = Set(rules.values)
            // A gap row is needed if some Gemeinde has no rule above it.
            if gemeinden.contains(where: { model.index.resolve(service: service.slug, prefixes: $0) == nil }) { answers.insert(Self.gap) }
            var result: [String: String] = [:]
            for answer in answers {
                var row: [String: Any] = ["slug": service.slug, "title": service.title, "url": "../../leistungen/\(service.slug)/"]
                if answer == Self.gap {
                    row["gap"] = true
                    if let contactEmail { row["contact_email"] = contactEmail }
                } else if let authority = model.content.authorities[answer] {
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
    func html(for gemeinde: Region, model: SiteModel) -> String {
        var out = ""
        out.reserveCapacity(rows.count * 200)
        let prefixes = RegionDirectory.prefixes(of: gemeinde.ags)
        for (index, service) in model.content.services.enumerated() {
            let answer = model.index.resolve(service: service.slug, prefixes: prefixes) ?? Self.gap
            out += rows[index][answer] ?? ""
        }
        return out
    }
}
