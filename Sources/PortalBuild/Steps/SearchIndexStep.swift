import Foundation
import PortalModel
import PortalSearch
import PortalSupport

/// Writes the search index (or takes it over if nothing it is made from changed).
package struct SearchIndexStep: BuildStep {
    package let name = "Suchindex"
    package let remakesWhatBodiesFeed = true

    package func run(_ build: BuildState) throws {
        let old = build.emitter.previous
        let search = try SearchIndex.write(build.model, theme: build.theme, to: build.output, previous: build.previous?.search,
                                           previousCorpus: build.previous?.bodyEdits?.corpus, sizes: old.mapValues(\.size),
                                           memo: build.options.memo)
        for (path, size) in search.sizes {
            build.emitter.record(path, BuildCache.Entry(fingerprint: "search:" + search.group.fingerprint, size: size), reused: search.reused)
        }
        build.searchIndex = (search.group, search.corpus)
        try writeTranslatedIndexes(build)
    }

    /// The index of each other language's search page (spec v2). Small (the translated texts, and
    /// the other services' titles), so made anew each build; the emitter takes unchanged files over.
    private func writeTranslatedIndexes(_ build: BuildState) throws {
        for code in build.model.content.site.otherLanguages {
            // A language without a stemmer here has no search page of its own (`PageJob`).
            guard let language = SearchLanguage(rawValue: code) else { continue }
            let input = SearchIndexBuilder.input(for: build.model, language: code)
            try writeTranslatedIndex(input, language: language, memo: build.options.memo, build)
        }
    }

    /// One other language's index from its input: written through the emitter (unchanged files
    /// are taken over), noted for its search page and for the quick path's record.
    @discardableResult
    private func writeTranslatedIndex(_ input: SearchIndexBuilder.Input, language: SearchLanguage, memo: ParseMemo?, _ build: BuildState) throws -> BuildCache.SearchGroup {
        let code = language.rawValue
        let fingerprint = "search-\(code):" + SearchCorpus.fingerprint(input)
        var corpus = SearchCorpus(input, language: language, memo: memo)
        let emitter = build.emitter
        let (group, _) = try SearchIndex.write(corpus.files(), fingerprint: fingerprint) { data, path throws(OutputFolder.WriteError) in
            try emitter.emit(data, to: path, entry: BuildCache.Entry(fingerprint: fingerprint, size: data.count), namedByContent: true)
        }
        build.translatedSearchIndexes[code] = group.main
        build.translatedSearchInputs[code] = (input, [group.main] + group.files.filter { $0 != group.main })
        return group
    }

    /// Puts the edited bodies into their documents of the last build's corpus; writes the index
    /// files anew if that changed the index (their names are content hashes, so the old ones go).
    /// The other languages' indexes hold no German body: an edited text in another language
    /// remakes its language's index (`remakeTranslatedIndexes`), and the rest stay as they are;
    /// texts in Leichte Sprache are in no index.
    package func run(_ build: BuildState, bodies edits: BodyEdits) throws {
        guard var group = build.previous?.search else { throw BodyEdits.Widen() }
        var translated: [String: [(url: String, sections: [SearchIndexBuilder.Doc.Part])]] = [:]
        for edit in edits.edits {
            // The same documents as `SearchIndexBuilder.input` makes.
            let (url, sections): (String, [SearchIndexBuilder.Doc.Part])
            switch edit.body {
            case .service(let service): (url, sections) = (Routes.service(service.slug), service.sections.map { .init(title: $0.title, text: $0.text) })
            case .page(let page): (url, sections) = (Routes.freePage(page.slug), [.init(title: "", text: page.text)])
            case .translation(let t):
                translated[t.language, default: []].append((Routes.translated(Routes.service(t.slug), t.language), t.sections.map { .init(title: $0.title, text: $0.text) }))
                continue
            case .authority:
                // Authorities are in no index.
                continue
            }
            // Texts in Leichte Sprache are in no index.
            if case .easyLanguage = edit.file { continue }
            if case .translatedPage(let i) = edit.file {
                translated[BodyEdits.language(of: edits.record.sources.translatedPages[i].relativePath), default: []].append((url, sections))
                continue
            }
            guard let d = edits.record.corpus.index(of: url) else { throw BodyEdits.Widen() }
            edits.record.corpus.updateBody(d, sections: sections)
            if edit.summaryChanged, case .service(let service) = edit.body {
                guard edits.record.corpus.updateSummary(d, summary: service.declaredSummary) else { throw BodyEdits.Widen() }
            }
        }
        try remakeTranslatedIndexes(build, edits, translated)
        // The record keeps no thesaurus text; the theme is the one the record was made with.
        edits.record.corpus.attachThesaurus(build.theme.searchFiles["thesaurus.txt"])
        let fingerprint = edits.record.corpus.fingerprint
        if fingerprint != group.fingerprint {
            let emitter = build.emitter
            let (newGroup, _) = try SearchIndex.write(edits.record.corpus.files(), fingerprint: fingerprint) { data, path throws(OutputFolder.WriteError) in
                try emitter.emit(data, to: path, entry: BuildCache.Entry(fingerprint: "search:" + fingerprint, size: data.count), namedByContent: true)
            }
            for path in group.files where !newGroup.files.contains(path) { emitter.retire(path) }
            group = newGroup
        }
        build.searchIndex = (group, edits.record.corpus)
    }

    /// The other languages' indexes after an edit: each one an edit reached is made anew from
    /// the recorded input with the edited texts (the old files go if the names changed); the
    /// others stay.
    private func remakeTranslatedIndexes(_ build: BuildState, _ edits: BodyEdits, _ changes: [String: [(url: String, sections: [SearchIndexBuilder.Doc.Part])]]) throws {
        for (code, recorded) in edits.record.translatedSearch {
            guard var input = try? JSONDecoder().decode(SearchIndexBuilder.Input.self, from: Data(recorded.input)),
                  let main = recorded.files.first else { throw BodyEdits.Widen() }
            guard let docs = changes[code] else {
                build.translatedSearchIndexes[code] = main
                build.translatedSearchInputs[code] = (input, recorded.files)
                continue
            }
            guard let language = SearchLanguage(rawValue: code) else { throw BodyEdits.Widen() }
            for doc in docs {
                guard let d = input.docs.firstIndex(where: { $0.url == doc.url }) else { throw BodyEdits.Widen() }
                input.docs[d].sections = doc.sections
            }
            let group = try writeTranslatedIndex(input, language: language, memo: nil, build)
            for path in recorded.files where !group.files.contains(path) { build.emitter.retire(path) }
        }
        // An edited text in a language the record has no index for: the full build.
        for code in changes.keys where edits.record.translatedSearch[code] == nil { throw BodyEdits.Widen() }
    }
}
