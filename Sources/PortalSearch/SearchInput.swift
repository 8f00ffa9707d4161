import PortalModel
import PortalResolve

/// What the search index is built from: every service and free page of the model as a
/// `SearchIndexBuilder.Doc` (Tools/search/docs-input.schema.md).
extension SearchIndexBuilder {
    package static func input(for model: SiteModel, synonyms: [String]) -> SearchIndexBuilder.Input {
        var docs: [SearchIndexBuilder.Doc] = model.content.services.map { s in
            SearchIndexBuilder.Doc(
                url: Routes.service(s.slug), kind: "service", title: s.title, ozg_id: s.ozgID ?? "",
                themenfeld: model.themenfeldBySlug[s.topic]?.title ?? "",
                lebenslagen: s.lebenslagen.compactMap { model.lebenslageBySlug[$0]?.title },
                keywords: s.keywords, summary: s.summary,
                sections: s.sections.map { .init(title: $0.title, text: $0.text) })
        }
        docs += model.content.pages.map { p in
            SearchIndexBuilder.Doc(url: Routes.freePage(p.slug), kind: "page", title: p.title, ozg_id: "", themenfeld: "", lebenslagen: [],
                                   keywords: [], summary: p.description ?? "", sections: [.init(title: "", text: p.text)])
        }
        return SearchIndexBuilder.Input(docs: docs, synonyms: synonyms)
    }
}
