import Foundation
import PortalLoad
import PortalModel
import PortalRender
import PortalResolve
import PortalSearch
import PortalSupport

/// The quick rebuild after the most common change: editors rewording the body of a service.
///
/// A service body feeds exactly four things: the service's page (its sections), its form page
/// (the documents the stub asks for), the search index, and the anchors other files may link to.
/// Everything else on those pages comes from the front matter and from other files. So when the
/// only files that changed are service files, and only below their front matter, the build
/// parses just those files, checks all links again, updates the search index's documents
/// (`SearchCorpus`), renders the two pages of each from their cached contexts plus the new body
/// keys, and replaces those files in the published site one by one (each by rename).
///
/// Anything else — another file changed, added, removed or renamed, a front matter edit, an
/// error, another theme or binary, a cache that does not fit — returns nil, and the full
/// (incremental) build runs. The tests compare the result with a clean build byte for byte.
package enum BodyEditBuild {
    /// Collects, while a full build renders, what the next body edit needs.
    package final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private let archive: PageArchive.Writer
        private var searchPage: [UInt8]?

        package init(cacheFolder: URL) {
            archive = PageArchive.Writer(folder: cacheFolder)
        }

        package func record(_ job: PageJob, _ plan: PagePlan, model: SiteModel) {
            let slug: String, bodyKeys: Set<String>
            switch job {
            case .service(let i): slug = model.content.services[i].slug; bodyKeys = PageRenderer.serviceBodyKeyNames
            case .form(let i): slug = model.content.services[i].slug; bodyKeys = PageRenderer.formBodyKeyNames
            case .search:
                let bytes = ContextArchive.encode(plan.context)
                lock.withLock { searchPage = bytes }
                return
            default: return
            }
            archive.append(ContextArchive.encode(plan.context.filter({ !bodyKeys.contains($0.key) })), key: slug, path: plan.path, template: plan.template)
        }

        /// Also puts the page archive in place. Nil if the archive could not be written: the next
        /// build is then a full one.
        package func record(options: Pipeline.Options, theme: Theme, snapshot: SourceSnapshot?, model: SiteModel, sources: ContentSources, gaps: GapReport,
                    pageCounts: [(kind: String, count: Int)], corpus: SearchCorpus) -> BodyEditRecord? {
            lock.withLock {
                guard let snapshot, let searchPage, let known = sources.known, let pages = archive.commit(),
                      pages.count == model.content.services.count, pages.values.allSatisfy({ $0.count == 2 }) else { return nil }
                return BodyEditRecord(contentRoot: options.content.standardizedFileURL.path, contentDisplay: options.contentDisplay,
                                      strict: options.strict, themeDigest: theme.digest, snapshot: snapshot, sources: sources,
                                      known: known, pages: pages, pagesGeneration: archive.generation,
                                      searchPage: searchPage, pageCounts: pageCounts, gaps: gaps.entries, corpus: corpus)
            }
        }
    }

    /// One changed service file.
    private struct Edit {
        package var index: Int
        package var service: Service
        package var source: ContentSources.ServiceSource
    }

    /// Rebuilds after body edits, or returns nil if the change is something else.
    package static func run(_ options: Pipeline.Options, theme: Theme, snapshot: SourceSnapshot?, previous: BuildCache.Manifest,
                    cache: BuildCache) throws -> Pipeline.Report? {
        guard var record = previous.bodyEdits, let snapshot, let search = previous.search,
              record.contentRoot == options.content.standardizedFileURL.path, record.contentDisplay == options.contentDisplay,
              record.strict == options.strict, record.themeDigest == theme.digest,
              let changedPaths = snapshot.changed(since: record.snapshot) else { return nil }

        // The published site must be as the last build left it (a deleted or truncated file is
        // written again by the full build), checked by size as the full build does.
        let output = OutputFolder(target: options.output)
        guard output.hasFiles(previous.files) else { return nil }
        // A killed full build leaves its staging folder; the full build would remove it.
        output.removeStaleStagingFolders()

        // Stage 1, for the changed files only: they must be service files whose front matter is
        // unchanged, and they must load without errors.
        var indexByPath: [String: Int] = [:]
        for (i, source) in record.sources.services.enumerated() { indexByPath[source.relativePath] = i }
        var edits: [Edit] = []
        for path in changedPaths {
            guard let i = indexByPath[path] else { return nil }
            var source = record.sources.services[i]
            var diagnostics = Diagnostics()
            guard let file = SourceFile.read(options.content.appendingPathComponent(path), displayPath: source.display, into: &diagnostics),
                  let parts = FrontMatter.split(file, into: &diagnostics) else { return nil }
            let digests = ServiceLoader.Digests(parts)
            guard digests.frontMatter == source.digests.frontMatter else { return nil }
            if digests.body == source.digests.body { continue }
            guard let loaded = ServiceLoader.load(file, slug: source.slug, into: &diagnostics), !diagnostics.hasErrors else { return nil }
            source.digests = digests
            source.links = loaded.internalLinks
            source.warnings = diagnostics.warnings
            edits.append(Edit(index: i, service: loaded.service, source: source))
        }
        options.progress?.phase("Geänderte Leistungstexte")
        for edit in edits {
            record.sources.services[edit.index] = edit.source
            record.known.anchors[Routes.anchorKey(Routes.service(edit.service.slug))] = KnownURLs.anchors(of: edit.service)
        }
        // Stage 2 for all files: the links, as the new anchors may break one; errors are
        // reported by the full build, with everything else it finds.
        var linkErrors = Diagnostics()
        record.known.check(record.sources.services.flatMap(\.links) + record.sources.pageLinks, into: &linkErrors)
        guard !linkErrors.hasErrors else { return nil }

        // Stage 3: the search index and the pages, in memory first.
        var searchFiles: SearchIndexBuilder.Files?
        for edit in edits {
            guard let d = record.corpus.index(of: Routes.service(edit.service.slug)) else { return nil }
            record.corpus.updateBody(d, sections: edit.service.sections.map { .init(title: $0.title, text: $0.text) })
        }
        let searchFingerprint = record.corpus.fingerprint
        if searchFingerprint != search.fingerprint { searchFiles = record.corpus.files() }

        let stencils = PageStencils(theme: theme)
        var pages: [(path: String, fingerprint: String, html: String)] = []
        func render(_ context: Context, path: String, template: String) {
            let shape = Shape(context, template: template)
            let fingerprint = PageRenderer.fingerprint(template: template, shape: shape, theme: theme).hex
            let plan = PagePlan(path: path, template: template, context: context, gemeinde: nil)
            pages.append((plan.filePath, fingerprint, stencils.render(context, template: template, shape: shape)))
        }
        for edit in edits {
            guard let refs = record.pages[edit.service.slug],
                  let archived = PageArchive.read(refs, generation: record.pagesGeneration, in: cache.folder) else { return nil }
            for (page, bytes) in zip(refs, archived) {
                guard var context = try? ContextArchive.decode(bytes) else { return nil }
                switch page.template {
                case "service": context.merge(PageRenderer.serviceBodyKeys(edit.service)) { _, body in body }
                case "form": context.merge(PageRenderer.formBodyKeys(edit.service, connected: context["connected"] == .bool(true))) { _, body in body }
                default: return nil
                }
                render(context, path: page.path, template: page.template)
            }
        }

        // Stage 4: replace the files in the published site. Without a manifest from here until
        // the new one is saved: if this is interrupted, the next build is a full one.
        var files = previous.files
        var replaced: [(path: String, data: Data)] = []
        var group = search
        if let searchFiles {
            guard let searchPageContext = try? ContextArchive.decode(record.searchPage) else { return nil }
            let (newGroup, sizes) = try SearchIndex.write(searchFiles, fingerprint: searchFingerprint) { data, path throws(OutputFolder.WriteError) in
                // Named by content hash: a file of that name is already this file.
                if files[path]?.size != data.count || output.publishedSize(of: path) != data.count { replaced.append((path, data)) }
            }
            group = newGroup
            for path in search.files where sizes[path] == nil { files[path] = nil }
            for (path, size) in sizes { files[path] = BuildCache.Entry(fingerprint: "search:" + searchFingerprint, size: size) }
            render(PageRenderer.pointingToSearchIndex(searchPageContext, at: newGroup.main), path: Routes.search, template: "search")
        }
        for page in pages {
            if let entry = files[page.path], entry.fingerprint == page.fingerprint, page.fingerprint != "-",
               output.publishedSize(of: page.path) == entry.size { continue }
            replaced.append((page.path, Data(page.html.utf8)))
            files[page.path] = BuildCache.Entry(fingerprint: page.fingerprint, size: page.html.utf8.count)
        }
        cache.invalidate()
        // New search files first (nothing refers to them yet), the search page that names them last.
        try output.replaceInPlace(replaced)
        for path in search.files where files[path] == nil {
            try? FileManager.default.removeItem(at: output.target.appendingPathComponent(path))
        }
        record.snapshot = snapshot
        cache.save(BuildCache.Manifest(format: BuildCache.Manifest.currentFormat, tool: BuildCache.toolDigest,
                                       files: files, search: group, bodyEdits: record))
        options.progress?.finish()
        let warnings = (record.sources.otherWarnings + record.sources.services.flatMap(\.warnings)).sorted(by: Diagnostic.reportOrder)
        return Pipeline.Report(pageCounts: record.pageCounts, warnings: warnings, gaps: GapReport(entries: record.gaps),
                                  outputBytes: files.values.reduce(0) { $0 + $1.size }, filesWritten: replaced.count,
                                  filesReused: files.count - replaced.count, pagesFilled: stencils.filled, pageShapes: stencils.shapeCount,
                                  onlyBodiesRebuilt: true)
    }
}
