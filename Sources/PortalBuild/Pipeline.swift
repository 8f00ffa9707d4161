import CMemory
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
        /// Parse results kept in memory between builds of one process (`portal serve`). Nil for a
        /// single build, which then reads and leaves them in the build cache (`parse.bin`).
        public var memo: ParseMemo?
        /// Writes `.br` and `.gz` beside the text files (`PrecompressStep`).
        public var precompress = true
        /// The day the site is built for (`YYYY-MM-DD`): what applies on it is published
        /// (`Content.on`). Today in Germany unless given.
        public var date = Validity.today()

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
        /// Only service bodies had changed, or templates only their pages use, and the steps
        /// remade only what they feed (`BuildScope.bodies`).
        public var onlyBodiesRebuilt = false
        /// The templates such a build found changed (`BodyEdits.templates`), sorted.
        public var changedTemplates: [String] = []
    }

    /// The steps of a full build, in order: the table of contents of the tool.
    package static let checkSteps: [any BuildStep] = [LoadStep(), ResolveStep()]
    package static let writeSteps: [any BuildStep] = [AssetsStep(), SearchIndexStep(), FinderDataStep(), OpenDataStep(), SignLanguageStep(), PagesStep(), SitemapStep(), PrecompressStep(), ServerConfigStep(), PublishStep()]

    /// Stages 1 and 2 only: validates the content and computes the gaps. Throws with all errors.
    public static func check(content: URL, display: String, strict: Bool, memo: ParseMemo? = nil, date: String = Validity.today()) throws(ContentErrors) -> (SiteModel, GapReport) {
        var options = Options(content: content, contentDisplay: display, templates: nil, templatesDisplay: nil, output: content, strict: strict, incremental: false)
        options.memo = memo
        options.date = date
        let build = BuildState(checking: options)
        do {
            for step in checkSteps { try step.run(build) }
        } catch let errors as ContentErrors {
            throw errors
        } catch {
            preconditionFailure("the checking steps throw content errors only: \(error)")
        }
        return (build.model, build.gaps)
    }

    public static func build(_ options: Options) throws -> Report {
        var options = options
        options.progress?.phase(checkSteps[0].name)
        let cache = BuildCache(output: options.output)
        // The last build's manifest (megabytes with the body-edit record) is decoded on another
        // core while this one stamps the content and loads the theme (parsing its templates).
        let loading = options.incremental ? BackgroundWork { PreviousManifest(manifest: cache.load()) } : nil
        // Stamped before anything is read: a file changed while this build reads it counts as
        // changed for the next one.
        let snapshot = SourceSnapshot.take(options.content)
        let theme = try Theme.load(overrides: options.templates, displayPath: options.templatesDisplay,
                                   memo: ThemeMemo(file: cache.themeFile, salt: BuildCache.toolDigest, reuse: options.incremental))
        let previous = loading?.result().manifest
        if let previous, let edits = BodyEdits.find(options, theme: theme, snapshot: snapshot, previous: previous) {
            let build = BuildState(options: options, scope: .bodies(edits), theme: theme, cache: cache, previous: previous, snapshot: snapshot)
            do {
                try run(checkSteps + writeSteps, build)
                options.progress?.finish()
                return try report(of: build)
            } catch is BodyEdits.Widen {
                options.progress?.phase(checkSteps[0].name)
            }
        }
        // What the last build parsed, by file: only files whose text changed are parsed again.
        // `portal serve` brings its own memo, kept in memory between its builds.
        if options.memo == nil {
            // A clean build parses everything, and leaves its results for the next build.
            options.memo = ParseMemo.persistent(at: cache.parseFile, tool: BuildCache.toolDigest, reuse: options.incremental)
        }
        let build = BuildState(options: options, scope: .everything, theme: theme, cache: cache, previous: previous, snapshot: snapshot)
        do {
            try run(checkSteps, build)
            try build.output.prepare()
            do {
                try run(writeSteps, build, first: false)
            } catch {
                build.output.discard()
                throw error
            }
        } catch {
            options.memo?.discard()
            throw error
        }
        options.progress?.finish()
        return try report(of: build)
    }

    /// Runs `steps` over the build's scope, naming each on the progress line (the first step of
    /// a build is named before the build looks at the content).
    private static func run(_ steps: [any BuildStep], _ build: BuildState, first: Bool = true) throws {
        for (n, step) in steps.enumerated() {
            if !step.reportsProgress, !(first && n == 0) { build.options.progress?.phase(step.name) }
            switch build.scope {
            case .everything where step.remakesWhatBodiesFeed:
                try step.run(build)
            case .everything:
                // What this step read of service bodies: after an edit to one of them, the step
                // would have to run over everything again.
                let (_, reads) = try InputReads.recording { try step.run(build) }
                let prefix = Authority.detailsKey("")
                build.bodiesReadByOtherSteps.formUnion(step.remakesWhatAuthorityDetailsFeed ? reads.bodies.filter { !$0.hasPrefix(prefix) } : reads.bodies)
                build.templatesReadByOtherSteps.formUnion(reads.templates)
            case .bodies(let edits):
                try step.run(build, bodies: edits)
            }
            // What a step of a full build freed (the rules' table, the search tokens) goes back to
            // the system, not only to the allocator, whose free blocks would otherwise stay in the
            // peak beside the next step's: 7 MB less at 2,000 services with a rule per Gemeinde,
            // no slower. A quick build holds little, and each trim walks the heap.
            if case .everything = build.scope { portal_release_free_memory() }
        }
    }

    private static func report(of build: BuildState) throws -> Report {
        guard let report = build.report else { preconditionFailure("PublishStep makes the report") }
        return report
    }
}

/// The last build's manifest, handed from the thread that decoded it to the build, which alone
/// uses it from then on.
private struct PreviousManifest: @unchecked Sendable {
    let manifest: BuildCache.Manifest?
}
