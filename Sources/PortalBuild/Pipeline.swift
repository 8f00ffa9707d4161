import Foundation
import PortalLoad
import PortalModel
import PortalRender
import PortalResolve
import PortalSearch
import PortalSupport

/// The pipeline: load and validate content → resolve responsibilities → render pages → write the site.
public enum Pipeline {
    public struct Options: Sendable {
        public var content: URL
        public var contentDisplay: String
        /// The user's theme folder; nil uses only the built-in theme.
        public var templates: URL?
        public var templatesDisplay: String?
        public var output: URL
        /// Gaps (service × Gemeinde without a rule) are errors.
        public var strict: Bool
        /// Reuse unchanged files of the previous build (see `BuildCache`); false builds everything.
        public var incremental: Bool
        /// Told about each phase and each finished page; nil for silence.
        public var progress: BuildProgress?
        /// Parse results of earlier builds in the same process (`portal serve`).
        public var memo: ParseMemo?

        public init(content: URL, contentDisplay: String, templates: URL?, templatesDisplay: String?, output: URL,
                    strict: Bool = false, incremental: Bool = true, progress: BuildProgress? = nil) {
            self.content = content
            self.contentDisplay = contentDisplay
            self.templates = templates
            self.templatesDisplay = templatesDisplay
            self.output = output
            self.strict = strict
            self.incremental = incremental
            self.progress = progress
        }
    }

    public struct Report: Sendable {
        /// Pages per type, in a stable order.
        public var pageCounts: [(kind: String, count: Int)]
        public var totalPages: Int { pageCounts.reduce(0) { $0 + $1.count } }
        public var warnings: [Diagnostic]
        public var gaps: GapReport
        public var outputBytes: Int
        /// Files rendered or written anew, and files taken over unchanged from the previous build.
        public var filesWritten: Int
        public var filesReused: Int
        /// Pages filled into the stencil of their shape, and the number of shapes (`PageStencils`).
        public var pagesFilled: Int
        public var pageShapes: Int
        /// Only service bodies had changed, and only the files they feed were rebuilt (`BodyEditBuild`).
        public var onlyBodiesRebuilt = false
    }

    /// Stages 1 and 2 only: validates the content and computes the gaps. Throws with all errors.
    public static func check(content: URL, display: String, strict: Bool, memo: ParseMemo? = nil) throws(ContentErrors) -> (SiteModel, GapReport) {
        let (model, gaps, _, _) = try checked(content: content, display: display, strict: strict, memo: memo)
        return (model, gaps)
    }

    /// `check`, also giving the answer of every service in every Gemeinde (the gaps are counted
    /// from them, and the Gemeinde pages need them).
    package static func checked(content: URL, display: String, strict: Bool, memo: ParseMemo?) throws(ContentErrors) -> (SiteModel, GapReport, GemeindeAnswers, ContentSources) {
        let (loaded, sources) = try ContentLoader(root: content, displayRoot: display, memo: memo).loadWithSources()
        let model = SiteModel(content: loaded)
        let answers = GemeindeAnswers(model: model)
        let gaps = GapReport(services: loaded.services, answers: answers)
        if strict, !gaps.entries.isEmpty {
            let rules = "\(display)/responsibilities.csv"
            var errors = loaded.warnings
            for entry in gaps.entries {
                errors.append(Diagnostic(path: rules, line: 1, column: 1,
                                         message: "Lücke: für „\(entry.service)“ ist in \(entry.gemeinden) Gemeinden keine Stelle zuständig (--strict)"))
            }
            throw ContentErrors(errors)
        }
        return (model, gaps, answers, sources)
    }

