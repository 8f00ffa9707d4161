import PortalLoad
import PortalModel

/// Reads and validates every content file (stage 1). Throws `ContentErrors` with all problems.
package struct LoadStep: BuildStep {
    package let name = "Inhalte prüfen"
    package let remakesWhatBodiesFeed = true

    package func run(_ build: BuildState) throws {
        let options = build.options
        let (content, sources) = try ContentLoader(root: options.content, displayRoot: options.contentDisplay, memo: options.memo).loadWithSources()
        // Everything is validated; what the site shows is what applies on the build's date.
        build.nextChange = content.nextChange(after: options.date)
        build.loaded = (content.on(options.date), sources)
    }

    /// Loads the changed service files only; their front matter must be unchanged and they must
    /// load without errors. Then checks every link again, as a new body may drop an anchor that
    /// another file links to. Errors are reported by the full build, with all it finds.
    package func run(_ build: BuildState, bodies edits: BodyEdits) throws {
        let options = build.options
        for path in edits.changedPaths {
            guard let i = edits.indexByPath[path] else { throw BodyEdits.Widen() }
            var source = edits.record.sources.services[i]
            var diagnostics = Diagnostics()
            guard let file = SourceFile.read(options.content.appendingPathComponent(path), displayPath: source.display, into: &diagnostics),
                  let parts = FrontMatter.split(file, into: &diagnostics) else { throw BodyEdits.Widen() }
            let digests = ServiceLoader.Digests(parts)
            guard digests.frontMatter == source.digests.frontMatter else { throw BodyEdits.Widen() }
            if digests.body == source.digests.body { continue }
            guard let loaded = ServiceLoader.load(file, slug: source.slug, into: &diagnostics), !diagnostics.hasErrors else { throw BodyEdits.Widen() }
            source.digests = digests
            source.links = loaded.internalLinks
            source.warnings = diagnostics.warnings
            edits.edits.append(BodyEdits.Edit(index: i, service: loaded.service, source: source))
        }
        for edit in edits.edits {
            edits.record.sources.services[edit.index] = edit.source
            edits.record.known.anchors[Routes.anchorKey(Routes.service(edit.service.slug))] = KnownURLs.anchors(of: edit.service)
        }
        var linkErrors = Diagnostics()
        edits.record.known.check(edits.record.sources.services.flatMap(\.links) + edits.record.sources.pageLinks, into: &linkErrors)
        guard !linkErrors.hasErrors else { throw BodyEdits.Widen() }
    }
}
