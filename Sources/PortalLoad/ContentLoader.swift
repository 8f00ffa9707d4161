import Foundation
import PortalModel
import PortalSupport

/// Stage 1: loads and validates a whole content tree. Every problem of the run is collected;
/// the result is either a complete, consistent `Content` or `ContentErrors` with all of them.
public struct ContentLoader: Sendable {
    public let root: URL
    /// How paths are shown in messages (the folder as the user named it, e.g. `Content`).
    public let displayRoot: String
    /// Parse results of earlier builds (`ParseMemo`: in memory for `portal serve`, `parse.bin`
    /// for `portal build`), if any.
    public let memo: ParseMemo?

    public init(root: URL, displayRoot: String, memo: ParseMemo? = nil) {
        self.root = root
        self.displayRoot = displayRoot.hasSuffix("/") ? String(displayRoot.dropLast()) : displayRoot
        self.memo = memo
    }

    package func display(_ relative: String) -> String { displayRoot.isEmpty || displayRoot == "." ? relative : "\(displayRoot)/\(relative)" }

    public func load() throws(ContentErrors) -> Content {
        try loadWithSources().content
    }

    /// The content and what the loader saw of each file (for the quick rebuild after body edits).
    package func loadWithSources() throws(ContentErrors) -> (content: Content, sources: ContentSources) {
        var diagnostics = Diagnostics()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ContentErrors([Diagnostic(path: displayRoot, line: 1, column: 1, message: "Inhaltsordner nicht gefunden")])
        }

        // site.yml
        var site: Site?
        if let file = readRequired("site.yml", into: &diagnostics) { site = SiteLoader.load(file, into: &diagnostics) }

