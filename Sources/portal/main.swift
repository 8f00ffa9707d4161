import ArgumentParser
import Foundation
import PortalBuild
import PortalLoad
import PortalModel
import PortalPreview
import PortalResolve

/// `portal`: builds and checks citizen service portals. Exit status: 0 success, 1 content errors, 2 usage.
struct Portal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal",
        abstract: "Baut ein statisches Serviceportal aus Markdown-, YAML- und CSV-Inhalten.",
        subcommands: [Build.self, Check.self, NextChange.self, New.self, Serve.self]
    )
}

struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: "Inhaltsordner.")
    var content: String = "Content"

    @Flag(name: .long, help: "Lücken (Leistung × Gemeinde ohne zuständige Stelle) sind Fehler.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Nur Fehler ausgeben.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Mehr ausgeben: neu geschriebene und übernommene Dateien.")
    var verbose = false

    @Option(name: .long, help: "Stichtag JJJJ-MM-TT: gezeigt wird, was an diesem Tag gilt (valid_from, valid_until). Standard: heute.")
    var date: String?

    /// The build's day: `--date` or today in Germany.
    func day() throws -> String { try Self.day(date) }

    static func day(_ date: String?) throws -> String {
        guard let date else { return Validity.today() }
        guard Validators.isISODate(date) else { throw ValidationError("--date muss ein Datum der Form JJJJ-MM-TT sein, nicht „\(date)“") }
        return date
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Baut das Portal in den Ausgabeordner.")

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "Eigene Vorlagen; fehlende Dateien kommen aus dem eingebauten Theme.")
    var templates: String?

    @Option(name: .long, help: "Ausgabeordner; wird erst ersetzt, wenn der Bau vollständig gelungen ist.")
    var output: String = "Output"

    @Flag(name: .long, help: "Alles neu bauen, ohne unveränderte Seiten aus dem letzten Bau zu übernehmen.")
    var clean = false

    @Flag(name: .long, help: "Keine vorkomprimierten .br- und .gz-Dateien neben die Textdateien schreiben.")
    var noPrecompress = false

    func validate() throws {
        if let templates, !FileManager.default.fileExists(atPath: templates) {
            throw ValidationError("Vorlagenordner „\(templates)“ nicht gefunden")
        }
    }

    func run() throws {
        // The default `Templates` folder is optional: without it the built-in theme is used.
        let templatesPath = templates ?? (FileManager.default.fileExists(atPath: "Templates") ? "Templates" : nil)
        var buildOptions = Pipeline.Options(
            content: URL(fileURLWithPath: options.content), contentDisplay: options.content,
            templates: templatesPath.map { URL(fileURLWithPath: $0) }, templatesDisplay: templatesPath,
            output: URL(fileURLWithPath: output), strict: options.strict, incremental: !clean,
            progress: Console.progress(quiet: options.quiet)
        )
        buildOptions.precompress = !noPrecompress
        buildOptions.date = try options.day()
        let started = Date()
        do {
            let report = try Pipeline.build(buildOptions)
            Console.printWarnings(report.warnings, quiet: options.quiet)
            guard !options.quiet else { return }
            let seconds = Date().timeIntervalSince(started)
            print("Portal gebaut: \(output)/ – \(report.totalPages) Seiten, \(Console.megabytes(report.outputBytes)) in \(String(format: "%.1f", seconds)) s")
            if options.verbose || report.filesReused > 0 {
                print("  \(report.filesWritten) Dateien neu geschrieben, \(report.filesReused) unverändert aus dem letzten Bau übernommen")
            }
            if options.verbose && report.onlyBodiesRebuilt && report.changedTemplates.isEmpty {
                print("  nur Texte oder Zusammenfassungen von Leistungen, Texte freier Seiten (auch übersetzte und in Leichter Sprache) oder Anschrift und Kontakt von Behörden geändert: nur die Seiten daraus und die Suchindizes neu gebaut")
            } else if options.verbose && report.onlyBodiesRebuilt {
                let names = report.changedTemplates.map { "\($0).mustache" }.joined(separator: ", ")
                print("  nur Vorlagen geändert, die allein Seiten aus Texten von Leistungen oder freien Seiten nutzen (\(names)): nur diese Seiten neu gebaut")
            }
            if options.verbose {
                print("  \(report.pagesFilled) Seiten in die Schablone ihrer Form gefüllt (\(report.pageShapes) Seitenformen), die übrigen mit Mustache gerendert")
            }
            for (kind, count) in report.pageCounts { print("  \(kind.padding(toLength: 14, withPad: " ", startingAt: 0)) \(count)") }
            Console.printGaps(report.gaps)
        } catch let errors as ContentErrors {
            buildOptions.progress?.abandon()
            Console.fail(errors)
        } catch let failure as OutputFolder.WriteError {
            buildOptions.progress?.abandon()
            FileHandle.standardError.write(Data("\(output)/\(failure.path): error: Datei kann nicht geschrieben werden: \(failure.reason); die bisherige Ausgabe bleibt unverändert\n".utf8))
            throw ExitCode(1)
        } catch {
            FileHandle.standardError.write(Data("\(output): error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Prüft die Inhalte, ohne etwas zu schreiben.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var options: ContentOptions

    @Option(name: .long, help: "Ausgabe: text (für Menschen) oder json (für Programme, auf der Standardausgabe).")
    var format: Format = .text

    @Flag(name: .long, help: "Auch die Dateien nennen, deren Angaben länger nicht geprüft wurden („reviewed“, Intervall „review_interval_days“ in site.yml), die ältesten zuerst.")
    var stale = false

    func run() throws {
        let date = try options.day()
        if stale { return try runStale(date: date) }
        if format == .json {
            let result = Result { try Pipeline.check(content: URL(fileURLWithPath: options.content), display: options.content, strict: options.strict, date: date) }
            switch result {
            case .success(let (model, _)):
                print(Console.json(ok: true, model.content.warnings))
            case .failure(let error):
                print(Console.json(ok: false, (error as? ContentErrors)?.diagnostics ?? []))
                throw ExitCode(1)
            }
            return
        }
        let started = Date()
        do {
            let (model, gaps) = try Pipeline.check(content: URL(fileURLWithPath: options.content), display: options.content, strict: options.strict, date: date)
            Console.printWarnings(model.content.warnings, quiet: options.quiet)
            guard !options.quiet else { return }
            print("Inhalte in Ordnung: \(model.content.services.count) Leistungen, \(model.content.authorities.count) Behörden, \(model.content.regions.count) Orte, \(model.content.responsibilities.count) Zuständigkeiten")
            if options.verbose {
                print("  \(model.content.pages.count) freie Seiten, \(model.content.warnings.count) Warnungen; geprüft in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            }
            Console.printWarnings(StartPageCheck.warnings(model.content, sitePath: "\(options.content)/site.yml"), quiet: options.quiet)
            if options.verbose { for line in StartPageCheck.videoChecklist(model.content) { print(line) } }
            for report in model.content.formSchemaReports {
                print(report.summary)
                if options.verbose { for line in report.details { print("  \(line)") } }
            }
            Console.printGaps(gaps)
        } catch {
            Console.fail(error)
        }
    }
}

extension Check {
    /// `--stale`: every service and free page whose facts were last reviewed longer ago than the
    /// review interval, as warnings at their `reviewed` line, oldest first.
    func runStale(date: String) throws {
        let content: Content
        do {
            content = try ContentLoader(root: URL(fileURLWithPath: options.content), displayRoot: options.content).load()
        } catch {
            if format == .json {
                print(Console.json(ok: false, error.diagnostics))
                throw ExitCode(1)
            }
            Console.fail(error)
        }
        let interval = content.site.reviewIntervalDays
        let stale = content.stale(on: date, intervalDays: interval).map { entry in
            Diagnostic(path: entry.path, line: entry.line, column: 1, severity: .warning, message: entry.reviewed.map {
                "zuletzt geprüft am \($0), länger als \(interval) Tage vor dem \(date) (site.yml „review_interval_days“): bitte die Angaben prüfen und „reviewed“ setzen"
            } ?? "nie geprüft: weder „reviewed“ noch „updated“ ist gesetzt")
        }
        if format == .json {
            print(Console.json(ok: true, stale))
            return
        }
        Console.printWarnings(stale, quiet: false)
        print("\(stale.count) von \(content.services.count + content.pages.count) Texten sind zu prüfen (Stichtag \(date), Intervall \(interval) Tage).")
    }
}

/// `portal next-change`: the next day on which a build gives another site, for a scheduled job.
struct NextChange: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next-change",
        abstract: "Nennt den nächsten Tag nach dem Stichtag, an dem ein Bau ein anderes Portal ergäbe (valid_from, valid_until).",
        discussion: "Gibt nur das Datum aus (JJJJ-MM-TT) oder nichts, wenn keine Änderung angekündigt ist. Für einen täglichen Auftrag: portal next-change --date \"$(date -d yesterday +%F)\" gibt das heutige Datum aus, wenn heute neu gebaut werden muss."
    )

    @Option(name: .long, help: "Inhaltsordner.")
    var content: String = "Content"

    @Option(name: .long, help: "Stichtag JJJJ-MM-TT; Standard: heute.")
    var date: String?

    func run() throws {
        let day = try ContentOptions.day(date)
        do {
            let loaded = try ContentLoader(root: URL(fileURLWithPath: content), displayRoot: content).load()
            if let next = loaded.nextChange(after: day) { print(next) }
        } catch {
            Console.fail(error)
        }
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vorschau: baut das Portal, zeigt es unter http://127.0.0.1:<Port>/ und baut bei jeder Änderung neu.",
        discussion: "Beobachtet den Inhalts- und den Vorlagenordner. Geöffnete Seiten laden nach jedem Bau neu; bei Fehlern in den Inhalten zeigt der Browser die Fehlermeldungen über dem letzten fehlerfreien Stand. Die Vorschau schreibt nicht in den Ausgabeordner."
    )

    @Option(name: .long, help: "Inhaltsordner.")
    var content: String = "Content"

    @Option(name: .long, help: "Eigene Vorlagen; fehlende Dateien kommen aus dem eingebauten Theme.")
    var templates: String?

    @Option(name: .long, help: "Port auf 127.0.0.1 (0 wählt einen freien).")
    var port: UInt16 = 8080

    func validate() throws {
        if let templates, !FileManager.default.fileExists(atPath: templates) {
            throw ValidationError("Vorlagenordner „\(templates)“ nicht gefunden")
        }
        if !FileManager.default.fileExists(atPath: content) {
            throw ValidationError("Inhaltsordner „\(content)“ nicht gefunden")
        }
    }

    func run() throws {
        let templatesPath = templates ?? (FileManager.default.fileExists(atPath: "Templates") ? "Templates" : nil)
        let build = Pipeline.Options(
            content: URL(fileURLWithPath: content), contentDisplay: content,
            templates: templatesPath.map { URL(fileURLWithPath: $0) }, templatesDisplay: templatesPath,
            output: URL(fileURLWithPath: "Output"))
        let server = PreviewServer(.init(build: build, port: port),
                                   log: { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) },
                                   report: { diagnostics in
                                       var printer = DiagnosticPrinter()
                                       Terminal.error(diagnostics.map { printer.format($0) }.joined())
                                   })
        // Ctrl+C ends the preview and removes its private build folder.
        let signals = [SIGINT, SIGTERM].map { (number: Int32) -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                server.cleanUp()
                Foundation.exit(0)
            }
            source.resume()
            return source
        }
        let port = self.port
        Task {
            do {
                try await server.run()
            } catch {
                Terminal.error("error: Vorschau kann nicht starten (Port \(port) belegt?): \(error)\n")
                server.cleanUp()
                Foundation.exit(1)
            }
        }
        withExtendedLifetime(signals) { dispatchMain() }
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Legt eine neue Leistung, Behörde oder Seite mit allen Feldern an.")

    @Argument(help: "service, authority oder page")
    var kind: Scaffold.Kind

    @Argument(help: "Name der Datei und der Adresse (Kleinbuchstaben, Ziffern, -)")
    var slug: String

    @Option(name: .long, help: "Inhaltsordner.")
    var content: String = "Content"

    @Option(name: .long, help: "Nur für Leistungen: ein FIM-Stammdatenschema (XDatenfelder 3.0.0); wird geprüft, nach forms/ kopiert und als „form_schema“ eingetragen.")
    var formSchema: String?

    func run() throws {
        do {
            let path = try Scaffold.create(kind, slug: slug, content: URL(fileURLWithPath: content), contentDisplay: content,
                                           formSchema: formSchema.map { URL(fileURLWithPath: $0) })
            print("Angelegt: \(path) – füllen Sie die Pflichtangaben aus und prüfen Sie mit „portal check“.")
        } catch {
            // A schema's diagnostics already carry their `path:line:column: error:` prefix.
            let text = error.description.contains(": error: ") ? error.description : "error: \(error.description)"
            FileHandle.standardError.write(Data("\(text)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}

enum Console {
    /// Diagnostics for machine readers: `{"ok":…,"diagnostics":[{"file","line","column","severity","message"}]}`.
    static func json(ok: Bool, _ diagnostics: [Diagnostic]) -> String {
        let items: [[String: Any]] = diagnostics.map {
            ["file": $0.path, "line": $0.line, "column": $0.column, "severity": $0.severity.rawValue, "message": $0.message]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["ok": ok, "diagnostics": items], options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func printWarnings(_ warnings: [Diagnostic], quiet: Bool) {
        guard !quiet, !warnings.isEmpty else { return }
        var printer = DiagnosticPrinter()
        Terminal.error(warnings.map { printer.format($0) }.joined())
    }

    /// A redrawn progress line on a terminal; plain phase lines with elapsed times elsewhere
    /// (CI logs), on standard error so standard output keeps just the result.
    static func progress(quiet: Bool) -> BuildProgress? {
        guard !quiet else { return nil }
        return BuildProgress(interactive: Terminal.stderrIsTTY) { Terminal.error($0) }
    }

    static func printGaps(_ gaps: GapReport) {
        guard !gaps.entries.isEmpty else { return }
        print("Lücken: \(gaps.entries.count) Leistungen haben nicht überall eine zuständige Stelle (\(gaps.totalPairs) Paare aus Leistung und Gemeinde); größte zuerst:")
        for entry in gaps.entries.prefix(10) { print("  \(entry.service): \(entry.gemeinden) Gemeinden") }
        if gaps.entries.count > 10 { print("  … und \(gaps.entries.count - 10) weitere") }
    }

    static func fail(_ errors: ContentErrors) -> Never {
        var printer = DiagnosticPrinter()
        // A line that gives thousands of messages (a pasted list of 100,000 postal codes) shows
        // the first few and the count: pages of the same message help no editor.
        var perLine: [String: Int] = [:], overflowing: [String] = []
        var text = ""
        for diagnostic in errors.diagnostics {
            let key = "\(diagnostic.path):\(diagnostic.line)"
            let seen = perLine[key, default: 0] + 1
            perLine[key] = seen
            if seen <= maxMessagesPerLine { text += printer.format(diagnostic) } else if seen == maxMessagesPerLine + 1 { overflowing.append(key) }
        }
        for key in overflowing {
            text += "\(key): … und \(perLine[key]! - maxMessagesPerLine) weitere Meldungen in dieser Zeile (nicht gezeigt)\n"
        }
        let count = errors.diagnostics.filter { $0.severity == .error }.count
        let files = Set(errors.diagnostics.filter { $0.severity == .error }.map(\.path)).count
        Terminal.error("\(text)\(summary(errors: count, files: files))\n")
        exit(1)
    }

    static let maxMessagesPerLine = 20

    /// "3 Fehler in 2 Dateien; nichts geschrieben."
    static func summary(errors: Int, files: Int) -> String {
        "\(errors) Fehler in \(files) \(files == 1 ? "Datei" : "Dateien"); nichts geschrieben."
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
}

// Usage errors exit with 2 (the output contract), not ArgumentParser's 64.
do {
    var command = try Portal.parseAsRoot()
    try command.run()
} catch {
    let code = Portal.exitCode(for: error)
    if code == .validationFailure {
        FileHandle.standardError.write(Data((Portal.fullMessage(for: error) + "\n").utf8))
        exit(2)
    }
    Portal.exit(withError: error)
}
