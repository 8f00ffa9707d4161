import Foundation
@testable import PortalModel
@testable import PortalResolve
import Testing

@Suite struct ResolverTests {
    static let index = ResponsibilityIndex([
        Responsibility(service: "s", region: "14", authority: "land", line: 2),
        Responsibility(service: "s", region: "14625", authority: "kreis", line: 3),
        Responsibility(service: "s", region: "14625020", authority: "stadt", line: 4),
        Responsibility(service: "t", region: "14612", authority: "dresden", line: 5),
    ])

    @Test func gemeindeRuleBeatsKreisAndLand() {
        #expect(Self.index.resolve(service: "s", ags: "14625020") == .init(authority: "stadt", region: "14625020"))
    }

    @Test func kreisRuleBeatsLand() {
        #expect(Self.index.resolve(service: "s", ags: "14625030") == .init(authority: "kreis", region: "14625"))
    }

    @Test func landRuleIsTheFallback() {
        #expect(Self.index.resolve(service: "s", ags: "14612000") == .init(authority: "land", region: "14"))
    }

    @Test func noRuleIsAGap() {
        #expect(Self.index.resolve(service: "t", ags: "14625020") == nil)
        #expect(Self.index.resolve(service: "unknown", ags: "14625020") == nil)
        #expect(Self.index.resolve(service: "t", ags: "14612000") == .init(authority: "dresden", region: "14612"))
    }

    @Test func gapReportCountsGemeindenLargestFirst() throws {
        let fixture = try Fixture(["responsibilities.csv": "service,region,authority\npersonalausweis-beantragen,14612000,buergeramt-dresden\n"])
        defer { fixture.remove() }
        let content = try fixture.load()
        let model = SiteModel(content: content)
        let gaps = GapReport(services: content.services, directory: model.directory, index: model.index)
        #expect(gaps.entries.map(\.service) == ["elterngeld-beantragen", "personalausweis-beantragen"])
        #expect(gaps.entries.map(\.gemeinden) == [4, 3])
        #expect(gaps.totalPairs == 7)
        // The build counts the same gaps from the resolved answers of the Gemeinde pages.
        let fromAnswers = GapReport(services: content.services, answers: GemeindeAnswers(model: model))
        #expect(fromAnswers.entries.map(\.service) == gaps.entries.map(\.service))
        #expect(fromAnswers.entries.map(\.gemeinden) == gaps.entries.map(\.gemeinden))
    }

    @Test func kreisAnswerIsPerGemeindeOnlyWhereADeeperRuleExists() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let model = SiteModel(content: try fixture.load())
        guard case .whole(let answer) = model.answer(service: "personalausweis-beantragen", kreis: "14625") else {
            Issue.record("expected one answer for the whole Kreis")
            return
        }
        #expect(answer?.authority == "landratsamt-bautzen")
        guard case .perGemeinde = model.answer(service: "personalausweis-beantragen", kreis: "14612") else {
            Issue.record("Dresden has a Gemeinde rule, so the answer is per Gemeinde")
            return
        }
        #expect(model.uniformAuthority(service: "elterngeld-beantragen") == "elterngeldstelle-sachsen")
        #expect(model.uniformAuthority(service: "personalausweis-beantragen") == nil)
    }
}

/// The vectors that `node --test` also runs against the browser's resolver (Templates/assets/finder.js).
@Suite struct SharedResolverVectors {
    struct Vectors: Decodable {
        struct Case: Decodable {
            var service: String
            var ags: String
            var expected: String?
            var region: String?
            var verband: String?
        }
        var rules: [String: [String: String]]
        var cases: [Case]
    }

    @Test func swiftResolverMatchesTheSharedVectors() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/vectors/responsibility.json"))
        let vectors = try JSONDecoder().decode(Vectors.self, from: data)
        let index = ResponsibilityIndex(vectors.rules.flatMap { service, rules in
            rules.map { Responsibility(service: service, region: $0.key, authority: $0.value, line: 0) }
        })
        #expect(vectors.cases.count >= 10)
        for c in vectors.cases {
            let answer = index.resolve(service: c.service, ags: c.ags, verband: c.verband)
            #expect(answer?.authority == c.expected, "\(c.service) \(c.ags)")
            #expect(answer?.region == c.region, "\(c.service) \(c.ags)")
            // The pages' path: the Gemeinde's keys from the directory, as GemeindeAnswers uses them.
            // It knows only the keys regions.csv allows (the vectors' rule "1" is not one).
            if let region = c.region, ![2, 3, 5, 8, 9].contains(region.count) { continue }
            let gemeinde = Region(ags: c.ags, name: "G", postalCodes: [], verband: c.verband, line: 0)
            let verband = c.verband.map { [Region(ags: $0, name: "V", postalCodes: [], line: 0)] } ?? []
            let directory = RegionDirectory([gemeinde] + verband)
            #expect(index.resolve(service: c.service, keys: directory.keys(of: gemeinde)) == c.expected, "\(c.service) \(c.ags) keys")
        }
    }
}
