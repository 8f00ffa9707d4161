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
        var dated = content.on(options.date)
        dated.warnings = (dated.warnings + Self.linksAwayOnTheDay(content, dated, sources, date: options.date)).sorted(by: Diagnostic.reportOrder)
        build.loaded = (dated, sources)
    }

    /// Links of the texts shown on the day to services or pages that do not apply on it: valid
    /// content (another day the target exists), but a dead link for citizens on this one.
    static func linksAwayOnTheDay(_ all: Content, _ dated: Content, _ sources: ContentSources, date: String) -> [Diagnostic] {
        guard dated.services.count != all.services.count || dated.pages.count != all.pages.count, let known = sources.known else { return [] }
        var onTheDay = known
        onTheDay.services = Set(dated.services.map(\.slug))
        onTheDay.pages = Set(dated.pages.map(\.slug))
        let links = sources.services.filter { onTheDay.services.contains($0.slug) }.flatMap(\.links) + sources.pageLinks
        return links.compactMap { link in
            guard onTheDay.check(link.url) == .missingPage, known.check(link.url) != .missingPage else { return nil }
            return Diagnostic(path: link.location.path, line: link.location.line, column: link.location.column, severity: .warning,
                              message: "Link auf „\(link.url)“ führt am \(date) ins Leere: die Seite gilt an diesem Tag nicht (valid_from, valid_until)")
        }
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
