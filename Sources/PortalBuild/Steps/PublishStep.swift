/// Swaps the finished site in for the published one and saves the manifest the next build
/// starts from. Without a manifest while the sites are swapped: if this is interrupted, the next
/// build is a clean one.
package struct PublishStep: BuildStep {
    package let name = "Veröffentlichen"

    package func run(_ build: BuildState) throws {
        let ledger = build.emitter.ledger
        var manifest = BuildCache.Manifest(format: BuildCache.Manifest.currentFormat, tool: BuildCache.toolDigest,
                                           files: ledger.files, search: build.search.group, bodyEdits: nil)
        manifest.bodyEdits = build.recorder.record(options: build.options, theme: build.theme, snapshot: build.snapshot, model: build.model,
                                                   sources: build.sources, gaps: build.gaps, pageCounts: build.pageCounts, corpus: build.search.corpus)
        build.cache.invalidate()
        try build.output.commit()
        build.cache.save(manifest)
        build.options.memo?.save()
        build.report = Pipeline.Report(pageCounts: build.pageCounts, warnings: build.content.warnings, gaps: build.gaps,
                                       outputBytes: ledger.bytes, filesWritten: ledger.written, filesReused: ledger.reused,
                                       pagesFilled: build.stencilCounts.filled, pageShapes: build.stencilCounts.shapes)
    }
}
