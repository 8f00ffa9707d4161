import Foundation
@testable import PortalBuild
@testable import PortalLoad
@testable import PortalModel
@testable import PortalSupport
import Testing

/// The parse results a build leaves for the next (`ParseMemo.persistent`): taken over exactly when
/// the input is unchanged, never when it is not, and harmless when missing, foreign or damaged.
@Suite struct ParseMemoTests {
    struct Text: BinaryCodable, Equatable {
        var value: String
        init(_ value: String) { self.value = value }
        init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) { value = try r.string() }
        func write(into w: inout BinaryWriter) { w.string(value) }
    }

    final class Counter: @unchecked Sendable { var calls = 0 }

    func parse(_ memo: ParseMemo, _ name: String, _ input: String, _ counter: Counter) -> Text {
        memo.value(name, input: input) { counter.calls += 1; return Text(input.uppercased()) }
    }

    @Test func unchangedInputsAreTakenOverChangedOnesParsed() throws {
        let dir = temporaryFolder("memo")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("cache/parse.bin")
        let counter = Counter()

        let first = ParseMemo.persistent(at: file, tool: "t1", reuse: true)
        #expect(parse(first, "a", "eins", counter) == Text("EINS"))
        #expect(parse(first, "b", "zwei", counter) == Text("ZWEI"))
        first.save()
        #expect(counter.calls == 2)

        let second = ParseMemo.persistent(at: file, tool: "t1", reuse: true)
        #expect(parse(second, "a", "eins", counter) == Text("EINS"))
        #expect(counter.calls == 2, "unchanged input: not parsed again")
        #expect(parse(second, "a", "drei", counter) == Text("DREI"))
        #expect(counter.calls == 3, "changed input: parsed")
        second.save()

        // "b" was not asked for in the second build and is still kept; "a" now holds "drei".
        let third = ParseMemo.persistent(at: file, tool: "t1", reuse: true)
        #expect(parse(third, "b", "zwei", counter) == Text("ZWEI") && counter.calls == 3)
        #expect(parse(third, "a", "drei", counter) == Text("DREI") && counter.calls == 3)
        third.discard()

        // Another binary, or a clean build: nothing is taken over.
        let foreign = ParseMemo.persistent(at: file, tool: "t2", reuse: true)
        #expect(parse(foreign, "b", "zwei", counter) == Text("ZWEI") && counter.calls == 4)
        foreign.discard()
        let clean = ParseMemo.persistent(at: file, tool: "t1", reuse: false)
        #expect(parse(clean, "b", "zwei", counter) == Text("ZWEI") && counter.calls == 5)
        clean.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["parse.bin"],
                "discard leaves the previous file and no temporary one")
    }

    @Test func aDamagedFileIsIgnored() throws {
        let dir = temporaryFolder("memo-damaged")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("parse.bin")
        let counter = Counter()
        let memo = ParseMemo.persistent(at: file, tool: "t", reuse: true)
        _ = parse(memo, "a", "eins", counter)
        memo.save()
        let bytes = try Data(contentsOf: file)
        for damaged in [bytes.dropLast(3), bytes.prefix(5), Data(repeating: 0xFF, count: 64)] {
            try Data(damaged).write(to: file)
            let next = ParseMemo.persistent(at: file, tool: "t", reuse: true)
            let before = counter.calls
            #expect(parse(next, "a", "eins", counter) == Text("EINS"))
            #expect(counter.calls == before + 1)
            next.discard()
        }
    }

    @Test func aFailedFirstBuildLeavesNoCacheFolder() throws {
        let dir = temporaryFolder("memo-failed")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(".portal-cache/Output/parse.bin")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let memo = ParseMemo.persistent(at: file, tool: "t", reuse: true)
        _ = parse(memo, "a", "eins", Counter())
        memo.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// Whole builds: every kind of content file edited after a build that left its parses, each
    /// followed by a check against a clean build; the services' texts really come from the cache.
    @Test func buildsOverTheParseCacheMatchCleanBuilds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("memo-builds")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("Output")
        let suite = IncrementalBuildTests()
        try suite.build(fixture.root, into: output, clean: true)
        let cacheFile = BuildCache(output: output).parseFile
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))

        let edits: [(String, (String) -> String)] = [
            ("authorities/landratsamt-bautzen.yml", { $0 + "phone: \"+49 3591 0\"\n" }),
            ("services/elterngeld-beantragen.md", { $0.replacingOccurrences(of: "summary: Geld für Eltern", with: "summary: Mehr Geld für Eltern") }),
            ("responsibilities.csv", { $0.replacingOccurrences(of: "elterngeld-beantragen,14,elterngeldstelle-sachsen", with: "elterngeld-beantragen,14,landratsamt-bautzen") }),
            ("regions.csv", { $0.replacingOccurrences(of: "14625030,Bernsdorf,02994", with: "14625030,Bernsdorf,\"02994 02995\"") }),
            ("topics.yml", { $0.replacingOccurrences(of: "title: Umzug", with: "title: Umzug und Wohnen") }),
            ("pages/impressum.md", { $0 + "\nNeu.\n" }),
        ]
        for (path, change) in edits {
            let url = fixture.root.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(change(text) != text, "\(path): the edit must change the file")
            try Data(change(text).utf8).write(to: url)
            try suite.build(fixture.root, into: output)
            try suite.expectSameAsClean(fixture.root, output, "after editing \(path)")
        }

        // A service the cache says something else about than its file: only a changed digest
        // makes it parse again, so the cache must hold the real parse of the current file.
        let memo = ParseMemo.persistent(at: cacheFile, tool: BuildCache.toolDigest, reuse: true)
        let service = fixture.root.appendingPathComponent("services/personalausweis-beantragen.md")
        var diagnostics = Diagnostics()
        let file = try #require(SourceFile.read(service, displayPath: "Content/services/personalausweis-beantragen.md", into: &diagnostics))
        var parsedAgain = false
        let cached = memo.value("service:" + file.path + ":personalausweis-beantragen", input: file.text) { () -> Parsed<ServiceLoader.Loaded> in
            parsedAgain = true
            return Parsed(nil, Diagnostics())
        }
        memo.discard()
        #expect(!parsedAgain, "an unchanged service is taken from the cache")
        #expect(cached.value?.service.title == "Personalausweis beantragen")
        #expect(cached.value?.service.sections.map(\.title).contains("Kosten") == true)
    }
}
