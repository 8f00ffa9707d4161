import Foundation

/// The search index the search page loads: the content handed to `SearchIndexBuilder` as its
/// docs input (Tools/search/docs-input.schema.md).
enum SearchIndex {
    static func input(for model: SiteModel, synonyms: [String]) -> SearchIndexBuilder.Input {
        var docs: [SearchIndexBuilder.Doc] = model.content.services.map { s in
            SearchIndexBuilder.Doc(
                url: "leistungen/\(s.slug)/", kind: "service", title: s.title, ozg_id: s.ozgID ?? "",
                themenfeld: model.themenfeldBySlug[s.topic]?.title ?? "",
                lebenslagen: s.lebenslagen.compactMap { model.lebenslageBySlug[$0]?.title },
                keywords: s.keywords, summary: s.summary,
                sections: s.sections.map { .init(title: $0.title, text: $0.text) })
        }
        docs += model.content.pages.map { p in
            SearchIndexBuilder.Doc(url: "\(p.slug)/", kind: "page", title: p.title, ozg_id: "", themenfeld: "", lebenslagen: [],
                                   keywords: [], summary: p.description ?? "", sections: [.init(title: "", text: p.text)])
        }
        return SearchIndexBuilder.Input(docs: docs, synonyms: synonyms)
    }

    /// Everything the index is made from, for incremental builds.
    static func fingerprint(_ input: SearchIndexBuilder.Input) -> String {
        var f = Fingerprint()
        f.add(SearchIndexBuilder.version)
        for doc in input.docs {
            for value in [doc.url, doc.kind, doc.title, doc.ozg_id, doc.themenfeld, doc.summary] { f.add(value) }
            f.add(doc.lebenslagen.count); doc.lebenslagen.forEach { f.add($0) }
            f.add(doc.keywords.count); doc.keywords.forEach { f.add($0) }
            f.add(doc.sections.count); doc.sections.forEach { f.add($0.title); f.add($0.text) }
        }
        f.add(input.synonyms.count); input.synonyms.forEach { f.add($0) }
        return f.hex
    }

    /// Writes `data/suche.<hash>.json` and its shards beside it, or takes them over from the
    /// previous site if nothing they are made from changed. Returns what was written.
    static func write(_ model: SiteModel, theme: Theme, to output: OutputFolder,
                      previous: BuildCache.SearchGroup?, sizes: [String: Int], memo: ParseMemo? = nil) throws -> (group: BuildCache.SearchGroup, sizes: [String: Int], reused: Bool) {
        var synonyms: [String] = []
        if let shipped = theme.searchFiles["synonyms.txt"] { synonyms.append(shipped) }
        if let own = model.content.synonyms { synonyms.append(own) }
        let input = input(for: model, synonyms: synonyms)
        let fingerprint = fingerprint(input)
        if let previous, previous.fingerprint == fingerprint,
           previous.files.allSatisfy({ path in sizes[path].map { output.reuse(path, size: $0) } ?? false }) {
            return (previous, sizes.filter { previous.files.contains($0.key) }, true)
        }
        let files = SearchIndexBuilder.build(input, memo: memo)
        var written: [String: Int] = [:]
        for shard in files.shards {
            try output.write(shard.data, to: "data/" + shard.name)
            written["data/" + shard.name] = shard.data.count
        }
        let path = "data/suche.\(AssetNames.hash(files.main)).json"
        try output.write(files.main, to: path)
        written[path] = files.main.count
        return (BuildCache.SearchGroup(fingerprint: fingerprint, main: path, files: written.keys.sorted()), written, false)
    }
}
