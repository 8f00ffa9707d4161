import PortalModel
import PortalResolve
import PortalSupport

/// The rows of the Gemeinde pages, rendered once per (service, answer) instead of once per
/// (service, Gemeinde): a service has a handful of distinct answers but appears on every
/// Gemeinde page, so this turns ~233,000 row renders for Saxony (6 million for Germany) into
/// ~12,000 (~320,000). Rows still come from the theme's `gemeinde-row` template.
package struct GemeindeRows: Sendable {
    /// One service's rows.
    private enum ServiceRows: Sendable {
        /// Answer → row HTML.
        case rendered([Int32: String])
        /// One stencil for every authority, filled in as a page is rendered (kept filled, the
        /// rows of the rule-heavy 2,000-service tree took 83 MB); the row of the gap rendered.
        case stencil(RowStencil, gap: String?)
    }

    /// Per service (index into `content.services`).
    private let rows: [ServiceRows]
    /// Per answer (index into `answers.authorityIDs`): the authority's name and page URL, escaped
    /// as the template escapes them, for the stencils.
    private let names: [String], urls: [String]
    package let answers: GemeindeAnswers

    package init(model: SiteModel, theme: Theme, answers: GemeindeAnswers) {
        self.answers = answers
        let services = model.content.services
        let contactEmail = model.content.site.contact.email
        // Every Gemeinde page lies at the same depth.
        let root = Routes.root(from: Routes.place("ags"))
        // The distinct answers of each service over all Gemeinden.
        var distinct = [Set<Int32>](repeating: [], count: services.count)
        for vector in answers.byGemeinde.values {
            for (service, answer) in vector.enumerated() { distinct[service].insert(answer) }
        }
        let needed = distinct
        let table = answers.authorityIDs
        // Per answer: the authority's name and page URL, as the row template receives them.
        let cards: [[String: String]] = table.map { id in ["name": model.content.authorities[id]?.name ?? id, "url": root + Routes.authority(id)] }
        names = cards.map { HTML.escape($0["name"] ?? "") }
        urls = cards.map { HTML.escape($0["url"] ?? "") }
        rows = ParallelMap.map(Array(services.indices)) { index -> ServiceRows in
            let service = services[index]
            func context(_ authority: [String: String]?) -> Context {
                var row: Context = ["slug": .string(service.slug), "title": .string(service.title), "url": .string(root + Routes.service(service.slug))]
                if let authority {
                    row["authority"] = .strings(authority)
                } else {
                    row["gap"] = true
                    if let contactEmail { row["contact_email"] = .string(contactEmail) }
                }
                return row
            }
            func card(_ answer: Int32) -> [String: String] { cards[Int(answer)] }
            var result: [Int32: String] = [:]
            let authorityAnswers = needed[index].filter { $0 != GemeindeAnswers.gap }.sorted()
            if needed[index].contains(GemeindeAnswers.gap) { result[GemeindeAnswers.gap] = theme.render(context(nil), template: "gemeinde-row") }
            // A service answered by many authorities (one per Gemeinde) renders the row once with
            // placeholders and fills in each authority, if that gives exactly what rendering does.
            if authorityAnswers.count > 2, let first = authorityAnswers.first {
                let stencil = RowStencil(theme.render(context(RowStencil.placeholders), template: "gemeinde-row"))
                // A probe with every character HTML escapes tells escaped from raw output.
                let probe = ["name": "Amt <&\"'> Probe", "url": root + Routes.authority("<&\"'>")]
                let real = theme.render(context(card(first)), template: "gemeinde-row")
                if stencil.fill(card(first)) == real,
                   stencil.fill(probe) == theme.render(context(probe), template: "gemeinde-row") {
                    return .stencil(stencil, gap: result[GemeindeAnswers.gap])
                }
            }
            for answer in authorityAnswers { result[answer] = theme.render(context(card(answer)), template: "gemeinde-row") }
            return .rendered(result)
        }
    }

    /// Everything a row is made of besides its template and its answer: for incremental builds.
    package static func inputDigest(model: SiteModel) -> String {
        var f = Fingerprint()
        for service in model.content.services { f.add(service.slug); f.add(service.title) }
        for id in model.content.authorities.keys.sorted() { f.add(id); f.add(model.content.authorities[id]!.name) }
        f.add(model.content.site.contact.email ?? "")
        return f.hex
    }

    /// The rows of the given services (indexes into `content.services`) for one Gemeinde.
    package func html(for gemeinde: Region, services: [Int]) -> String {
        guard let vector = answers.byGemeinde[gemeinde.ags] else { return "" }
        var out = ""
        out.reserveCapacity(services.count * 200)
        for index in services { append(index, vector[index], to: &out) }
        return out
    }

    private func append(_ service: Int, _ answer: Int32, to out: inout String) {
        switch rows[service] {
        case .rendered(let rendered): out += rendered[answer] ?? ""
        case .stencil(_, let gap) where answer == GemeindeAnswers.gap: out += gap ?? ""
        case .stencil(let stencil, _): stencil.fill(into: &out, name: names[Int(answer)], url: urls[Int(answer)])
        }
    }

    /// The rows of one Gemeinde page, in A–Z order of the services.
    package func html(for gemeinde: Region) -> String {
        guard let vector = answers.byGemeinde[gemeinde.ags] else { return "" }
        var out = ""
        out.reserveCapacity(rows.count * 200)
        for (index, answer) in vector.enumerated() { append(index, answer, to: &out) }
        return out
    }
}

/// A rendered row with placeholders where the authority's name and URL go: filling it in is
/// string concatenation instead of a template render.
package struct RowStencil {
    package static let name = "\u{E000}portal-name\u{E001}", url = "\u{E000}portal-url\u{E001}"
    package static let placeholders = ["name": name, "url": url]

    package enum Piece { case text(String), name, url }
    package let pieces: [Piece]

    package init(_ rendered: String) {
        var pieces: [Piece] = []
        var rest = Substring(rendered)
        while let next = [Self.name, Self.url].compactMap({ marker in rest.range(of: marker).map { (marker, $0) } }).min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            pieces.append(.text(String(rest[..<next.1.lowerBound])))
            pieces.append(next.0 == Self.name ? .name : .url)
            rest = rest[next.1.upperBound...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces
    }

    /// The row for one authority, its values escaped as the template would have escaped them.
    package func fill(_ card: [String: String]) -> String {
        var out = ""
        fill(into: &out, name: HTML.escape(card["name"] ?? ""), url: HTML.escape(card["url"] ?? ""))
        return out
    }

    /// The row appended to `out`, with a name and a URL already escaped.
    package func fill(into out: inout String, name: String, url: String) {
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .name: out += name
            case .url: out += url
            }
        }
    }
}
