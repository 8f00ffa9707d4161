import PortalModel
import PortalSupport

/// Stage 2: answers "which authority serves this service in this Gemeinde?" by the spec's rule:
/// the most specific rule decides, in the order Gemeinde, Gemeindeverband (v2), Kreis,
/// Regierungsbezirk, Land. That is the longest-prefix rule on the Gemeinde's Amtlicher
/// Regionalschlüssel, where the 8-digit AGS stands for the whole ARS: a Gemeindeverband's 9-digit
/// key is not a prefix of the AGS, so it comes from the Gemeinde's `verband` column.
public struct ResponsibilityIndex: Sendable {
    public struct Answer: Sendable, Equatable {
        public var authority: String
        /// The key of the rule that decided.
        public var region: String
    }

    /// service slug → region key → authority id
    package let rules: [String: [String: String]]
    /// service slug → region key → the service's rules for places strictly inside that region
    /// (e.g. the Gemeinde rules inside a Kreis or a Gemeindeverband), so "is there a deeper
    /// rule?" needs no scan. As positions in `all`: 900,000 of them on a tree with a rule per
    /// Gemeinde for 700 services, a quarter of the memory as region strings.
    private let deeper: [String: [String: [Int32]]]
    private let all: [Responsibility]

    /// AGS lengths of the levels above a Gemeinde; regions.csv allows no others, so with the
    /// Gemeinde's own AGS and its Gemeindeverband these are all the keys a rule can match.
    package static let levels = [5, 3, 2]

    /// `verbandOf`: Gemeinde AGS → its Gemeindeverband's key (`RegionDirectory.verbandOf`).
    public init(_ responsibilities: [Responsibility], verbandOf: [String: String] = [:]) {
        var rules: [String: [String: String]] = [:]
        var deeper: [String: [String: [Int32]]] = [:]
        for (i, r) in responsibilities.enumerated() {
            rules[r.service, default: [:]][r.region] = r.authority
            var containers = Self.levels.filter { $0 < r.region.count }.map { String(r.region.prefix($0)) }
            if let verband = verbandOf[r.region] { containers.append(verband) }
            for container in containers { deeper[r.service, default: [:]][container, default: []].append(Int32(i)) }
        }
        self.rules = rules
        self.deeper = deeper
        all = responsibilities
    }

    /// Regions with rules of `service` strictly inside `region`.
    public func deeperRegions(service: String, inside region: String) -> [String] { (deeper[service]?[region] ?? []).map { all[Int($0)].region } }

    /// The deciding rule for `service` at the place `ags` (of a Gemeinde in the Gemeindeverband
    /// `verband`, if given), or nil for a gap.
    public func resolve(service: String, ags: String, verband: String? = nil) -> Answer? {
        guard let byRegion = rules[service] else { return nil }
        if let authority = byRegion[ags] { return Answer(authority: authority, region: ags) }
        if let verband, let authority = byRegion[verband] { return Answer(authority: authority, region: verband) }
        var length = ags.count - 1
        while length > 0 {
            let prefix = String(ags.prefix(length))
            if let authority = byRegion[prefix] { return Answer(authority: authority, region: prefix) }
            length -= 1
        }
        return nil
    }

    /// The same rule for a place whose keys are given most specific first (see
    /// `RegionDirectory.keys(of:)`); no string is built per lookup, which matters for millions of them.
    public func resolve(service: String, keys: [String]) -> String? {
        guard let byRegion = rules[service] else { return nil }
        for key in keys { if let authority = byRegion[key] { return authority } }
        return nil
    }

    /// The rules of one service, region → authority.
    public func rules(for service: String) -> [String: String] { rules[service] ?? [:] }
}

/// The places as a tree: Länder, their Regierungsbezirke, Kreise, Gemeindeverbände, Gemeinden.
public struct RegionDirectory: Sendable {
    public let all: [Region]
    public let byAGS: [String: Region]
    /// Children of each place, sorted by name: a Land's or Regierungsbezirk's Kreise, a Kreis'
    /// Gemeinden (all of them, members of a Gemeindeverband too: citizens look for their
    /// Gemeinde), a Gemeindeverband's member Gemeinden.
    public let children: [String: [Region]]
    /// Kreis AGS → its Gemeindeverbände, sorted by name.
    public let verbaende: [String: [Region]]
    /// Gemeinde AGS → its Gemeindeverband's key.
    public let verbandOf: [String: String]

    /// The places by level, kept because pages ask for them thousands of times.
    public let gemeinden: [Region], kreise: [Region], laender: [Region]

