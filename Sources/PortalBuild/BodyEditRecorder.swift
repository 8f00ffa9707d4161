import Foundation
import PortalLoad
import PortalModel
import PortalRender
import PortalResolve
import PortalSearch
import PortalSupport

/// Collects, while a full build runs, what the next build over a body edit needs
/// (`BodyEdits`): the contexts of pages with a declared body part, without that part
/// (`PageArchive`), and every other read of a body (`InputReads`).
package final class BodyEditRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private let archive: PageArchive.Writer
    private var searchPage: [UInt8]?
    /// The other languages' search pages' contexts, by path.
    private var translatedSearchPages: [String: [UInt8]] = [:]
    private var readElsewhere: Set<String> = []
    private var otherPageTemplates: Set<String> = []
    private var templatesElsewhere: Set<String> = []

    package init(cacheFolder: URL) {
        archive = PageArchive.Writer(folder: cacheFolder)
    }

    /// A planned page and what it read while it was planned.
    package func record(_ plan: PagePlan, reads: InputReads) {
        let bodies = reads.bodies, templates = reads.templates
        if !bodies.isEmpty || !templates.isEmpty {
            lock.withLock { readElsewhere.formUnion(bodies); templatesElsewhere.formUnion(templates) }
        }
        if plan.path == Routes.search {
            // It names the search index file, which a body edit can change.
            let bytes = ContextArchive.encode(plan.context)
            lock.withLock { searchPage = bytes }
        } else if plan.template.hasSuffix("/search") {
            // Another language's search page (`en/search`).
            let bytes = ContextArchive.encode(plan.context)
            lock.withLock { translatedSearchPages[plan.path] = bytes }
        }
        let items = reads.items.sorted()
        guard let part = plan.bodyPart else {
            lock.withLock { _ = otherPageTemplates.insert(plan.template) }
            // A list of services with their summaries: archived whole, under each summary.
            if !items.isEmpty {
                archive.append(ContextArchive.encode(plan.context), keys: items, path: plan.path, template: plan.template, kind: "", partKey: "", arguments: [])
            }
            return
        }
        let keys = Set(part.keys)
        archive.append(ContextArchive.encode(plan.context.filter { !keys.contains($0.key) }), keys: [part.slug] + items,
                       path: plan.path, template: plan.template, kind: part.kind.rawValue, partKey: part.slug, arguments: part.arguments)
    }

    /// Bodies read, and templates rendered, by steps whose body-edit run does not remake what
    /// they fed.
    package func noteReadElsewhere(_ bodies: Set<String>, templates: Set<String>) {
        lock.withLock { readElsewhere.formUnion(bodies); templatesElsewhere.formUnion(templates) }
    }

    /// The record for the manifest; also puts the page archive in place. Nil if the archive
    /// could not be written: the next build is then a full one.
    package func record(options: Pipeline.Options, theme: Theme, snapshot: SourceSnapshot?, sources: ContentSources, gaps: GapReport,
                        pageCounts: [(kind: String, count: Int)], corpus: SearchCorpus, translatedSearch: [String: (input: SearchIndexBuilder.Input, files: [String])],
                        nextChange: String?) -> BodyEditRecord? {
        lock.withLock {
            guard let snapshot, let searchPage, let known = sources.known else { return nil }
            var searches: [String: BodyEditRecord.TranslatedSearch] = [:]
            for (language, search) in translatedSearch {
                // Without its page or input the quick path could not remake it: none then.
                guard let page = translatedSearchPages[Routes.translated(Routes.search, language)],
                      let input = try? JSONEncoder().encode(search.input) else { return nil }
                searches[language] = .init(input: [UInt8](input), files: search.files, page: page)
            }
            guard let pages = archive.commit() else { return nil }
            return BodyEditRecord(contentRoot: options.content.standardizedFileURL.path, contentDisplay: options.contentDisplay,
                                  strict: options.strict, themeWithoutTemplates: theme.digestWithoutTemplates, templateDigests: theme.templateDigests,
                                  templatesOfOtherPages: otherPageTemplates, templatesReadElsewhere: templatesElsewhere, snapshot: snapshot, sources: sources,
                                  known: known, pages: pages, bodiesReadElsewhere: readElsewhere, pagesGeneration: archive.generation,
                                  searchPage: searchPage, pageCounts: pageCounts, gaps: gaps.entries, corpus: corpus,
                                  translatedSearch: searches, asOf: options.date, nextChange: nextChange)
        }
    }
}
