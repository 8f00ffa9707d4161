import Foundation
import PortalModel
import PortalResolve

/// Puts the new site in place and saves the manifest the next build starts from. Without a
/// manifest while the site changes: if this is interrupted, the next build is a clean one.
package struct PublishStep: BuildStep {
    package let name = "Veröffentlichen"

    /// Swaps the finished staging folder in for the published site.
    package func run(_ build: BuildState) throws {
        let ledger = build.emitter.ledger
        var manifest = BuildCache.Manifest(format: BuildCache.Manifest.currentFormat, tool: BuildCache.toolDigest,
                                           files: ledger.files, search: build.search.group, precompressed: build.options.precompress, bodyEdits: nil)
        build.recorder.noteReadElsewhere(build.bodiesReadByOtherSteps, templates: build.templatesReadByOtherSteps)
        manifest.bodyEdits = build.recorder.record(options: build.options, theme: build.theme, snapshot: build.snapshot,
                                                   sources: build.sources, gaps: build.gaps, pageCounts: build.pageCounts, corpus: build.search.corpus,
                                                   translatedSearch: build.translatedSearchInputs, nextChange: build.nextChange)
        build.cache.invalidate()
        try build.output.commit()
        build.cache.save(manifest)
        try build.output.writeServerFiles(build.serverFiles)
        build.options.memo?.save()
        build.theme.saveMemo()
        build.report = Pipeline.Report(pageCounts: build.pageCounts, warnings: build.content.warnings, gaps: build.gaps,
                                       outputBytes: ledger.bytes, filesWritten: ledger.written, filesReused: ledger.reused,
                                       pagesFilled: build.stencilCounts.filled, pageShapes: build.stencilCounts.shapes)
    }

    /// Replaces the changed files in the published site, each by a rename: a kill at any moment
    /// leaves each file old or new, never torn, and no manifest, so the next build is a full one.
    /// New search files come first (nothing names them yet), the search page that names them
    /// after them; the old ones go last.
    package func run(_ build: BuildState, bodies edits: BodyEdits) throws {
        guard let snapshot = build.snapshot else { throw BodyEdits.Widen() }
        let ledger = build.emitter.ledger, changes = build.emitter.changes
        // A killed full build leaves its staging folder; the full build would remove it.
        build.output.removeStaleStagingFolders()
        build.cache.invalidate()
        try build.output.replaceInPlace(changes.replacements)
        for path in changes.removals {
            try? FileManager.default.removeItem(at: build.output.target.appendingPathComponent(path))
        }
        edits.record.snapshot = snapshot
        edits.record.templateDigests = build.theme.templateDigests
        for (language, search) in build.translatedSearchInputs {
            guard let input = try? JSONEncoder().encode(search.input) else { throw BodyEdits.Widen() }
            edits.record.translatedSearch[language]?.input = [UInt8](input)
            edits.record.translatedSearch[language]?.files = search.files
        }
        build.cache.save(BuildCache.Manifest(format: BuildCache.Manifest.currentFormat, tool: BuildCache.toolDigest,
                                             files: ledger.files, search: build.search.group, precompressed: build.options.precompress,
                                             bodyEdits: edits.record))
        build.theme.saveMemo()
        let record = edits.record
        let warnings = (record.sources.otherWarnings + record.sources.files.flatMap(\.warnings)).sorted(by: Diagnostic.reportOrder)
        build.report = Pipeline.Report(pageCounts: record.pageCounts, warnings: warnings, gaps: GapReport(entries: record.gaps),
                                       outputBytes: ledger.bytes, filesWritten: ledger.written, filesReused: ledger.reused,
                                       pagesFilled: build.stencilCounts.filled, pageShapes: build.stencilCounts.shapes,
                                       onlyBodiesRebuilt: true, changedTemplates: edits.templates.sorted())
    }
}