    public static func build(_ options: Options) throws -> Report {
        options.progress?.phase("Inhalte prüfen")
        // Stamped before anything is read: a file changed while this build reads it counts as
        // changed for the next one.
        let snapshot = SourceSnapshot.take(options.content)
        let theme = try Theme.load(overrides: options.templates, displayPath: options.templatesDisplay)
        let cache = BuildCache(output: options.output)
        let previous = options.incremental ? cache.load() : nil
        if let previous, let report = try BodyEditBuild.run(options, theme: theme, snapshot: snapshot, previous: previous, cache: cache) {
            return report
        }
        let (model, gaps, answers, sources) = try checked(content: options.content, display: options.contentDisplay, strict: options.strict, memo: options.memo)

        let output = OutputFolder(target: options.output)
        try output.prepare()
        do {
            let result = try write(model: model, answers: answers, theme: theme, to: output, previous: previous, cacheFolder: cache.folder,
                                   progress: options.progress, memo: options.memo)
            let jobs = PageJob.all(for: model)
            var counts: [(kind: String, count: Int)] = []
            for job in jobs {
                if let i = counts.firstIndex(where: { $0.kind == job.kind }) { counts[i].count += 1 } else { counts.append((job.kind, 1)) }
            }
            var manifest = result.manifest
            manifest.bodyEdits = result.recorder.record(options: options, theme: theme, snapshot: snapshot, model: model, sources: sources, gaps: gaps,
                                                        pageCounts: counts, corpus: result.corpus)
            // No manifest while the sites are swapped: if this is interrupted, the next build is clean.
            cache.invalidate()
            try output.commit()
            cache.save(manifest)
            return Report(pageCounts: counts, warnings: model.content.warnings, gaps: gaps,
                          outputBytes: result.bytes, filesWritten: result.written, filesReused: result.reused,
                          pagesFilled: result.filled, pageShapes: result.shapes)
        } catch {
            output.discard()
            throw error
        }
    }

