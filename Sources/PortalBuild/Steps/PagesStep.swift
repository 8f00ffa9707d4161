import PortalModel
import PortalRender
import PortalResolve
import PortalSupport

/// Renders and writes every page. A page whose fingerprint the previous build recorded is taken
/// over instead; Gemeinde pages are fingerprinted first, because their rows (`GemeindeRows`) are
/// worth rendering only if some Gemeinde page changed.
package struct PagesStep: BuildStep {
    package let name = "Seiten"
    package let reportsProgress = true

    /// The data files the pages' scripts load: the search index (per language), places, authorities.
    static func dataPaths(_ build: BuildState) -> [String: String] {
        var paths = ["search": build.search.group.main, "places": build.placesPath, "authorities": Routes.authorityCards]
        for (language, main) in build.translatedSearchIndexes { paths["search-" + language] = main }
        return paths
    }

    package func run(_ build: BuildState) throws {
        let model = build.model, answers = build.answers, theme = build.theme
        let emitter = build.emitter, recorder = build.recorder, progress = build.options.progress
        let stencils = PageStencils(theme: theme)
        var made = PageRenderer(model: model, answers: answers, theme: theme, assetPaths: build.assetPaths,
                                dataPaths: Self.dataPaths(build), rulePaths: build.rulePaths, stencils: stencils)
        made.openDataFiles = build.openDataFiles
        let renderer = made
        let jobs = PageJob.all(for: model)
        progress?.phase(name, total: jobs.count)
        let rowsDigest = GemeindeRows.inputDigest(model: model)
        // Their plans are made again in the page loop: keeping 10,981 of them (Germany) costs
        // ~85 MiB, planning them twice a fraction of a second.
        let gemeindePlans = jobs.filter { if case .place(let i) = $0 { return model.content.regions[i].level == .gemeinde }; return false }
        let gemeindeFingerprints = ParallelMap.map(gemeindePlans) { job -> (String, String?) in
            let plan = renderer.plan(job)
            return (plan.filePath, renderer.fingerprint(plan, shape: Shape(plan.context, template: plan.template), rowsDigest: rowsDigest, answers: answers))
        }
        let knownFingerprints = Dictionary(gemeindeFingerprints, uniquingKeysWith: { a, _ in a })
        let needsRows = gemeindeFingerprints.contains { path, fingerprint in fingerprint == nil || emitter.previous[path]?.fingerprint != fingerprint }
        let rows: GemeindeRows? = needsRows ? GemeindeRows(model: model, theme: theme, answers: answers) : nil

        // Each page is rendered and written by one worker; nothing is kept in memory after it is
        // written. After the first failed write (a full disk) the remaining pages are skipped.
        let results = ParallelMap.map(jobs) { job -> Result<String, OutputFolder.WriteError>? in
            if emitter.hasStopped { return nil }
            defer { progress?.step() }
            // What the plan read of service bodies is recorded with it (`BodyEditRecorder`).
            let (plan, reads) = InputReads.recording { renderer.plan(job) }
            recorder.record(plan, reads: reads)
            let path = plan.filePath
            let shape = plan.gemeinde == nil ? Shape(plan.context, template: plan.template) : nil
            let fingerprint = knownFingerprints[path] ?? renderer.fingerprint(plan, shape: shape, rowsDigest: rowsDigest, answers: answers)
            do throws(OutputFolder.WriteError) {
                // The page's own template is kept with the page in the record; anything else rendered is
                // recorded as read elsewhere (`BodyEditRecorder`).
                try emitter.emitPage(path, fingerprint: fingerprint) { InputReads.declared { renderer.html(plan, shape: shape, rows: rows) } }
                return .success(plan.path)
            } catch {
                return .failure(error)
            }
        }
        if let failure = results.lazy.compactMap({ result -> OutputFolder.WriteError? in
            if case .failure(let error)? = result { return error }
            return nil
        }).first { throw failure }
        for case let result? in results { build.pagePaths.append(try result.get()) }
        var counts: [(kind: String, count: Int)] = []
        for job in jobs {
            if let i = counts.firstIndex(where: { $0.kind == job.kind }) { counts[i].count += 1 } else { counts.append((job.kind, 1)) }
        }
        build.pageCounts = counts
        build.stencilCounts = (stencils.filled, stencils.shapeCount)
    }

    /// Remakes the pages that declared a part made from an edited body: the archived rest of
    /// their context with that part made anew; after a template edit, the same for the pages
    /// of that template; after a summary edit, the pages that list the service, with the new
    /// summary in its items; and the search page if the index file it names changed.
    package func run(_ build: BuildState, bodies edits: BodyEdits) throws {
        let theme = build.theme, record = edits.record
        // Each page once, however many edits reach it (a service's form page both lists it and
        // declares its fields), with the summaries it lists.
        // `unless`: a page wanted only for summaries its template may show only through `{{.}}`
        // in sections of these names is kept if no value under them holds an object.
        var wanted: [(ref: PageArchive.Ref, summaries: [String: String], unless: Set<String>?)] = []
        var position: [String: Int] = [:]
        func want(_ ref: PageArchive.Ref, summary: (slug: String, text: String)? = nil, unless: Set<String>? = nil) {
            let i = position[ref.path] ?? {
                wanted.append((ref, [:], unless))
                position[ref.path] = wanted.count - 1
                return wanted.count - 1
            }()
            if let summary { wanted[i].summaries[summary.slug] = summary.text }
            if let known = wanted[i].unless { wanted[i].unless = unless.map(known.union) }
        }
        for edit in edits.edits { for ref in record.pages[edit.body.key] ?? [] { want(ref) } }
        for edit in edits.rerendered { for ref in record.pages[edit.body.key] ?? [] where edits.templates.contains(ref.template) { want(ref) } }
        // A page whose template cannot show the summaries of its items (the built-in A–Z,
        // authority and form pages) is what it was; its file stays.
        var showing: [String: Theme.Showing] = [:]
        for (slug, summary) in edits.summaries.sorted(by: { $0.key < $1.key }) {
            for ref in record.pages[Service.summaryKey(slug)] ?? [] {
                let shows = showing[ref.template] ?? theme.showing("summary", template: ref.template)
                showing[ref.template] = shows
                switch shows {
                case _ where edits.templates.contains(ref.template): want(ref, summary: (slug, summary))
                case .maybe: want(ref, summary: (slug, summary))
                case .throughSections(let names): want(ref, summary: (slug, summary), unless: names)
                case .never: if position[ref.path] != nil { want(ref, summary: (slug, summary)) }
                }
            }
        }
        var bodies: [String: BodySource] = [:]
        for edit in edits.rerendered + edits.edits { bodies[edit.body.key] = edit.body }
        let sources = bodies
        // Archived pages are read and made in the workers: after an edit to a summary that
        // hundreds of authority pages list, holding all their contexts at once cost more memory
        // than a full build.
        enum Work: Sendable {
            case archived(PageArchive.Ref, summaries: [String: String], unless: Set<String>?)
            case made(PagePlan)
        }
        var plans = wanted.map { Work.archived($0.ref, summaries: $0.summaries, unless: $0.unless) }
        let index = build.search.group.main
        if index != build.previous?.search?.main {
            guard let context = try? ContextArchive.decode(record.searchPage) else { throw BodyEdits.Widen() }
            plans.append(.made(PagePlan(path: Routes.search, template: "search", context: PageRenderer.pointingToSearchIndex(context, at: index))))
        }
        for (language, search) in record.translatedSearch {
            guard let main = build.translatedSearchIndexes[language], main != search.files.first else { continue }
            guard let context = try? ContextArchive.decode(search.page) else { throw BodyEdits.Widen() }
            plans.append(.made(PagePlan(path: Routes.translated(Routes.search, language), template: Theme.template("search", language: language),
                                        context: PageRenderer.pointingToSearchIndex(context, at: main))))
        }
        let texts = theme.texts, generation = record.pagesGeneration, folder = build.cache.folder
        /// The page to render, or nil if it stays as it is.
        @Sendable func make(_ work: Work) throws(BodyEdits.Widen) -> PagePlan? {
            let (ref, summaries, unless): (PageArchive.Ref, [String: String], Set<String>?)
            switch work {
            case .made(let plan): return plan
            case .archived(let r, let s, let u): (ref, summaries, unless) = (r, s, u)
            }
            guard let bytes = PageArchive.read([ref], generation: generation, in: folder)?.first,
                  var context = try? ContextArchive.decode(bytes) else { throw BodyEdits.Widen() }
            if let unless, PageRenderer.holdsOnlyTexts(under: unless, in: context) { return nil }
            if !ref.kind.isEmpty {
                guard let kind = BodyPart.Kind(rawValue: ref.kind), let source = sources[ref.partKey],
                      let part = PageRenderer.bodyKeys(kind, of: source, texts: texts, arguments: ref.arguments) else { throw BodyEdits.Widen() }
                context.merge(part) { _, body in body }
            }
            if !summaries.isEmpty { context = PageRenderer.withSummaries(context, summaries) }
            return PagePlan(path: ref.path, template: ref.template, context: context)
        }
        let stencils = PageStencils(theme: theme), progress = build.options.progress
        progress?.phase(name, total: plans.count)
        // A few pages after a body edit; after an edit to the service template, thousands.
        let emitter = build.emitter
        let failures = ParallelMap.map(plans) { work -> (any Error)? in
            defer { progress?.step() }
            do {
                guard let plan = try make(work) else { return nil }
                let shape = Shape(plan.context, template: plan.template)
                let fingerprint = PageRenderer.fingerprint(template: plan.template, shape: shape, theme: theme).hex
                try emitter.emitPage(plan.filePath, fingerprint: fingerprint) { stencils.render(plan.context, template: plan.template, shape: shape) }
                return nil
            } catch {
                return error
            }
        }
        // A page that cannot be made from the archive sends the build down the full path;
        // nothing is published before `PublishStep`.
        if let widen = failures.lazy.compactMap({ $0 as? BodyEdits.Widen }).first { throw widen }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        build.pageCounts = record.pageCounts
        build.stencilCounts = (stencils.filled, stencils.shapeCount)
    }
}
