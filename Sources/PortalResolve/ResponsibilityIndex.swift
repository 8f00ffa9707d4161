import PortalModel
import PortalSupport

/// Stage 2: answers "which authority serves this service in this Gemeinde?" by the spec's rule:
/// the rule with the longest region that is a prefix of the Gemeinde's AGS decides.
public struct ResponsibilityIndex: Sendable {
    public struct Answer: Sendable, Equatable {
        public var authority: String
        /// The AGS of the rule that decided.
        public var region: String
    }

    /// service slug → region AGS → authority id
    package let rules: [String: [String: String]]
    /// service slug → region AGS → the service's rules for places strictly inside that region
    /// (e.g. the Gemeinde rules inside a Kreis), so "is there a deeper rule?" needs no scan.
    package let deeper: [String: [String: [String]]]

    /// AGS lengths of the levels; regions.csv allows no others, so these are all the prefixes
    /// the longest-prefix rule can ever match.
    package static let levels = [8, 5, 2]

    public init(_ responsibilities: [Responsibility]) {
        var rules: [String: [String: String]] = [:]
        var deeper: [String: [String: [String]]] = [:]
        for r in responsibilities {
            rules[r.service, default: [:]][r.region] = r.authority
            for length in Self.levels where length < r.region.count {
                deeper[r.service, default: [:]][String(r.region.prefix(length)), default: []].append(r.region)
            }
        }
        self.rules = rules
        self.deeper = deeper
    }

    /// Regions with rules of `service` strictly inside `region`.
    public func deeperRegions(service: String, inside region: String) -> [String] { deeper[service]?[region] ?? [] }

    /// The deciding rule for `service` at `ags`, or nil for a gap.
    public func resolve(service: String, ags: String) -> Answer? {
        guard let byRegion = rules[service] else { return nil }
        var length = ags.count
        while length > 0 {
            let prefix = String(ags.prefix(length))
            if let authority = byRegion[prefix] { return Answer(authority: authority, region: prefix) }
            length -= 1
        }
        return nil
    }

    /// The same rule for a place whose prefixes at the AGS levels are given longest first (see
    /// `RegionDirectory.prefixes`); no string is built per lookup, which matters for millions of them.
    public func resolve(service: String, prefixes: [String]) -> String? {
        guard let byRegion = rules[service] else { return nil }
        for prefix in prefixes { if let authority = byRegion[prefix] { return authority } }
        return nil
    }

    /// The rules of one service, region → authority.
    public func rules(for service: String) -> [String: String] { rules[service] ?? [:] }
}

/// The places as a tree: Länder, their Kreise, their Gemeinden.
public struct RegionDirectory: Sendable {
    public let all: [Region]
    public let byAGS: [String: Region]
    /// Children of each place, sorted by name.
    public let children: [String: [Region]]

    /// The places by level, kept because pages ask for them thousands of times.
    public let gemeinden: [Region], kreise: [Region], laender: [Region]

    public init(_ regions: [Region]) {
        all = regions
        gemeinden = regions.filter { $0.level == .gemeinde }
        kreise = regions.filter { $0.level == .kreis }
        laender = regions.filter { $0.level == .land }
        byAGS = Dictionary(regions.map { ($0.ags, $0) }, uniquingKeysWith: { a, _ in a })
        var children: [String: [Region]] = [:]
        for region in regions where region.level != .land {
            // The longest shorter AGS that exists is the parent (a Gemeinde without its Kreis hangs off the Land).
            let kreis = String(region.ags.prefix(5))
            let parent = region.level == .gemeinde && byAGS[kreis] != nil ? kreis : String(region.ags.prefix(2))
            children[parent, default: []].append(region)
        }
        self.children = children.mapValues { GermanCollation.sorted($0) { $0.name } }
    }


    /// A place's own AGS and its prefixes at the Kreis and Land levels, longest first.
    public static func prefixes(of ags: String) -> [String] {
        ResponsibilityIndex.levels.filter { $0 <= ags.count }.map { String(ags.prefix($0)) }
    }

    /// The chain from the Land down to this place (Land, Kreis, Gemeinde).
    public func ancestors(of region: Region) -> [Region] {
        var chain: [Region] = []
        for length in [2, 5] where length < region.ags.count {
            if let r = byAGS[String(region.ags.prefix(length))] { chain.append(r) }
        }
        return chain
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
        let gemeinden = directory.gemeinden.map { RegionDirectory.prefixes(of: $0.ags) }
        // Services × Gemeinden lookups (836,000 at 2,000 services): both cores.
        let entries = ParallelMap.map(services.map(\.slug)) { slug -> Entry? in
            let missing = gemeinden.reduce(0) { $0 + (index.resolve(service: slug, prefixes: $1) == nil ? 1 : 0) }
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
