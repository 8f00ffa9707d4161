import Foundation
import PortalModel

/// Stage 2's result: the content plus every cross index the pages need, computed once.
public struct SiteModel: Sendable {
    public let content: Content
    public let index: ResponsibilityIndex
    public let directory: RegionDirectory
    package let themenfeldBySlug: [String: Topic]
    package let lebenslageBySlug: [String: Topic]
    /// Indexes into `content.services`, in A–Z order.
    package let servicesByThemenfeld: [String: [Int]]
    package let servicesByLebenslage: [String: [Int]]
    /// Lebenslagen that services of a Themenfeld belong to.
    package let lebenslagenByThemenfeld: [String: [String]]
    /// authority id → its rules as positions in `content.responsibilities`, sorted by service
    /// title then region (positions, not a second copy of 300,000 rules).
    private let rulesByAuthority: [String: [Int32]]
    package let serviceBySlug: [String: Int]
    /// The Land the portal serves, if `state` is set.
    package let stateRegion: Region?

    public init(content: Content) {
        self.content = content
        let directory = RegionDirectory(content.regions)
        index = ResponsibilityIndex(content.responsibilities, verbandOf: directory.verbandOf)
        self.directory = directory
        themenfeldBySlug = Dictionary(content.topics.themenfelder.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        lebenslageBySlug = Dictionary(content.topics.lebenslagen.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        var byTopic: [String: [Int]] = [:], byLage: [String: [Int]] = [:], lagen: [String: [String]] = [:]
        var bySlug: [String: Int] = [:]
        for (i, s) in content.services.enumerated() {
            byTopic[s.topic, default: []].append(i)
            for l in s.lebenslagen {
                byLage[l, default: []].append(i)
                if !(lagen[s.topic]?.contains(l) ?? false) { lagen[s.topic, default: []].append(l) }
            }
            bySlug[s.slug] = i
        }
        servicesByThemenfeld = byTopic
        servicesByLebenslage = byLage
        lebenslagenByThemenfeld = lagen
        serviceBySlug = bySlug
        var byAuthority: [String: [Int32]] = [:]
        let all = content.responsibilities
        for (i, rule) in all.enumerated() { byAuthority[rule.authority, default: []].append(Int32(i)) }
        rulesByAuthority = byAuthority.mapValues { rules in
            rules.sorted { a, b in
                let (x, y) = (all[Int(a)], all[Int(b)])
                return ((bySlug[x.service] ?? 0), x.region) < ((bySlug[y.service] ?? 0), y.region)
            }
        }
        stateRegion = content.site.state.flatMap { directory.byAGS[$0] }
    }

    /// An authority's rules, sorted by service title then region.
    package func rules(ofAuthority id: String) -> [Responsibility] {
        (rulesByAuthority[id] ?? []).map { content.responsibilities[Int($0)] }
    }

    /// How a service's responsibility looks for one Kreis: one authority (or a gap) for all of it,
    /// or different answers per Gemeinde.
    package enum KreisAnswer {
        case whole(ResponsibilityIndex.Answer?)
        case perGemeinde
    }

    package func answer(service: String, kreis: String) -> KreisAnswer {
        index.deeperRegions(service: service, inside: kreis).isEmpty ? .whole(index.resolve(service: service, ags: kreis)) : .perGemeinde
    }

    /// The one authority that serves a service everywhere in the portal, if there is exactly one.
    package func uniformAuthority(service: String) -> String? {
        let rules = index.rules(for: service)
        guard rules.count == 1, let (region, authority) = rules.first, region.count == 2,
              directory.laender.count == 1, directory.laender[0].ags == region else { return nil }
        return authority
    }
}
