import Foundation
@testable import PortalBuild
@testable import PortalLoad
@testable import PortalModel
@testable import PortalResolve
import Testing

/// Whole-site checks on real content: the committed sample and a generated tree with other slugs
/// and texts that the tool has never seen.
@Suite(.serialized) struct SampleSiteTests {
    static func buildAndCheck(content: URL) throws -> (Pipeline.Report, Content, SiteInspector) {
        let output = temporaryFolder("sample-site").appendingPathComponent("Output")
        let report = try Pipeline.build(.init(content: content, contentDisplay: "Content", templates: repositoryRoot.appendingPathComponent("Templates"), templatesDisplay: "Templates", output: output))
        let loaded = try ContentLoader(root: content, displayRoot: "Content").load()
        return (report, loaded, SiteInspector(root: output))
    }

    static func expectCountsMatch(_ report: Pipeline.Report, _ content: Content) {
        let counts = Dictionary(uniqueKeysWithValues: report.pageCounts.map { ($0.kind, $0.count) })
        #expect(counts["Leistungen"] == content.services.count)
        #expect(counts["Anträge"] == content.services.count)
        #expect(counts["Themenfelder"] == content.topics.themenfelder.count)
        #expect(counts["Lebenslagen"] == content.topics.lebenslagen.count)
        #expect(counts["Behörden"] == content.authorities.count)
        #expect(counts["Orte"] == content.regions.count)
        #expect(counts["Seiten"] == content.pages.count)
    }

    @Test func sampleContentBuildsWithEveryLinkResolving() throws {
        let (report, content, site) = try Self.buildAndCheck(content: repositoryRoot.appendingPathComponent("Content"))
        defer { try? FileManager.default.removeItem(at: site.root.deletingLastPathComponent()) }
        #expect(content.services.count == 564)
        #expect(content.regions.filter { $0.level == .gemeinde }.count == 418)
        #expect(content.topics.themenfelder.count == 14 && content.topics.lebenslagen.count == 55)
        Self.expectCountsMatch(report, content)
        #expect(site.htmlFiles.count == report.totalPages)
        let broken = site.brokenLinks()
        #expect(broken.isEmpty, "\(broken.prefix(20).joined(separator: "\n"))")
        // Nothing is loaded from another origin: scripts, styles, images, data and form targets are
        // all relative; absolute URLs appear only as plain outbound links and the canonical link.
        let base = content.site.baseURL
        for file in site.htmlFiles {
            let html = site.read(file)
            for value in SiteInspector.attributeValues("src", in: html) + SiteInspector.attributeValues("action", in: html)
                + SiteInspector.attributeValues("data-places", in: html) + SiteInspector.attributeValues("data-rules", in: html)
                + SiteInspector.attributeValues("data-search-index", in: html) {
                #expect(!value.contains("//") && !value.contains(":"), "\(file): \(value)")
            }
            for tag in html.components(separatedBy: "<link ").dropFirst() {
                let href = SiteInspector.attributeValues("href", in: " " + tag.prefix(while: { $0 != ">" })).first ?? ""
                #expect(!href.contains("//") || href.hasPrefix(base), "\(file): <link href=\"\(href)\">")
            }
        }
        // Place pages by level (contract v2): a Gemeinde page lists what is decided for it and its
        // gaps, and points to the Kreis and Land pages for the rest, which list it once each.
        let leipzig = site.read("orte/14713000/index.html")
        let listed = site.count("data-service=\"", in: leipzig)
        #expect(listed > 0 && listed < 100, "\(listed) rows")
        #expect(leipzig.contains("href=\"../../orte/14713/\"") && leipzig.contains("href=\"../../orte/14/\""))
        #expect(leipzig.contains("Alle anderen Leistungen"))
        // The Land's services go to a dozen federal offices: the line names the three with most
        // services and how many more there are; the Land's page lists them all.
        let landLine = leipzig.components(separatedBy: "<a href=\"../../orte/14/\">Land Sachsen</a>")[1].components(separatedBy: "</li>")[0]
        #expect(site.count("behoerden/", in: landLine) == 3, "\(landLine)")
        #expect(landLine.contains("<a href=\"../../behoerden/landesdirektion-sachsen/\">Landesdirektion Sachsen</a> (72)"), "\(landLine)")
        #expect(landLine.hasSuffix(" und 16 weitere Stellen"), "\(landLine)")
        Self.expectPlacePagesAnswerLikeTheResolver(content, site)
    }

