import Foundation
import PortalLoad
import PortalModel
import PortalRender
import PortalResolve
import PortalSearch

/// What the steps of one build hand each other. Each value is set by exactly one step (named
/// beside it) and read by later ones; reading it earlier is a programming error. A build over
/// the scope of a body edit sets fewer: its steps read the last build's record instead
/// (`BodyEdits`).
package final class BuildState {
    package let options: Pipeline.Options
    package let scope: BuildScope
    /// The previous build's manifest, if this build may reuse its files.
    package let previous: BuildCache.Manifest?
    /// How the content folder looked before anything was read (for the next quick rebuild).
    package let snapshot: SourceSnapshot?
    /// For the writing steps only (`portal check` has neither).
    package var theme: Theme { value(writing?.theme, "a build that writes") }
    /// The theme of a build that writes; nil for `portal check`, which reads no theme.
    package var writingTheme: Theme? { writing?.theme }
    package var cache: BuildCache { value(writing?.cache, "a build that writes") }
    package var output: OutputFolder { value(writing?.output, "a build that writes") }
    package var emitter: Emitter { value(writing?.emitter, "a build that writes") }
    /// Collects, while pages render, what the next build over a body edit needs. Made when first
    /// used: it opens a file in the cache folder, which a build that fails earlier must not.
    package lazy var recorder = BodyEditRecorder(cacheFolder: cache.folder)
    /// The bodies read by steps whose body-edit run does not remake what they fed (`Pipeline`).
    package var bodiesReadByOtherSteps: Set<String> = []
    /// The templates those steps rendered (outside a page's own rendering).
    package var templatesReadByOtherSteps: Set<String> = []
    private let writing: (theme: Theme, cache: BuildCache, output: OutputFolder, emitter: Emitter)?

    /// `LoadStep`.
    package var content: Content { value(loaded?.content, "LoadStep") }
    package var sources: ContentSources { value(loaded?.sources, "LoadStep") }
    package var loaded: (content: Content, sources: ContentSources)?
    /// `LoadStep`: the first day after the build's date on which the content gives another site.
    package var nextChange: String?
    /// `ResolveStep`.
    package var model: SiteModel { value(resolved?.model, "ResolveStep") }
    package var answers: GemeindeAnswers { value(resolved?.answers, "ResolveStep") }
    package var gaps: GapReport { value(resolved?.gaps, "ResolveStep") }
    package var resolved: (model: SiteModel, answers: GemeindeAnswers, gaps: GapReport)?
    /// `AssetsStep`: asset template key → site path, e.g. `portal_css` → `assets/portal.1a2b….css`.
    package var assetPaths: [String: String] = [:]
    /// `SearchIndexStep`: the index files' group and the corpus they were made from.
    package var search: (group: BuildCache.SearchGroup, corpus: SearchCorpus) { value(searchIndex, "SearchIndexStep") }
    package var searchIndex: (group: BuildCache.SearchGroup, corpus: SearchCorpus)?
    /// Language → the main file of the search index in that language (spec v2), for its search page.
    package var translatedSearchIndexes: [String: String] = [:]
    /// Language → what that index was made from and its files (main first), for the quick path.
    package var translatedSearchInputs: [String: (input: SearchIndexBuilder.Input, files: [String])] = [:]
    /// `FinderDataStep`: the place list's site path, and per service slug its rules' site path.
    package var placesPath = ""
    package var rulePaths: [String: String] = [:]
    /// `OpenDataStep`: the files of `daten/` for their page.
    package var openDataFiles: [OpenDataFiles.Listing] = []
    /// `PagesStep`: the pages per type, in a stable order, and the site paths of all pages.
    package var pageCounts: [(kind: String, count: Int)] = []
    package var pagePaths: [String] = []
    package var stencilCounts = (filled: 0, shapes: 0)
    /// `ServerConfigStep`: file name and text, for the folder beside the output.
    package var serverFiles: [(name: String, text: String)] = []
    /// `PublishStep`.
    package var report: Pipeline.Report?

    /// A build that only checks the content.
    package init(checking options: Pipeline.Options) {
        self.options = options
        scope = .everything
        previous = nil
        snapshot = nil
        writing = nil
    }

    /// A build that writes the site into `options.output`.
    package init(options: Pipeline.Options, scope: BuildScope, theme: Theme, cache: BuildCache, previous: BuildCache.Manifest?, snapshot: SourceSnapshot?) {
        self.options = options
        self.scope = scope
        self.previous = previous
        self.snapshot = snapshot
        let output = OutputFolder(target: options.output)
        let strategy: Emitter.Strategy
        switch scope {
        case .everything: strategy = .staging
        case .bodies: strategy = .inPlace
        }
        writing = (theme, cache, output, Emitter(output: output, previous: previous, strategy: strategy))
    }

    private func value<T>(_ value: T?, _ step: String) -> T {
        guard let value else { preconditionFailure("\(step) must run before this step") }
        return value
    }
}