        // topics.yml (optional: the 14 OZG Themenfelder are the default)
        var topics = Topics.ozgDefault
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("topics.yml").path),
           let file = SourceFile.read(root.appendingPathComponent("topics.yml"), displayPath: display("topics.yml"), into: &diagnostics) {
            topics = TopicsLoader.load(file, into: &diagnostics) ?? topics
        }

        // forms/*.xdf.xml: read in the background while the services are parsed.
        let displayRoot = self.displayRoot
        let formSchemasLoader = FormSchemasLoader(root: root, display: { displayRoot.isEmpty || displayRoot == "." ? $0 : "\(displayRoot)/\($0)" })
        let schemasAhead = BackgroundWork { formSchemasLoader.readAhead() }

        // services/*.md, in parallel: each file is independent. Texts in Leichte Sprache
        // (<slug>.ls.md) and translations (<slug>.en.md) are set aside, read below.
        let (serviceFiles, variantFiles) = listFiles(in: "services", extension: "md", aside: [EasyLanguageLoader.suffix, ".en.md"], into: &diagnostics)
        let loadedServices = ParallelMap.map(serviceFiles) { entry -> (ServiceLoader.Loaded?, Diagnostics) in
            var read = Diagnostics()
            guard let file = SourceFile.read(entry.url, displayPath: entry.display, into: &read) else { return (nil, read) }
            let parse = { () -> Parsed<ServiceLoader.Loaded> in
                var local = Diagnostics()
                return Parsed(ServiceLoader.load(file, slug: entry.slug, into: &local), local)
            }
            let parsed = memo?.value("service:" + file.path + ":" + entry.slug, input: file.text, make: parse) ?? parse()
            read.append(contentsOf: parsed.diagnostics)
            return (parsed.value, read)
        }
        var services: [ServiceLoader.Loaded] = []
        var sources = ContentSources()
        for ((loaded, local), entry) in zip(loadedServices, serviceFiles) {
            diagnostics.append(contentsOf: local)
            if let loaded {
                services.append(loaded)
                sources.services.append(.init(slug: entry.slug, relativePath: "services/\(entry.url.lastPathComponent)", display: entry.display,
                                              digests: loaded.digests, links: loaded.internalLinks, warnings: local.warnings))
            }
        }
        if serviceFiles.isEmpty {
            diagnostics.error(SourceLocation(path: display("services")), "keine Leistungen gefunden (services/<slug>.md)")
        }

        // services/<slug>.ls.md: the service's text in Leichte Sprache (spec v2), only beside its service.
        var easyLanguage: [String: Page] = [:]
        let loadedSlugs = Set(serviceFiles.map(\.slug))
        // Their links are checked with everyone else's, below.
        for entry in variantFiles[EasyLanguageLoader.suffix] ?? [] {
            guard loadedSlugs.contains(entry.slug) else {
                diagnostics.error(SourceLocation(path: entry.display), "Text in Leichter Sprache ohne Leistung: services/\(entry.slug).md fehlt\(Suggestion.hint(for: entry.slug, in: loadedSlugs.sorted()))")
                continue
            }
            guard let file = SourceFile.read(entry.url, displayPath: entry.display, into: &diagnostics) else { continue }
            var local = Diagnostics()
            let loaded = EasyLanguageLoader.load(file, service: entry.slug, into: &local)
            diagnostics.append(contentsOf: local)
            if let (page, links, digests) = loaded {
                easyLanguage[entry.slug] = page
                sources.easyLanguage.append(.init(slug: page.slug, relativePath: "services/\(entry.url.lastPathComponent)", display: entry.display,
                                                  digests: digests, links: links, warnings: local.warnings))
            }
        }
        // services/<slug>.en.md: the service in English (spec v2), published when site.yml names
        // the language; otherwise said, not silently dropped.
        var translations: [String: [String: ServiceTranslation]] = [:]
        var translatedPages: [String: [String: Page]] = [:]
        for entry in variantFiles[".en.md"] ?? [] {
            guard site?.languages.contains("en") == true else {
                diagnostics.warning(SourceLocation(path: entry.display), "englische Übersetzung wird nicht veröffentlicht: site.yml nennt „en“ nicht unter „languages“; die Datei wird ignoriert")
                continue
            }
            guard loadedSlugs.contains(entry.slug) else {
                diagnostics.error(SourceLocation(path: entry.display), "Übersetzung ohne Leistung: services/\(entry.slug).md fehlt\(Suggestion.hint(for: entry.slug, in: loadedSlugs.sorted()))")
                continue
            }
            guard let file = SourceFile.read(entry.url, displayPath: entry.display, into: &diagnostics) else { continue }
            var local = Diagnostics()
            let loaded = TranslationLoader.load(file, slug: entry.slug, language: "en", into: &local)
            diagnostics.append(contentsOf: local)
            if let (translation, links, digests) = loaded {
                translations["en", default: [:]][entry.slug] = translation
                sources.translations.append(.init(slug: entry.slug, relativePath: "services/\(entry.url.lastPathComponent)", display: entry.display,
                                                  digests: digests, links: links, warnings: local.warnings))
                if let german = services.first(where: { $0.service.slug == entry.slug })?.service {
                    TranslationLoader.check(translation.form, of: german, file: entry.display, into: &diagnostics)
                }
            }
        }

        // authorities/*.yml
        var authorities: [String: Authority] = [:]
        let authorityFiles = listFiles(in: "authorities", extension: "yml", into: &diagnostics)
        for entry in authorityFiles {
            guard let file = SourceFile.read(entry.url, displayPath: entry.display, into: &diagnostics) else { continue }
            let parse = { () -> Parsed<Authority> in
                var local = Diagnostics()
                return Parsed(AuthorityLoader.load(file, id: entry.slug, into: &local), local)
            }
            let parsed = memo?.value("authority:" + file.path + ":" + entry.slug, input: file.text, make: parse) ?? parse()
            diagnostics.append(contentsOf: parsed.diagnostics)
            if let authority = parsed.value {
                authorities[entry.slug] = authority
                sources.authorities.append(.init(slug: entry.slug, relativePath: "authorities/\(entry.url.lastPathComponent)", display: entry.display,
                                                 digests: ContentSources.authorityDigests(authority, text: file.text), links: [], warnings: parsed.diagnostics.warnings))
            }
        }

        // pages/*.md (optional folder)
        var pages: [Page] = []
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("pages").path) {
            let (pageFiles, pageVariants) = listFiles(in: "pages", extension: "md", aside: [".en.md"], into: &diagnostics)
            // pages/<slug>.en.md: the free page in English, beside its German page.
            let germanPages = Set(pageFiles.map(\.slug))
            for entry in pageVariants[".en.md"] ?? [] {
                guard site?.languages.contains("en") == true else {
                    diagnostics.warning(SourceLocation(path: entry.display), "englische Seite wird nicht veröffentlicht: site.yml nennt „en“ nicht unter „languages“; die Datei wird ignoriert")
                    continue
                }
                guard germanPages.contains(entry.slug) else {
                    diagnostics.error(SourceLocation(path: entry.display), "Übersetzung ohne Seite: pages/\(entry.slug).md fehlt\(Suggestion.hint(for: entry.slug, in: germanPages.sorted()))")
                    continue
                }
                guard let file = SourceFile.read(entry.url, displayPath: entry.display, into: &diagnostics) else { continue }
                var local = Diagnostics()
                let loaded = PageLoader.load(file, slug: String(Routes.translated(entry.slug, "en")), into: &local)
                diagnostics.append(contentsOf: local)
                if let (page, links, digests) = loaded {
                    translatedPages["en", default: [:]][entry.slug] = page
                    sources.translatedPages.append(.init(slug: page.slug, relativePath: "pages/\(entry.url.lastPathComponent)", display: entry.display,
                                                         digests: digests, links: links, warnings: local.warnings))
                }
            }
            for entry in pageFiles {
                if Routes.reservedSlugs.contains(entry.slug) {
                    diagnostics.error(SourceLocation(path: entry.display), "der Seitenname „\(entry.slug)“ ist für das Portal reserviert (\(Routes.reservedSlugs.sorted().joined(separator: ", ")))")
                    continue
                }
                // Reserved only where the portal publishes open data, so that older content keeps building.
                if site?.openData != nil, Routes.openData == Routes.freePage(entry.slug) {
                    diagnostics.error(SourceLocation(path: entry.display), "der Seitenname „\(entry.slug)“ ist für die offenen Daten reserviert („open_data“ in site.yml)")
                    continue
                }
                guard let file = SourceFile.read(entry.url, displayPath: entry.display, into: &diagnostics) else { continue }
                var local = Diagnostics()
                if let (page, links, digests) = PageLoader.load(file, slug: entry.slug, into: &local) {
                    pages.append(page)
                    sources.pages.append(.init(slug: entry.slug, relativePath: "pages/\(entry.url.lastPathComponent)", display: entry.display,
                                               digests: digests, links: links, warnings: local.warnings))
                }
                diagnostics.append(contentsOf: local)
            }
        }

        // regions.csv, responsibilities.csv
        var regions: [Region] = []
        var regionsReadable = false
        if let file = readRequired("regions.csv", into: &diagnostics) {
            if let loaded = RegionsLoader.load(file, state: site?.state, memo: memo, into: &diagnostics) {
                regions = loaded
                regionsReadable = true
            }
        }
        var rules: [Responsibility] = []
        let serviceSlugs = Set(serviceFiles.map(\.slug))
        if let file = readRequired("responsibilities.csv", into: &diagnostics) {
            // Checked against the files that exist, loaded or not: one broken file is one error, not one per rule.
            // An unreadable regions.csv leaves nothing to check regions against.
            rules = ResponsibilitiesLoader.load(file, services: serviceSlugs, regions: regionsReadable ? Set(regions.map(\.ags)) : nil,
                                                authorities: Set(authorityFiles.map(\.slug)), memo: memo, into: &diagnostics) ?? []
        }

        // topics.en.yml: the Themenfelder and Lebenslagen in English, same slugs as topics.yml.
        var translatedTopics: [String: [String: Topic]] = [:]
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("topics.en.yml").path) {
            if site?.languages.contains("en") != true {
                diagnostics.warning(SourceLocation(path: display("topics.en.yml")), "englische Themen werden nicht veröffentlicht: site.yml nennt „en“ nicht unter „languages“; die Datei wird ignoriert")
            } else if let file = SourceFile.read(root.appendingPathComponent("topics.en.yml"), displayPath: display("topics.en.yml"), into: &diagnostics),
                      let english = TopicsLoader.load(file, into: &diagnostics, requireThemenfelder: false) {
                let known = Set(topics.themenfelder.map(\.slug) + topics.lebenslagen.map(\.slug))
                for topic in english.themenfelder + english.lebenslagen {
                    if known.contains(topic.slug) {
                        translatedTopics["en", default: [:]][topic.slug] = topic
                    } else {
                        diagnostics.error(SourceLocation(path: display("topics.en.yml")), "Thema „\(topic.slug)“ gibt es in topics.yml nicht\(Suggestion.hint(for: topic.slug, in: known.sorted()))")
                    }
                }
            }
        }

        // forms/: the FIM Stammdatenschemata named in `form_schema:` (spec v2), with their code lists.
        let schemaReferences = services.compactMap { loaded -> FormSchemasLoader.Reference? in
            guard let path = loaded.service.formSchemaPath, let at = loaded.formSchemaLocation else { return nil }
            return .init(path: path, location: at)
        }
        let formSchemas = formSchemasLoader.load(schemaReferences, ahead: schemasAhead.result(), into: &diagnostics)

        // gebaerdensprache: in site.yml names video files of the content folder.
        if let videos = site?.signLanguage, !videos.isEmpty {
            site?.signLanguage = SignLanguageLoader.measure(videos, root: root, into: &diagnostics)
        }

        // Cross references between files.
        let themenfelder = Set(topics.themenfelder.map(\.slug)), lebenslagen = Set(topics.lebenslagen.map(\.slug))
        for loaded in services {
            let s = loaded.service
            if !s.topic.isEmpty, !themenfelder.contains(s.topic) {
                diagnostics.error(loaded.topicLocation, "unbekanntes Themenfeld „\(s.topic)“ (nicht in topics.yml)\(Suggestion.hint(for: s.topic, in: themenfelder.sorted()))")
            }
            for (slug, at) in zip(s.lebenslagen, loaded.lebenslageLocations) where !lebenslagen.contains(slug) {
                diagnostics.error(at, "unbekannte Lebenslage „\(slug)“ (nicht in topics.yml)\(Suggestion.hint(for: slug, in: lebenslagen.sorted()))")
            }
        }
        var anchors: [String: [String]] = [:]
        for loaded in services { anchors[Routes.anchorKey(Routes.service(loaded.service.slug))] = KnownURLs.anchors(of: loaded.service) }
        for page in pages { anchors[Routes.anchorKey(Routes.freePage(page.slug))] = KnownURLs.anchors(of: page) }
        // Pages of the site's own settings sit where a free page would (`gebaerdensprache/`,
        // `daten/`), and editors may link to them like to one.
        var pageSlugs = Set(pages.map(\.slug))
        if site?.signLanguage.isEmpty == false { pageSlugs.insert(String(Routes.signLanguage.dropLast())) }
        if site?.openData != nil { pageSlugs.insert(String(Routes.openData.dropLast())) }
        // Editors may link the English pages too (`/en/leistungen/x/`), where they exist.
        let translated = KnownURLs.translatedPages(translations: translations, topics: translatedTopics, pages: translatedPages,
                                                   themenfelder: themenfelder, schemaForms: Set(services.filter { $0.service.formSchemaPath != nil }.map(\.service.slug)),
                                                   anchors: &anchors)
        let known = KnownURLs(services: serviceSlugs, themenfelder: themenfelder, lebenslagen: lebenslagen, pages: pageSlugs,
                              regions: Set(regions.map(\.ags)), authorities: Set(authorities.keys), easyLanguage: Set(easyLanguage.keys),
                              translated: translated, anchors: anchors)
        known.check(sources.allLinks, into: &diagnostics)
        sources.known = known

        // synonyms.txt (optional): free text lines for the search, read as UTF-8.
        var synonyms: String?
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("synonyms.txt").path) {
            synonyms = SourceFile.read(root.appendingPathComponent("synonyms.txt"), displayPath: display("synonyms.txt"), allowEmpty: true, into: &diagnostics)?.text
        }

        guard !diagnostics.hasErrors, let site else { throw ContentErrors(diagnostics.items) }
        let sortedServices = GermanCollation.sorted(services.map(\.service)) { $0.title }
        let warnings = diagnostics.warnings.sorted(by: Diagnostic.reportOrder)
        let fileWarnings = Set(sources.files.flatMap(\.warnings).map(\.description))
        sources.otherWarnings = warnings.filter { !fileWarnings.contains($0.description) }
        var content = Content(site: site, topics: topics, services: sortedServices, authorities: authorities, regions: regions,
                              responsibilities: rules, pages: pages.sorted { $0.slug < $1.slug }, easyLanguage: easyLanguage, formSchemas: formSchemas, translations: translations, synonyms: synonyms, warnings: warnings)
        content.translatedTopics = translatedTopics
        content.translatedPages = translatedPages
        return (content, sources)
    }

    private func readRequired(_ name: String, into diagnostics: inout Diagnostics) -> SourceFile? {
        let url = root.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            diagnostics.error(SourceLocation(path: display(name)), "Datei fehlt: \(name) gehört in jeden Inhaltsordner")
            return nil
        }
        return SourceFile.read(url, displayPath: display(name), into: &diagnostics)
    }

    package struct Entry: Sendable {
        package var url: URL
        package var display: String
        package var slug: String
    }

    /// The files of a content folder with the given extension, sorted; wrong names are reported.
    private func listFiles(in folder: String, extension ext: String, into diagnostics: inout Diagnostics) -> [Entry] {
        listFiles(in: folder, extension: ext, aside: [], into: &diagnostics).files
    }

    /// The same, with names ending in one of `aside` (".ls.md") listed apart by that ending, their
    /// slug the name without it.
    private func listFiles(in folder: String, extension ext: String, aside: [String],
                           into diagnostics: inout Diagnostics) -> (files: [Entry], aside: [String: [Entry]]) {
        var setAside: [String: [Entry]] = [:]
        let dir = root.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            diagnostics.error(SourceLocation(path: display(folder)), "Ordner fehlt: \(folder)/")
            return ([], [:])
        }
        var entries: [Entry] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let shown = display("\(folder)/\(name)")
            if let suffix = aside.first(where: { name.hasSuffix($0) }) {
                let slug = String(name.dropLast(suffix.count))
                guard Slug.isValid(slug) else {
                    diagnostics.error(SourceLocation(path: shown), "Dateiname „\(slug)“ ist kein gültiger Slug: \(Slug.rule)")
                    continue
                }
                setAside[suffix, default: []].append(Entry(url: dir.appendingPathComponent(name), display: shown, slug: slug))
                continue
            }
            guard name.hasSuffix(".\(ext)") else {
                diagnostics.warning(SourceLocation(path: shown), "wird ignoriert: in \(folder)/ werden nur .\(ext)-Dateien gelesen")
                continue
            }
            let slug = String(name.dropLast(ext.count + 1))
            guard Slug.isValid(slug) else {
                diagnostics.error(SourceLocation(path: shown), "Dateiname „\(slug)“ ist kein gültiger Slug: \(Slug.rule)")
                continue
            }
            entries.append(Entry(url: dir.appendingPathComponent(name), display: shown, slug: slug))
        }
        return (entries, setAside)
    }
}
