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

    /// Writes `data/suche.<hash>.json` and its shards beside it; returns the main file's site path and the bytes written.
    static func write(_ model: SiteModel, theme: Theme, to output: OutputFolder) throws -> (path: String, bytes: Int) {
        var synonyms: [String] = []
        if let shipped = theme.searchFiles["synonyms.txt"] { synonyms.append(shipped) }
        if let own = model.content.synonyms { synonyms.append(own) }
        let files = SearchIndexBuilder.build(input(for: model, synonyms: synonyms))
        var bytes = files.main.count
        for shard in files.shards {
            try output.write(shard.data, to: "data/" + shard.name)
            bytes += shard.data.count
        }
        let path = "data/suche.\(AssetNames.hash(files.main)).json"
        try output.write(files.main, to: path)
        return (path, bytes)
    }
}
