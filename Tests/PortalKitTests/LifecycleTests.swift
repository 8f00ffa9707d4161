import Foundation
@testable import PortalBuild
@testable import PortalModel
import Testing

/// Content with a life cycle: dated services, fees and free pages; a build for a day shows what
/// applies on it; `next-change` names the next such day; `check --stale` lists overdue reviews.
@Suite struct LifecycleTests {
    static let ausweis = "services/personalausweis-beantragen.md"
    static let elterngeld = "services/elterngeld-beantragen.md"

    /// The fee rises on 1 January 2027; Elterngeld ends on 31 December 2026; the Impressum
    /// starts on 1 January 2027.
    static var dated: [String: String?] {
        let ausweis = Fixture.files[ausweis]!.replacingOccurrences(of: "fees: \"37,00 Euro\"\n", with: """
            fees:
              - {text: "37,00 Euro", valid_until: 2026-12-31}
              - {text: "46,00 Euro", valid_from: 2027-01-01}
            reviewed: 2026-03-01

            """)
        let elterngeld = Fixture.files[elterngeld]!.replacingOccurrences(of: "topic: familie-und-kind\n", with: "topic: familie-und-kind\nvalid_until: 2026-12-31\n")
        let impressum = Fixture.files["pages/impressum.md"]!.replacingOccurrences(of: "title: Impressum\n", with: "title: Impressum\nvalid_from: 2027-01-01\n")
        return [Self.ausweis: ausweis, Self.elterngeld: elterngeld, "pages/impressum.md": impressum]
    }

    func build(_ content: URL, _ output: URL, on date: String, clean: Bool = false) throws -> Pipeline.Report {
        var options = Pipeline.Options(content: content, contentDisplay: "Content", templates: nil, templatesDisplay: nil, output: output, incremental: !clean)
        options.date = date
        options.precompress = false
        return try Pipeline.build(options)
    }

    @Test func aBuildShowsWhatAppliesOnItsDay() throws {
        let fixture = try Fixture(Self.dated)
        defer { fixture.remove() }
        let dir = temporaryFolder("lifecycle")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = SiteInspector(root: dir.appendingPathComponent("before"))
        let after = SiteInspector(root: dir.appendingPathComponent("after"))
        _ = try build(fixture.root, before.root, on: "2026-12-31", clean: true)
        _ = try build(fixture.root, after.root, on: "2027-01-01", clean: true)

        let ausweisBefore = before.read("leistungen/personalausweis-beantragen/index.html")
        #expect(ausweisBefore.contains("<dt>Kosten</dt><dd>37,00 Euro</dd>"))
        #expect(ausweisBefore.contains("<dt>Kosten ab 1. Januar 2027</dt><dd>46,00 Euro</dd>"))
        let ausweisAfter = after.read("leistungen/personalausweis-beantragen/index.html")
        #expect(ausweisAfter.contains("<dt>Kosten</dt><dd>46,00 Euro (gilt seit 1. Januar 2027)</dd>"))
        #expect(!ausweisAfter.contains("37,00 Euro</dd>"))

        #expect(before.exists("leistungen/elterngeld-beantragen/index.html") && !after.exists("leistungen/elterngeld-beantragen"))
        #expect(before.read("leistungen/elterngeld-beantragen/index.html").contains("Gilt bis 31. Dezember 2026."))
        #expect(before.read("leistungen/index.html").contains("Elterngeld beantragen") && !after.read("leistungen/index.html").contains("Elterngeld beantragen"))
        #expect(!after.read("sitemap.xml").contains("leistungen/elterngeld-beantragen"))
        #expect(!before.exists("impressum") && after.exists("impressum/index.html"))
    }

