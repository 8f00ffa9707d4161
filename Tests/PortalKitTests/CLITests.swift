import Foundation
@testable import PortalModel
import Testing

/// The command line as the output contract defines it: exit 0, 1 (content errors), 2 (usage).
@Suite struct CLITests {
    @Test func buildSucceedsAndCountsPages() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = fixture.root.deletingLastPathComponent().appendingPathComponent("cli-\(UUID().uuidString)")
        try copyFolder(fixture.root, to: dir.appendingPathComponent("Content"))
        let result = try PortalProcess.run(["build"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Leistungen     2"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output/index.html").path))
    }

    /// In a log (stderr not a terminal): plain phase lines, no carriage returns or escape codes;
    /// on a terminal: one redrawn line and coloured diagnostics; --quiet: nothing.
    @Test func progressIsPlainInLogsAndRedrawnOnTerminals() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let logged = try PortalProcess.run(["build", "--content", fixture.root.path, "--output", fixture.root.appendingPathComponent("Out").path], in: fixture.root)
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stderr.contains("Seiten … ("), "\(logged.stderr)")
        #expect(!logged.stderr.contains("\r") && !logged.stderr.contains("\u{1B}"))
        let quiet = try PortalProcess.run(["build", "-q", "--content", fixture.root.path, "--output", fixture.root.appendingPathComponent("Out").path], in: fixture.root)
        #expect(quiet.status == 0 && quiet.stderr.isEmpty && quiet.stdout.isEmpty)

        // `script` gives the binary a pseudo-terminal (util-linux, on every Debian).
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { Issue.record("/usr/bin/script missing"); return }
        let command = "\(PortalProcess.binary.path) build --clean --content \(fixture.root.path) --output \(fixture.root.appendingPathComponent("Out").path)"
        // A colour terminal whatever the test runner's environment says.
        let viaScript = ["-u", "NO_COLOR", "TERM=xterm-256color", "/usr/bin/script", "-qec", command, "/dev/null"]
        let terminal = try PortalProcess.run(viaScript, in: fixture.root, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("\r\u{1B}[2KSeiten"), "no redrawn progress line: \(terminal.stdout.debugDescription)")
        try fixture.write("authorities/landratsamt-bautzen.yml", Data("name: \"\"\naddress: {street: B, postal_code: \"02625\", city: Bautzen}\n".utf8))
        let failing = try PortalProcess.run(viaScript, in: fixture.root, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(failing.stdout.contains("\u{1B}[1;31merror:\u{1B}[0m"), "errors are not red on a terminal: \(failing.stdout.debugDescription)")
    }

    @Test func usageErrorExitsWith2() throws {
        let result = try PortalProcess.run(["build", "--no-such-option"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 2)
        let missing = try PortalProcess.run(["build", "--templates", "/does/not/exist"], in: FileManager.default.temporaryDirectory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("Vorlagenordner „/does/not/exist“ nicht gefunden"))
    }

    @Test func checkWritesNothing() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let result = try PortalProcess.run(["check", "--content", fixture.root.path], in: fixture.root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Inhalte in Ordnung: 2 Leistungen"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Output").path))
    }

    @Test func newServiceFilledInBuilds() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let made = try PortalProcess.run(["new", "service", "kitaplatz-beantragen", "--content", fixture.root.path], in: fixture.root)
        #expect(made.status == 0, "\(made.stderr)")
        let file = fixture.root.appendingPathComponent("services/kitaplatz-beantragen.md")
        let again = try PortalProcess.run(["new", "service", "kitaplatz-beantragen", "--content", fixture.root.path], in: fixture.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("gibt es schon; nichts überschrieben"))
        // Untouched, the required fields are empty: the check says so.
        let unfilled = try PortalProcess.run(["check", "--content", fixture.root.path], in: fixture.root)
        #expect(unfilled.status == 1)
        #expect(unfilled.stderr.contains("kitaplatz-beantragen.md:3:8: error: „title“ ist leer"), "\(unfilled.stderr)")
        // For people: the line is quoted under the message with a caret under the column; no
        // colour codes when stderr is not a terminal.
        #expect(unfilled.stderr.contains("kitaplatz-beantragen.md:3:8: error: „title“ ist leer\n3 | title: \"\"  "), "\(unfilled.stderr)")
        #expect(unfilled.stderr.contains("\n  |        ^\n"), "\(unfilled.stderr)")
        #expect(!unfilled.stderr.contains("\u{1B}"))
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "title: \"\"", with: "title: Kitaplatz beantragen")
            .replacingOccurrences(of: "summary: \"\"", with: "summary: Einen Platz in einer Kindertageseinrichtung beantragen.")
            .replacingOccurrences(of: "topic: \"\"", with: "topic: familie-und-kind")
        try Data(text.utf8).write(to: file)
        let build = try PortalProcess.run(["build", "--content", fixture.root.path, "--output", fixture.root.appendingPathComponent("Out").path], in: fixture.root)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("Out/leistungen/kitaplatz-beantragen/antrag/index.html").path))
        // The headings the editor left empty are not shown as empty sections.
        let page = try String(contentsOf: fixture.root.appendingPathComponent("Out/leistungen/kitaplatz-beantragen/index.html"), encoding: .utf8)
        #expect(page.contains("Beschreibung: was die Leistung ist"))
        #expect(!page.contains("id=\"voraussetzungen\"") && !page.contains("id=\"kosten\""))
        let bad = try PortalProcess.run(["new", "authority", "Bürgeramt", "--content", fixture.root.path], in: fixture.root)
        #expect(bad.status == 1)
    }

    @Test func checkAsJSONListsEveryError() throws {
        let fixture = try Fixture(["regions.csv": Fixture.files["regions.csv"]! + "1462503,Irgendwo,\n",
                                   "authorities/landratsamt-bautzen.yml": "- x\n"])
        defer { fixture.remove() }
        let result = try PortalProcess.run(["check", "--format", "json", "--content", fixture.root.path], in: fixture.root)
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["ok"] as? Bool == false)
        let diagnostics = object?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.count == 2)
        for d in diagnostics {
            #expect((d["file"] as? String)?.isEmpty == false && (d["line"] as? Int ?? 0) >= 1 && (d["column"] as? Int ?? 0) >= 1 && d["message"] is String)
        }
        #expect(diagnostics.contains { ($0["file"] as? String)?.hasSuffix("regions.csv") == true && $0["line"] as? Int == 9 })
        let fine = try Fixture()
        defer { fine.remove() }
        let ok = try PortalProcess.run(["check", "--format", "json", "--content", fine.root.path], in: fine.root)
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("{\"diagnostics\":[],\"ok\":true}"))
    }

    @Test func strictTurnsGapsIntoErrors() throws {
        let fixture = try Fixture(["responsibilities.csv": "service,region,authority\nelterngeld-beantragen,14,elterngeldstelle-sachsen\n"])
        defer { fixture.remove() }
        let relaxed = try PortalProcess.run(["check", "--content", fixture.root.path], in: fixture.root)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("personalausweis-beantragen: 4 Gemeinden"))
        let strict = try PortalProcess.run(["check", "--strict", "--content", fixture.root.path], in: fixture.root)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: Lücke: für „personalausweis-beantragen“ ist in 4 Gemeinden keine Stelle zuständig (--strict)"))
    }

    /// The issue's acceptance case: five different defects at once in a copy of the real sample
    /// Content/, all five named with path and line, exit 1, and the previous Output/ untouched.
    @Test func brokenSampleCopyNamesAllDefectsAndKeepsOutput() throws {
        let work = temporaryFolder("broken-sample")
        defer { try? FileManager.default.removeItem(at: work) }
        let content = work.appendingPathComponent("Content")
        try copyFolder(repositoryRoot.appendingPathComponent("Content"), to: content)
        let output = work.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("<p>previous site</p>".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        let before = folderFingerprint(output)

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = content.appendingPathComponent(path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            #expect(changed != text, "edit of \(path) changed nothing")
            try Data(changed.utf8).write(to: url)
        }
        // 1. unknown key in a service's front matter
        try edit("services/personalausweis-beantragen.md") { $0.replacingOccurrences(of: "\nsummary:", with: "\nsumary:") }
        // 2. a LeiKa key with 13 digits
        try edit("services/elterngeld-beantragen.md") { $0.replacingOccurrences(of: "leika: \"99041006017000\"", with: "leika: \"9904100601700\"") }
        // 3. an authority file that is a list
        try edit("authorities/landesdirektion-sachsen.yml") { "- " + $0.replacingOccurrences(of: "\n", with: "\n  ") }
        // 4. a place outside the Land the portal serves
        try edit("regions.csv") { $0 + "09162000,München,80331,\n" }
        // 5. a duplicate rule
        try edit("responsibilities.csv") { text in
            let first = text.split(separator: "\n")[1]
            return text + first + "\n"
        }
        let result = try PortalProcess.run(["build", "--content", "Content", "--output", "Output"], in: work)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.contains { $0.hasPrefix("Content/services/personalausweis-beantragen.md:3:1: error: unbekannter Schlüssel „sumary“") }, "\(result.stderr)")
        #expect(errors.contains { $0.hasPrefix("Content/services/elterngeld-beantragen.md:") && $0.contains("14 Ziffern") })
        #expect(errors.contains { $0.hasPrefix("Content/authorities/landesdirektion-sachsen.yml:1:1: error: der Behörde muss eine Zuordnung") })
        #expect(errors.contains { $0.contains("Content/regions.csv:") && $0.contains("Ort 09162000 liegt nicht im Land 14") })
        #expect(errors.contains { $0.hasPrefix("Content/responsibilities.csv:") && $0.contains("widersprüchliche Regel") })
        // The misspelt key also leaves `summary` missing: six messages, five files, nothing else.
        #expect(errors.contains { $0.hasPrefix("Content/services/personalausweis-beantragen.md:2:1: error: Pflichtangabe „summary“ fehlt") })
        #expect(errors.count == 6, "\(errors.joined(separator: "\n"))")
        #expect(Set(errors.map { $0.split(separator: ":")[0] }).count == 5)
        #expect(folderFingerprint(output) == before)
        // No staging folder is left behind either.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0.hasPrefix(".Output") }
        #expect(leftovers.isEmpty)
    }
}
