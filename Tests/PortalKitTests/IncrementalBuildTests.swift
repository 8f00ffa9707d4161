import Foundation
@testable import PortalBuild
@testable import PortalModel
@testable import PortalSupport
import Testing

/// Incremental builds must produce exactly what a clean build produces, byte for byte, after any
/// series of changes, and must not render again what did not change.
@Suite struct IncrementalBuildTests {
    /// Builds `content` into `output`; incremental unless `clean`.
    @discardableResult
    func build(_ content: URL, into output: URL, templates: URL? = nil, clean: Bool = false, memo: ParseMemo? = nil) throws -> Pipeline.Report {
        var options = Pipeline.Options(content: content, contentDisplay: "Content", templates: templates, templatesDisplay: templates.map { _ in "Templates" },
                                          output: output, incremental: !clean)
        options.memo = memo
        return try Pipeline.build(options)
    }

    /// The incremental build of `output` equals a clean build of the same content, file for file.
    func expectSameAsClean(_ content: URL, _ output: URL, templates: URL? = nil, _ step: String,
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = output.deletingLastPathComponent().appendingPathComponent("clean-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: clean)
            try? FileManager.default.removeItem(at: BuildCache(output: clean).folder)
        }
        try build(content, into: clean, templates: templates, clean: true)
        let incremental = folderFingerprint(output), expected = folderFingerprint(clean)
        let differing = Set(incremental.keys).union(expected.keys).filter { incremental[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): incremental and clean build differ in \(differing.prefix(10))", sourceLocation: sourceLocation)
        #expect(!incremental.isEmpty, sourceLocation: sourceLocation)
    }

    func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Inode of every file below a folder: a file rewritten or new has a different one.
    /// The rewritten files without their compressed forms, after checking that every rewritten
    /// text file above 1 KB got both new forms and that no form was rewritten without its original.
    func originals(of rewritten: [String], in output: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let forms = Set(rewritten.filter { $0.hasSuffix(".br") || $0.hasSuffix(".gz") })
        let originals = rewritten.filter { !forms.contains($0) }
        for path in originals {
            let size = (try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)[.size] as? Int) ?? 0
            if Precompression.wants(path, size: size) {
                #expect(forms.contains(path + ".br") && forms.contains(path + ".gz"), "\(path) without new compressed forms", sourceLocation: sourceLocation)
            }
        }
        for form in forms {
            #expect(originals.contains(String(form.dropLast(3))), "\(form) rewritten without its original", sourceLocation: sourceLocation)
        }
        return originals
    }