    /// The Personalausweis links to Elterngeld, which ends on 31 December: valid content, but on
    /// 1 January a dead link for citizens, which the build says.
    @Test func aLinkToWhatDoesNotApplyOnTheDayIsAWarning() throws {
        let fixture = try Fixture(Self.dated)
        defer { fixture.remove() }
        let dir = temporaryFolder("lifecycle-links")
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try build(fixture.root, dir.appendingPathComponent("before"), on: "2026-12-31", clean: true)
        let after = try build(fixture.root, dir.appendingPathComponent("after"), on: "2027-01-01", clean: true)
        func away(_ report: Pipeline.Report) -> [String] {
            report.warnings.filter { $0.message.contains("führt am") }.map(\.description)
        }
        #expect(away(before).isEmpty)
        #expect(away(after) == ["Content/services/personalausweis-beantragen.md:27:12: warning: Link auf „/leistungen/elterngeld-beantragen/“ führt am 2027-01-01 ins Leere: die Seite gilt an diesem Tag nicht (valid_from, valid_until)"],
                "\(away(after))")
    }

    @Test func nextChangeNamesTheNextDay() throws {
        let fixture = try Fixture(Self.dated)
        defer { fixture.remove() }
        let content = try fixture.load()
        #expect(content.nextChange(after: "2026-06-01") == "2027-01-01")
        #expect(content.nextChange(after: "2026-12-31") == "2027-01-01")
        #expect(content.nextChange(after: "2027-01-01") == nil)
        // Through the real binary, as a scheduled job calls it.
        let dir = temporaryFolder("next-change")
        defer { try? FileManager.default.removeItem(at: dir) }
        try copyFolder(fixture.root, to: dir.appendingPathComponent("Content"))
        let result = try PortalProcess.run(["next-change", "--date", "2026-12-31"], in: dir)
        #expect(result.status == 0 && result.stdout == "2027-01-01\n", "\(result.status) \(result.stdout) \(result.stderr)")
        let none = try PortalProcess.run(["next-change", "--date", "2027-01-01"], in: dir)
        #expect(none.status == 0 && none.stdout.isEmpty)
    }

    /// A build on the next day over the last one: the same as a clean build on that day, and
    /// only the files whose content changed are written (Elterngeld's pages go, the A–Z, places
    /// and search change; an authority page that shows neither stays). Without the dated
    /// Impressum here: a free page is in every page's footer, so it changes every page.
    @Test func theIncrementalBuildFollowsTheDate() throws {
        var dated = Self.dated
        dated["pages/impressum.md"] = nil
        let fixture = try Fixture(dated)
        defer { fixture.remove() }
        let dir = temporaryFolder("lifecycle-incremental")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("Output")
        _ = try build(fixture.root, output, on: "2026-12-30")
        // Within the same dated state: a body edit is still the quick scope.
        let ausweis = fixture.root.appendingPathComponent(Self.ausweis)
        try Data((try String(contentsOf: ausweis, encoding: .utf8) + "\nNeuer Satz.\n").utf8).write(to: ausweis)
        #expect(try build(fixture.root, output, on: "2026-12-31").onlyBodiesRebuilt)
        // Across the change: a body edit cannot be the quick scope any more.
        try Data((try String(contentsOf: ausweis, encoding: .utf8) + "\nNoch ein Satz.\n").utf8).write(to: ausweis)
        let inodesBefore = IncrementalBuildTests().inodes(output)
        let report = try build(fixture.root, output, on: "2027-01-01")
        #expect(!report.onlyBodiesRebuilt)
        let clean = dir.appendingPathComponent("clean")
        _ = try build(fixture.root, clean, on: "2027-01-01", clean: true)
        #expect(folderFingerprint(output) == folderFingerprint(clean))
        let inodesAfter = IncrementalBuildTests().inodes(output)
        let rewritten = Set(inodesAfter.keys.filter { inodesBefore[$0] != inodesAfter[$0] })
        #expect(rewritten.contains("leistungen/personalausweis-beantragen/index.html") && rewritten.contains("leistungen/index.html"))
        #expect(!inodesAfter.keys.contains { $0.hasPrefix("leistungen/elterngeld-beantragen/") })
        let untouched = inodesAfter.keys.filter { $0.hasPrefix("behoerden/") && $0.hasSuffix("index.html") && !rewritten.contains($0) }
        #expect(!untouched.isEmpty, "some authority page is not about either service: \(rewritten.sorted())")
        #expect(report.filesWritten == rewritten.count, "\(report.filesWritten) written, \(rewritten.count) rewritten")
    }

    @Test func staleListsOverdueReviewsOldestFirst() throws {
        let fixture = try Fixture(Self.dated)
        defer { fixture.remove() }
        let content = try fixture.load()
        let stale = content.stale(on: "2027-03-15", intervalDays: 365)
        // Never reviewed first (no reviewed, no updated), then the oldest date.
        #expect(stale.first?.reviewed == nil)
        #expect(stale.contains { $0.path.hasSuffix(Self.ausweis) && $0.reviewed == "2026-03-01" && $0.line == 12 })
        #expect(zip(stale, stale.dropFirst()).allSatisfy { ($0.reviewed ?? "") <= ($1.reviewed ?? "") })
        #expect(!content.stale(on: "2027-02-28", intervalDays: 365).contains { $0.path.hasSuffix(Self.ausweis) })
        let dir = temporaryFolder("stale")
        defer { try? FileManager.default.removeItem(at: dir) }
        try copyFolder(fixture.root, to: dir.appendingPathComponent("Content"))
        let result = try PortalProcess.run(["check", "--stale", "--date", "2027-03-15"], in: dir)
        #expect(result.status == 0)
        #expect(result.stderr.contains("Content/services/personalausweis-beantragen.md:12:1: warning: zuletzt geprüft am 2026-03-01"), "\(result.stderr)")
        let json = try PortalProcess.run(["check", "--stale", "--date", "2027-03-15", "--format", "json"], in: dir)
        #expect(json.stdout.contains("\"severity\":\"warning\"") && json.stdout.contains("personalausweis-beantragen.md"), "\(json.stdout)")
    }

    @Test func datesAreChecked() throws {
        try ValidationTests.expectError(ValidationTests.service(replacing: "updated: 2026-10-01", with: "valid_from: 2026-13-01"),
                                        "Content/services/personalausweis-beantragen.md:10:13: error: „valid_from“ muss ein Datum der Form JJJJ-MM-TT sein, nicht „2026-13-01“")
        try ValidationTests.expectError(ValidationTests.service(replacing: "updated: 2026-10-01", with: "valid_from: 2027-01-01\nvalid_until: 2026-12-31"),
                                        "Content/services/personalausweis-beantragen.md:11:14: error: „valid_until“ (2026-12-31) liegt vor „valid_from“ (2027-01-01): so gälte der Text an keinem Tag")
        try ValidationTests.expectError(ValidationTests.service(replacing: "fees: \"37,00 Euro\"", with: "fees:\n  - {text: 37 Euro}\n  - {text: 46 Euro, valid_from: 2027-01-01}"),
                                        "Content/services/personalausweis-beantragen.md:11:5: error: diese Fassung von „fees“ gilt an manchen Tagen zugleich mit „37 Euro“; jede Fassung braucht eigene Tage (valid_from, valid_until)")
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]! + "review_interval_days: ein Jahr\n"],
                                        "Content/site.yml:7:23: error: „review_interval_days“ muss eine Zahl von Tagen zwischen 1 und 3650 sein, nicht „ein Jahr“")
    }
}