    /// Set once by any worker; read by all.
    package final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        package var isSet: Bool { lock.withLock { value } }
        package func set() { lock.withLock { value = true } }
    }

    /// Collects the new manifest and counts while files are written by several workers.
    package final class Ledger: @unchecked Sendable {
        private let lock = NSLock()
        package private(set) var files: [String: BuildCache.Entry] = [:]
        package private(set) var bytes = 0, written = 0, reused = 0

        package func record(_ path: String, _ entry: BuildCache.Entry, reused wasReused: Bool) {
            lock.withLock {
                files[path] = entry
                bytes += entry.size
                if wasReused { reused += 1 } else { written += 1 }
            }
        }
    }

    /// Renders and writes every file into the staging folder. With a previous manifest, files
    /// whose fingerprint did not change are hard-linked from the current site instead.
    package static func write(model: SiteModel, answers: GemeindeAnswers, theme: Theme, to output: OutputFolder, previous: BuildCache.Manifest?,
                      cacheFolder: URL, progress: BuildProgress?, memo: ParseMemo? = nil) throws
        -> (manifest: BuildCache.Manifest, bytes: Int, written: Int, reused: Int, filled: Int, shapes: Int, recorder: BodyEditBuild.Recorder, corpus: SearchCorpus) {
        let ledger = Ledger()
        let recorder = BodyEditBuild.Recorder(cacheFolder: cacheFolder)
        let old = previous?.files ?? [:]

        /// A small file that is cheap to produce: its fingerprint is its content.
        func emit(_ data: Data, to path: String) throws {
            let entry = BuildCache.Entry(fingerprint: Fingerprint.of(data), size: data.count)
            if old[path] == entry, output.reuse(path, size: entry.size) {
                ledger.record(path, entry, reused: true)
            } else {
                try output.write(data, to: path)
                ledger.record(path, entry, reused: false)
            }
        }

        progress?.phase("Dateien schreiben")
        var assetPaths: [String: String] = [:]
        for (name, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            let path = "assets/" + AssetNames.hashedName(name, data)
            try emit(data, to: path)
            assetPaths[AssetNames.key(name)] = path
        }
        progress?.phase("Suchindex")
        let search = try SearchIndex.write(model, theme: theme, to: output, previous: previous?.search, previousCorpus: previous?.bodyEdits?.corpus,
                                           sizes: old.mapValues(\.size), memo: memo)
        for (path, size) in search.sizes {
            ledger.record(path, BuildCache.Entry(fingerprint: "search:" + search.group.fingerprint, size: size), reused: search.reused)
        }

        progress?.phase("Daten für den Zuständigkeitsfinder")
        let placesData = FinderData.places(model)
        let placesPath = "data/orte.\(AssetNames.hash(placesData)).json"
        try emit(placesData, to: placesPath)
        // Serialising a few thousand small JSON files is worth both cores.
        var rulePaths: [String: String] = [:]
        let rules = ParallelMap.map(model.content.services.map(\.slug)) { slug in (slug, FinderData.rules(model, service: slug)) }
        for (slug, data) in rules {
            let path = "data/regeln/\(slug).\(AssetNames.hash(data)).json"
            try emit(data, to: path)
            rulePaths[slug] = path
        }
        let cards = ParallelMap.map(Array(model.content.authorities.values)) { authority in (authority.id, FinderData.authority(authority)) }
        for (id, data) in cards {
            try emit(data, to: "data/behoerden/\(id).json")
        }

        let stencils = PageStencils(theme: theme)
        let renderer = PageRenderer(model: model, theme: theme, assetPaths: assetPaths,
                                    dataPaths: ["search": search.group.main, "places": placesPath, "authorities": "data/behoerden/"],
                                    rulePaths: rulePaths, stencils: stencils)
        let jobs = PageJob.all(for: model)
        progress?.phase("Gemeindeseiten vorbereiten")
        let rowsDigest = GemeindeRows.inputDigest(model: model)
        // Gemeinde pages first: their fingerprints tell whether the rows must be rendered at all.
        // Their plans are made again in the page loop: keeping 10,981 of them (Germany) costs
        // ~85 MiB, planning them twice a fraction of a second.
        let gemeindePlans = jobs.filter { if case .place(let i) = $0 { return model.content.regions[i].level == .gemeinde }; return false }
        let gemeindeFingerprints = ParallelMap.map(gemeindePlans) { job -> (String, String?) in
            let plan = renderer.plan(job)
            return (plan.filePath, renderer.fingerprint(plan, shape: Shape(plan.context, template: plan.template), rowsDigest: rowsDigest, answers: answers))
        }
        let knownFingerprints = Dictionary(gemeindeFingerprints, uniquingKeysWith: { a, _ in a })
        let needsRows = gemeindeFingerprints.contains { path, fingerprint in fingerprint == nil || old[path]?.fingerprint != fingerprint }
        let rows: GemeindeRows? = needsRows ? GemeindeRows(model: model, theme: theme, answers: answers) : nil

        progress?.phase("Seiten", total: jobs.count)
        // Each page is rendered and written by one worker; nothing is kept in memory after it is
        // written. After the first failed write (a full disk) the remaining pages are skipped.
        let stop = StopFlag()
        let results = ParallelMap.map(jobs) { job -> Result<String, OutputFolder.WriteError>? in
            if stop.isSet { return nil }
            defer { progress?.step() }
            let plan = renderer.plan(job)
            recorder.record(job, plan, model: model)
            let path = plan.filePath
            let shape = plan.gemeinde == nil ? Shape(plan.context, template: plan.template) : nil
            let fingerprint = knownFingerprints[path] ?? renderer.fingerprint(plan, shape: shape, rowsDigest: rowsDigest, answers: answers)
            if let fingerprint, let entry = old[path], entry.fingerprint == fingerprint, output.reuse(path, size: entry.size) {
                ledger.record(path, entry, reused: true)
                return .success(plan.path)
            }
            let html = renderer.html(plan, shape: shape, rows: rows)
            do throws(OutputFolder.WriteError) {
                try output.write(html, to: path)
                // A page that cannot be digested gets a fingerprint that never matches.
                ledger.record(path, BuildCache.Entry(fingerprint: fingerprint ?? "-", size: html.utf8.count), reused: false)
                return .success(plan.path)
            } catch {
                stop.set()
                return .failure(error)
            }
        }
        if let failure = results.lazy.compactMap({ result -> OutputFolder.WriteError? in
            if case .failure(let error)? = result { return error }
            return nil
        }).first { throw failure }
        var paths: [String] = []
        for case let result? in results {
            let path = try result.get()
            if path.hasSuffix("/") || path.isEmpty { paths.append(path) }
        }
        try emit(Data(Sitemap.xml(paths: paths.sorted(), baseURL: model.content.site.baseURL).utf8), to: "sitemap.xml")
        try emit(Data(Sitemap.robots(baseURL: model.content.site.baseURL).utf8), to: "robots.txt")
        progress?.finish()
        let manifest = BuildCache.Manifest(format: BuildCache.Manifest.currentFormat, tool: BuildCache.toolDigest,
                                           files: ledger.files, search: search.group, bodyEdits: nil)
        return (manifest, ledger.bytes, ledger.written, ledger.reused, stencils.filled, stencils.shapeCount, recorder, search.corpus)
    }
}