    /// The output contract's responsibility hook (v2), for every service in every Gemeinde: the
    /// first of the pages of the Gemeinde, its Gemeindeverband, Kreis and Land that has an element
    /// with `data-service` gives the answer, which must be the resolver's.
    static func expectPlacePagesAnswerLikeTheResolver(_ content: Content, _ site: SiteInspector) {
        let model = SiteModel(content: content)
        var answersOnPage: [String: [String: String?]] = [:]
        func answers(_ key: String) -> [String: String?] {
            if let known = answersOnPage[key] { return known }
            var found: [String: String?] = [:]
            for row in site.read(Routes.file(of: Routes.place(key))).components(separatedBy: "data-service=\"").dropFirst() {
                let slug = String(row.prefix { $0 != "\"" })
                let item = row.prefix { $0 != "\n" }.components(separatedBy: "</li>")[0]
                let authority = item.components(separatedBy: "/behoerden/").dropFirst().first.map { String($0.prefix { $0 != "/" }) }
                found[slug] = authority
            }
            answersOnPage[key] = found
            return found
        }
        var checked = 0, viaVerband = 0
        for gemeinde in model.directory.gemeinden {
            let verband = model.directory.verbandOf[gemeinde.ags]
            let chain = [gemeinde.ags] + (verband.map { [$0] } ?? []) + [String(gemeinde.ags.prefix(5)), String(gemeinde.ags.prefix(2))]
            for service in content.services {
                let expected = model.index.resolve(service: service.slug, ags: gemeinde.ags, verband: verband)
                let page = chain.first { answers($0)[service.slug] != nil }
                #expect(page != nil, "\(service.slug) in \(gemeinde.ags): on no page")
                #expect(page.flatMap { answers($0)[service.slug] ?? nil } == expected?.authority, "\(service.slug) in \(gemeinde.ags)")
                checked += 1
                if expected?.region.count == 9 { viaVerband += 1 }
            }
        }
        #expect(checked == content.services.count * model.directory.gemeinden.count)
        // Without JavaScript an answer is at most three pages away: where a service's answer
        // differs within a Kreis, its page links to the Kreis page, which links to each Gemeinde,
        // whose page names the service. Where rules below the Kreis all give the same answer (a
        // kreisfreie Stadt with its own rule), the service page names that authority itself.
        var perGemeinde = 0, sharedBelow = 0
        for service in content.services {
            let servicePage = site.read(Routes.file(of: Routes.service(service.slug)))
            for kreis in model.directory.kreise {
                guard case .perGemeinde = model.answer(service: service.slug, kreis: kreis.ags) else { continue }
                let gemeinden = (model.directory.children[kreis.ags] ?? []).filter { $0.level == .gemeinde }
                let answersBelow = Set(gemeinden.map { model.index.resolve(service: service.slug, keys: model.directory.keys(of: $0)) ?? "-" })
                let row = servicePage.components(separatedBy: "data-region=\"\(kreis.ags)\"").dropFirst().first?.components(separatedBy: "</li>").first ?? ""
                if answersBelow.count == 1, let only = answersBelow.first, only != "-" {
                    sharedBelow += 1
                    #expect(row.contains("href=\"../../\(Routes.authority(only))\""), "\(service.slug) in \(kreis.ags): \(row)")
                    continue
                }
                perGemeinde += 1
                #expect(row.contains("href=\"../../\(Routes.place(kreis.ags))\""), "\(service.slug): no link to \(kreis.ags)")
                let kreisPage = site.read(Routes.file(of: Routes.place(kreis.ags)))
                for gemeinde in model.directory.children[kreis.ags] ?? [] where gemeinde.level == .gemeinde {
                    #expect(kreisPage.contains("href=\"../../\(Routes.place(gemeinde.ags))\""))
                    #expect(answers(gemeinde.ags)[service.slug] != nil, "\(service.slug) not on \(gemeinde.ags)")
                }
            }
        }
        #expect(perGemeinde > 0)
        #expect(sharedBelow > 0, "the sample's kreisfreie Städte decide Gemeinde services by their own rule")
        if content.regions.contains(where: { $0.level == .verband }) { #expect(viaVerband > 0) }
    }

    @Test func unseenGeneratedTreeBuildsWithEveryLinkResolving() throws {
        let data = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        try #require(FileManager.default.fileExists(atPath: data.path), "needs ../shared/data beside the repository")
        let content = temporaryFolder("unseen").appendingPathComponent("Content")
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("Tools/sample-content/generate.py").path,
                             "--data", data.path, "--out", content.path, "--variant", "alt"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let (report, loaded, site) = try Self.buildAndCheck(content: content)
        defer { try? FileManager.default.removeItem(at: site.root.deletingLastPathComponent()) }
        #expect(loaded.services.allSatisfy { $0.slug.hasPrefix("leistung-") }, "the alt tree has its own slugs")
        Self.expectCountsMatch(report, loaded)
        let broken = site.brokenLinks()
        #expect(broken.isEmpty, "\(broken.prefix(20).joined(separator: "\n"))")
        Self.expectPlacePagesAnswerLikeTheResolver(loaded, site)
    }
}
