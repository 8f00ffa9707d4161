/// Writes the search index (or takes it over if nothing it is made from changed).
package struct SearchIndexStep: BuildStep {
    package let name = "Suchindex"

    package func run(_ build: BuildState) throws {
        let old = build.emitter.previous
        let search = try SearchIndex.write(build.model, theme: build.theme, to: build.output, previous: build.previous?.search,
                                           previousCorpus: build.previous?.bodyEdits?.corpus, sizes: old.mapValues(\.size),
                                           memo: build.options.memo)
        for (path, size) in search.sizes {
            build.emitter.record(path, BuildCache.Entry(fingerprint: "search:" + search.group.fingerprint, size: size), reused: search.reused)
        }
        build.searchIndex = (search.group, search.corpus)
    }
}
