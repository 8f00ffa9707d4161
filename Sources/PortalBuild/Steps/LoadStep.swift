import PortalLoad
import PortalModel
import PortalRender
import PortalSupport

/// Reads and validates every content file (stage 1). Throws `ContentErrors` with all problems.
package struct LoadStep: BuildStep {
    package let name = "Inhalte prüfen"
    package let remakesWhatBodiesFeed = true

    package func run(_ build: BuildState) throws {
        let options = build.options
        let (content, sources) = try ContentLoader(root: options.content, displayRoot: options.contentDisplay, memo: options.memo).loadWithSources()
        // A language the site publishes needs the theme's texts for it (i18n/<language>.yml).
        var texts = Diagnostics()
        build.writingTheme?.checkTexts(for: content.site.languages, into: &texts)
        if texts.hasErrors { throw ContentErrors(texts.items + content.warnings) }
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
        let links = sources.services.filter { onTheDay.services.contains($0.slug) }.flatMap(\.links)
            + sources.pages.filter { onTheDay.pages.contains($0.slug) }.flatMap(\.links)
        return links.compactMap { link in
            guard onTheDay.check(link.url) == .missingPage, known.check(link.url) != .missingPage else { return nil }
            return Diagnostic(path: link.location.path, line: link.location.line, column: link.location.column, severity: .warning,
                              message: "Link auf „\(link.url)“ führt am \(date) ins Leere: die Seite gilt an diesem Tag nicht (valid_from, valid_until)")
        }
    }

    /// Loads the changed files only (service files and free pages); their front matter must be
    /// unchanged and they must load without errors. Then checks every link again, as a new body
    /// may drop an anchor that another file links to. Errors are reported by the full build,
    /// with all it finds. After a template edit it also loads the files whose archived pages
    /// use a changed template, for their body part (`BodyEdits.rerendered`).
    package func run(_ build: BuildState, bodies edits: BodyEdits) throws {
        let options = build.options
        for path in edits.changedPaths {
            guard let file = edits.fileByPath[path] else { throw BodyEdits.Widen() }
            let source = edits.source(file)
            guard let edit = try Self.load(file, source: source, path: path, options: options) else { continue }
            edits.edits.append(edit)
        }
        if !edits.templates.isEmpty {
            let edited = Set(edits.edits.map { edits.bodyKey($0.file) })
            edits.rerendered += try Self.loadUnchanged(edits, options: options) { key in
                !edited.contains(key) && (edits.record.pages[key] ?? []).contains { edits.templates.contains($0.template) }
            }
        }
        try Self.loadSummaryPages(edits, options: options)
        for edit in edits.edits {
            switch (edit.file, edit.body) {
            case (.service(let i), .service(let service)):
                edits.record.sources.services[i] = edit.source
                edits.record.known.anchors[Routes.anchorKey(Routes.service(service.slug))] = KnownURLs.anchors(of: service)
            case (.page(let i), .page(let page)):
                edits.record.sources.pages[i] = edit.source
                edits.record.known.anchors[Routes.anchorKey(Routes.freePage(page.slug))] = KnownURLs.anchors(of: page)
            case (.translatedPage(let i), .page(let page)):
                edits.record.sources.translatedPages[i] = edit.source
                edits.record.known.anchors[Routes.anchorKey(Routes.freePage(page.slug))] = KnownURLs.anchors(of: page)
            case (.easyLanguage(let i), .page):
                edits.record.sources.easyLanguage[i] = edit.source
            case (.authority(let i), .authority):
                edits.record.sources.authorities[i] = edit.source
            case (.translation(let i), .translation(let t)):
                edits.record.sources.translations[i] = edit.source
                edits.record.known.anchors[Routes.anchorKey(Routes.translated(Routes.service(t.slug), t.language))] = KnownURLs.anchors(of: t)
            default:
                throw BodyEdits.Widen()
            }
        }
        var linkErrors = Diagnostics()
        edits.record.known.check(edits.record.sources.allLinks, into: &linkErrors)
        guard !linkErrors.hasErrors else { throw BodyEdits.Widen() }
    }

    /// The new summaries (`BodyEdits.summaries`), if only list items show them besides the
    /// service's own pages; and the unchanged files whose part a page that lists one of them
    /// declared, loaded again for that part (`BodyEdits.rerendered`).
    static func loadSummaryPages(_ edits: BodyEdits, options: Pipeline.Options) throws {
        for edit in edits.edits where edit.summaryChanged {
            guard case .service(let service) = edit.body,
                  !edits.record.bodiesReadElsewhere.contains(Service.summaryKey(service.slug)) else { throw BodyEdits.Widen() }
            edits.summaries[service.slug] = service.declaredSummary
        }
        let loaded = Set((edits.edits + edits.rerendered).map { edits.bodyKey($0.file) })
        var needed: Set<String> = []
        for slug in edits.summaries.keys {
            for ref in edits.record.pages[Service.summaryKey(slug)] ?? [] where !ref.partKey.isEmpty && !loaded.contains(ref.partKey) {
                needed.insert(ref.partKey)
            }
        }
        guard !needed.isEmpty else { return }
        let parts = try Self.loadUnchanged(edits, options: options) { needed.contains($0) }
        guard parts.count == needed.count else { throw BodyEdits.Widen() }
        edits.rerendered += parts
    }

    /// The files of the record whose body key `wanted` picks, loaded as they are for their part,
    /// on both cores (after an edit to the service template, that is every service file).
    /// Throws `Widen` if one does not load.
    static func loadUnchanged(_ edits: BodyEdits, options: Pipeline.Options, wanted: (String) -> Bool) throws -> [BodyEdits.Edit] {
        let files = edits.fileByPath.sorted { $0.key < $1.key }.filter { wanted(edits.bodyKey($0.value)) }
            .map { (path: $0.key, file: $0.value, source: edits.source($0.value)) }
        let loaded = ParallelMap.map(files) { f in try? Self.load(f.file, source: f.source, path: f.path, options: options, unchanged: true) }
        return try loaded.map { edit throws(BodyEdits.Widen) in
            guard let edit else { throw BodyEdits.Widen() }
            return edit
        }
    }

    /// One file of the record as it is now: nil if its body is the recorded one (unless
    /// `unchanged`, which wants it anyway). Throws `Widen` if its front matter changed or it
    /// does not load without errors.
    static func load(_ file: BodyEdits.File, source recorded: ContentSources.ServiceSource, path: String, options: Pipeline.Options,
                     unchanged: Bool = false) throws -> BodyEdits.Edit? {
        var source = recorded
        var diagnostics = Diagnostics()
        guard let text = SourceFile.read(options.content.appendingPathComponent(path), displayPath: source.display, into: &diagnostics) else { throw BodyEdits.Widen() }
        if case .authority = file {
            // Its id (the file name) and its name must stay: the name is on many pages.
            guard let authority = AuthorityLoader.load(text, id: source.slug, into: &diagnostics), !diagnostics.hasErrors else { throw BodyEdits.Widen() }
            let digests = ContentSources.authorityDigests(authority, text: text.text)
            guard digests.frontMatter == source.digests.frontMatter else { throw BodyEdits.Widen() }
            if digests.body == source.digests.body && !unchanged { return nil }
            source.digests = digests
            source.warnings = diagnostics.warnings
            return BodyEdits.Edit(file: file, body: .authority(authority), source: source)
        }
        if case .service = file {
            // The summary is digested apart from the rest of the front matter: the service is
            // loaded to find its lines.
            guard let loaded = ServiceLoader.load(text, slug: source.slug, into: &diagnostics), !diagnostics.hasErrors else { throw BodyEdits.Widen() }
            let digests = loaded.digests
            guard digests.frontMatter == source.digests.frontMatter else { throw BodyEdits.Widen() }
            let summaryChanged = digests.summary != source.digests.summary
            if digests.body == source.digests.body && !summaryChanged && !unchanged { return nil }
            source.links = loaded.internalLinks
            source.digests = digests
            source.warnings = diagnostics.warnings
            return BodyEdits.Edit(file: file, body: .service(loaded.service), source: source, summaryChanged: summaryChanged)
        }
        guard let parts = FrontMatter.split(text, into: &diagnostics) else { throw BodyEdits.Widen() }
        let digests = ServiceLoader.Digests(parts)
        guard digests.frontMatter == source.digests.frontMatter else { throw BodyEdits.Widen() }
        if digests.body == source.digests.body && !unchanged { return nil }
        let body: BodySource
        switch file {
        case .service:
            preconditionFailure("loaded above")
        case .page, .translatedPage:
            guard let (page, links, _) = PageLoader.load(text, slug: source.slug, into: &diagnostics), !diagnostics.hasErrors else { throw BodyEdits.Widen() }
            body = .page(page)
            source.links = links
        case .easyLanguage:
            guard let (page, links, _) = EasyLanguageLoader.load(text, service: String(source.slug.dropFirst(EasyLanguageLoader.pagePrefix.count)), into: &diagnostics),
                  !diagnostics.hasErrors else { throw BodyEdits.Widen() }
            body = .page(page)
            source.links = links
        case .authority:
            preconditionFailure("loaded above")
        case .translation:
            let language = BodyEdits.language(of: source.relativePath)
            guard let (translation, links, _) = TranslationLoader.load(text, slug: source.slug, language: language, into: &diagnostics),
                  !diagnostics.hasErrors else { throw BodyEdits.Widen() }
            body = .translation(translation)
            source.links = links
        }
        source.digests = digests
        source.warnings = diagnostics.warnings
        return BodyEdits.Edit(file: file, body: body, source: source)
    }
}