    func inodes(_ root: URL) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for path in folderFingerprint(root).keys { result[path] = inode(root.appendingPathComponent(path)) }
        return result
    }

    /// Both ways a build takes parses over: the memo `portal serve` keeps in memory between builds,
    /// and (without one) the `parse.bin` a `portal build` leaves for the next.
    @Test(arguments: [false, true]) func seriesOfEditsMatchesCleanBuilds(keepingParses: Bool) throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("incremental")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = fixture.root, output = dir.appendingPathComponent("Output")
        let memo = keepingParses ? ParseMemo() : nil
        @discardableResult func build(_ content: URL, into output: URL, templates: URL? = nil) throws -> Pipeline.Report {
            try self.build(content, into: output, templates: templates, memo: memo)
        }

        let first = try build(content, into: output)
        #expect(first.filesReused == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".portal-cache/Output/manifest.bin").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(".portal-cache").path), "the cache is never published")

        // Nothing changed: nothing is written.
        let same = try build(content, into: output)
        #expect(same.filesWritten == 0 && same.filesReused == first.filesWritten, "\(same.filesWritten) written")

        // 1. A service's body: its page and the search index change, nothing else is rendered.
        let inodesBefore = inodes(output)
        let body = content.appendingPathComponent("services/personalausweis-beantragen.md")
        try Data((try String(contentsOf: body, encoding: .utf8) + "\nNeu: Sie können den Termin online buchen.\n").utf8).write(to: body)
        let edited = try build(content, into: output)
        #expect(edited.filesReused > 0)
        #expect(try String(contentsOf: output.appendingPathComponent("leistungen/personalausweis-beantragen/index.html"), encoding: .utf8)
            .contains("Termin online buchen"))
        let inodesAfter = inodes(output)
        let rewrittenWithForms = inodesAfter.keys.filter { inodesBefore[$0] != inodesAfter[$0] }.sorted()
        let rewritten = originals(of: rewrittenWithForms, in: output)
        let expected = rewritten.filter { $0 == "leistungen/personalausweis-beantragen/index.html" || $0 == "suche/index.html" || $0.hasPrefix("data/suche") }
        #expect(rewritten == expected, "only the service page and the search index may be rewritten: \(rewritten)")
        #expect(rewritten.contains("leistungen/personalausweis-beantragen/index.html"))
        #expect(edited.filesWritten == rewrittenWithForms.count)
        try expectSameAsClean(content, output, "body edit")

        // 2. A new service with a rule: lists, places and the finder data change.
        try fixture.write("services/kitaplatz-beantragen.md", Data("""
            ---
            title: Kitaplatz beantragen
            summary: Einen Platz in einer Kindertageseinrichtung beantragen.
            topic: familie-und-kind
            lebenslagen: [geburt]
            ---
            Beantragen Sie den Platz rechtzeitig.

            """.utf8))
        let rules = content.appendingPathComponent("responsibilities.csv")
        try Data((try String(contentsOf: rules, encoding: .utf8) + "kitaplatz-beantragen,14612000,buergeramt-dresden\n").utf8).write(to: rules)
        try build(content, into: output)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("leistungen/kitaplatz-beantragen/index.html").path))
        try expectSameAsClean(content, output, "addition")

        // 3. A rename: the old page disappears, the new one appears.
        try FileManager.default.moveItem(at: content.appendingPathComponent("services/kitaplatz-beantragen.md"),
                                         to: content.appendingPathComponent("services/kita-platz-beantragen.md"))
        try Data((try String(contentsOf: rules, encoding: .utf8).replacingOccurrences(of: "kitaplatz-beantragen", with: "kita-platz-beantragen")).utf8).write(to: rules)
        try build(content, into: output)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("leistungen/kitaplatz-beantragen").path))
        try expectSameAsClean(content, output, "rename")

        // 4. A deletion, with the link to it removed.
        try FileManager.default.removeItem(at: content.appendingPathComponent("services/kita-platz-beantragen.md"))
        try Data((try String(contentsOf: rules, encoding: .utf8).replacingOccurrences(of: "kita-platz-beantragen,14612000,buergeramt-dresden\n", with: "")).utf8).write(to: rules)
        try build(content, into: output)
        try expectSameAsClean(content, output, "deletion")

        // 5. An authority's name: its page, the service pages and the Gemeinde rows that show it.
        let authority = content.appendingPathComponent("authorities/buergeramt-dresden.yml")
        try Data((try String(contentsOf: authority, encoding: .utf8).replacingOccurrences(of: "name: Bürgeramt Dresden", with: "name: Bürgerbüro Dresden-Altstadt")).utf8).write(to: authority)
        try build(content, into: output)
        #expect(try String(contentsOf: output.appendingPathComponent("orte/14612000/index.html"), encoding: .utf8).contains("Bürgerbüro Dresden-Altstadt"))
        try expectSameAsClean(content, output, "authority")

        // 6. A place's postal codes and a free page.
        let regions = content.appendingPathComponent("regions.csv")
        try Data((try String(contentsOf: regions, encoding: .utf8).replacingOccurrences(of: "Kamenz,01917", with: "Kamenz,\"01917 01920\"")).utf8).write(to: regions)
        try fixture.write("pages/impressum.md", Data("---\ntitle: Impressum\n---\nBetreiber: das Land.\n".utf8))
        try build(content, into: output)
        try expectSameAsClean(content, output, "places and pages")

        // 7. Each remaining kind of single-file edit on its own: a service's front matter, one
        // responsibilities.csv row moved to another authority, topics.yml, a free page's body.
        let edits: [(String, String, String)] = [
            ("services/elterngeld-beantragen.md", "summary: Geld für Eltern nach der Geburt.", "summary: Geld für Mütter und Väter nach der Geburt."),
            ("responsibilities.csv", "personalausweis-beantragen,14625,landratsamt-bautzen", "personalausweis-beantragen,14625,elterngeldstelle-sachsen"),
            ("topics.yml", "{slug: umzug, title: Umzug}", "{slug: umzug, title: Umzug und Wohnungswechsel}"),
            ("pages/impressum.md", "Betreiber: das Land.", "Betreiber: das Land Sachsen."),
        ]
        for (path, old, new) in edits {
            let url = content.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(old), "\(path): the fixture must contain what the edit replaces")
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
            try build(content, into: output)
            try expectSameAsClean(content, output, "edit of \(path)")
        }

        // 8. A template: the pages that use it are rendered again, the others are taken over.
        let templates = dir.appendingPathComponent("Templates")
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("layouts"), withIntermediateDirectories: true)
        try build(content, into: output, templates: templates)
        let before = try build(content, into: output, templates: templates)
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/layouts/authority.mustache"), encoding: .utf8)
        try Data(source.replacingOccurrences(of: "</h1>", with: "</h1><p class=\"neu\">Neu gestaltet</p>").utf8)
            .write(to: templates.appendingPathComponent("layouts/authority.mustache"))
        let themed = try build(content, into: output, templates: templates)
        // Each with its .br and .gz.
        #expect(themed.filesWritten == 3 * 3, "three authority pages use authority.mustache; \(themed.filesWritten) files were written")
        #expect(themed.filesReused == before.filesReused + before.filesWritten - 3 * 3)
        try expectSameAsClean(content, output, templates: templates, "template")
    }

    @Test func missingOrChangedOutputFilesAreWrittenAgain() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("incremental-damage")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("Output")
        try build(fixture.root, into: output)
        // Someone deleted a page and truncated another in the published folder.
        try FileManager.default.removeItem(at: output.appendingPathComponent("behoerden/landratsamt-bautzen/index.html"))
        try Data("kaputt".utf8).write(to: output.appendingPathComponent("leistungen/index.html"))
        let repaired = try build(fixture.root, into: output)
        #expect(repaired.filesWritten == 2)
        try expectSameAsClean(fixture.root, output, "repair")
    }

    @Test func interruptedSwapLeavesNoManifest() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("incremental-manifest")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("Output")
        try build(fixture.root, into: output)
        let cache = BuildCache(output: output)
        #expect(cache.load() != nil)
        // Without a manifest (as after an interruption between swap and save) the build is clean.
        cache.invalidate()
        let rebuilt = try build(fixture.root, into: output)
        #expect(rebuilt.filesReused == 0)
        // A failed build keeps the previous site and its manifest.
        try fixture.write("services/elterngeld-beantragen.md", Data("---\ntitle: [\n---\n".utf8))
        #expect(throws: ContentErrors.self) { try build(fixture.root, into: output) }
        #expect(cache.load() != nil)
    }

    /// The same on the real sample (557 services, 432 places): a body edit and a new service.
    @Test func sampleContentEditMatchesCleanBuild() throws {
        let dir = temporaryFolder("incremental-sample")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("Content"), output = dir.appendingPathComponent("Output")
        try copyFolder(repositoryRoot.appendingPathComponent("Content"), to: content)
        let first = try build(content, into: output)
        let service = content.appendingPathComponent("services/personalausweis-beantragen.md")
        try Data((try String(contentsOf: service, encoding: .utf8) + "\nHinweis: Bringen Sie ein aktuelles Lichtbild mit.\n").utf8).write(to: service)
        try Data("""
            ---
            title: Anwohnerparkausweis beantragen
            summary: Einen Parkausweis für Bewohnerinnen und Bewohner beantragen.
            topic: mobilitaet-und-reisen
            ---
            Mit dem Ausweis parken Sie in Ihrem Wohngebiet.

            """.utf8).write(to: content.appendingPathComponent("services/anwohnerparkausweis-beantragen.md"))
        let second = try build(content, into: output)
        #expect(second.filesReused > first.filesWritten / 2, "\(second.filesReused) of \(first.filesWritten) taken over")
        try expectSameAsClean(content, output, "sample edit")
    }

    /// A body edit that brings a thesaurus word into the index ("Vierbeiner", with "Hund" …): the
    /// quick rebuild makes the thesaurus files anew from the theme's thesaurus (the record keeps
    /// no copy of it), as a clean build does. (The small fixture's index keeps body words of no
    /// more than a fifth of its few documents, so only the sample shows this.)
    @Test func sampleBodyEditWithAThesaurusWordMatchesCleanBuild() throws {
        let dir = temporaryFolder("incremental-thesaurus")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("Content"), output = dir.appendingPathComponent("Output")
        try copyFolder(repositoryRoot.appendingPathComponent("Content"), to: content)
        try build(content, into: output)
        let thesaurusFiles = { (try? FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("data").path))?.filter { $0.hasPrefix("suche-thes-") }.sorted() ?? [] }
        let before = thesaurusFiles()
        let service = content.appendingPathComponent("services/hundesteuer-anmelden.md")
        try Data((try String(contentsOf: service, encoding: .utf8) + "\nDas gilt für jeden Vierbeiner.\n").utf8).write(to: service)
        let edited = try build(content, into: output)
        #expect(edited.onlyBodiesRebuilt)
        #expect(!before.isEmpty && thesaurusFiles() != before, "the thesaurus files must change with the new word")
        try expectSameAsClean(content, output, "thesaurus word")
    }
}