    public init(_ regions: [Region]) {
        all = regions
        gemeinden = regions.filter { $0.level == .gemeinde }
        kreise = regions.filter { $0.level == .kreis }
        laender = regions.filter { $0.level == .land }
        let byAGS = Dictionary(regions.map { ($0.ags, $0) }, uniquingKeysWith: { a, _ in a })
        self.byAGS = byAGS
        var children: [String: [Region]] = [:], verbaende: [String: [Region]] = [:], verbandOf: [String: String] = [:]
        for region in regions where region.level != .land {
            // The longest shorter AGS that exists is the parent (a Gemeinde without its Kreis hangs
            // off its Regierungsbezirk or Land); a Gemeindeverband hangs off its Kreis, listed apart.
            let parent = [5, 3, 2].lazy.filter { $0 < min(region.ags.count, 8) }.map { String(region.ags.prefix($0)) }
                .first { byAGS[$0] != nil } ?? String(region.ags.prefix(2))
            if region.level == .verband {
                verbaende[parent, default: []].append(region)
                continue
            }
            children[parent, default: []].append(region)
            if let verband = region.verband, byAGS[verband] != nil {
                verbandOf[region.ags] = verband
                children[verband, default: []].append(region)
            }
        }
        self.children = children.mapValues { GermanCollation.sorted($0) { $0.name } }
        self.verbaende = verbaende.mapValues { GermanCollation.sorted($0) { $0.name } }
        self.verbandOf = verbandOf
    }

    /// The keys whose rules can decide for a place, most specific first: its own AGS, its
    /// Gemeindeverband's key, and its prefixes at the Kreis, Regierungsbezirk and Land levels.
    public func keys(of region: Region) -> [String] {
        var keys = [region.ags]
        if let verband = verbandOf[region.ags] { keys.append(verband) }
        keys += ResponsibilityIndex.levels.filter { $0 < region.ags.count }.map { String(region.ags.prefix($0)) }
        return keys
    }

    /// The chain from the Land down to this place's parent (Land, Regierungsbezirk, Kreis,
    /// Gemeindeverband), as far as they are in regions.csv.
    public func ancestors(of region: Region) -> [Region] {
        var chain: [Region] = []
        for length in [2, 3, 5] where length < min(region.ags.count, 8) {
            if let r = byAGS[String(region.ags.prefix(length))] { chain.append(r) }
        }
        if let verband = verbandOf[region.ags], let r = byAGS[verband] { chain.append(r) }
        return chain
    }

    /// The Kreise of a Land, through its Regierungsbezirke where it has them, in name order.
    public func kreise(in land: Region) -> [Region] {
        (children[land.ags] ?? []).flatMap { $0.level == .regierungsbezirk ? children[$0.ags] ?? [] : [$0] }
    }

    /// "Leipzig (Landkreis Leipzig)" style label that tells same-named places apart.
    public func label(_ region: Region) -> String {
        guard region.level == .gemeinde, let kreis = byAGS[String(region.ags.prefix(5))], kreis.name != region.name else { return region.name }
        return "\(region.name) (\(kreis.name))"
    }
}

/// Service × Gemeinde pairs without a rule, per service, largest first.
public struct GapReport: Sendable {
    public struct Entry: Sendable {
        public var service: String
        public var gemeinden: Int

        package init(service: String, gemeinden: Int) {
            self.service = service
            self.gemeinden = gemeinden
        }
    }

    public var entries: [Entry]
    public var totalPairs: Int { entries.reduce(0) { $0 + $1.gemeinden } }

    /// A report kept from an earlier build.
    package init(entries: [Entry]) {
        self.entries = entries
    }

    public init(services: [Service], directory: RegionDirectory, index: ResponsibilityIndex) {
        let gemeinden = directory.gemeinden.map { directory.keys(of: $0) }
        // Services × Gemeinden lookups (836,000 at 2,000 services): both cores.
        let entries = ParallelMap.map(services.map(\.slug)) { slug -> Entry? in
            let missing = gemeinden.reduce(0) { $0 + (index.resolve(service: slug, keys: $1) == nil ? 1 : 0) }
            return missing > 0 ? Entry(service: slug, gemeinden: missing) : nil
        }.compactMap { $0 }
        self.entries = entries.sorted { ($0.gemeinden, $1.service) > ($1.gemeinden, $0.service) }
    }

    /// The same report from answers already resolved (`GemeindeAnswers`).
    package init(services: [Service], answers: GemeindeAnswers) {
        var missing = [Int](repeating: 0, count: services.count)
        for vector in answers.byGemeinde.values {
            for (service, answer) in vector.enumerated() where answer == GemeindeAnswers.gap { missing[service] += 1 }
        }
        entries = zip(services, missing).compactMap { $1 > 0 ? Entry(service: $0.slug, gemeinden: $1) : nil }
            .sorted { ($0.gemeinden, $1.service) > ($1.gemeinden, $0.service) }
    }
}
