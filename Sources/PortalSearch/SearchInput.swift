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

extension SearchIndexBuilder {
    /// The documents of the search in `language` (spec v2): every service and free page with a
    /// text in that language, at its translated URL; and every other service by its German title
    /// and keywords at its German URL, so that a name a citizen knows in German ("Wohngeld",
    /// "Führungszeugnis") is found from the English search too. No synonyms: the shipped list is German.
    package static func input(for model: SiteModel, language: String) -> SearchIndexBuilder.Input {
        let translations = model.content.translations[language] ?? [:]
        let topics = model.content.translatedTopics[language] ?? [:]
        let translatedPages = model.content.translatedPages[language] ?? [:]
        func topicTitle(_ slug: String, _ german: String?) -> String { topics[slug]?.title ?? german ?? "" }
        var docs: [SearchIndexBuilder.Doc] = model.content.services.map { s in
            let themenfeld = topicTitle(s.topic, model.themenfeldBySlug[s.topic]?.title)
            guard let t = translations[s.slug] else {
                return SearchIndexBuilder.Doc(url: Routes.service(s.slug), kind: "service", title: s.title, ozg_id: s.ozgID ?? "",
                                              themenfeld: themenfeld, lebenslagen: [], keywords: s.keywords, summary: "", sections: [])
            }
            return SearchIndexBuilder.Doc(
                url: Routes.translated(Routes.service(s.slug), language), kind: "service", title: t.title, ozg_id: s.ozgID ?? "",
                themenfeld: themenfeld,
                lebenslagen: s.lebenslagen.compactMap { slug in model.lebenslageBySlug[slug].map { topicTitle(slug, $0.title) } },
                keywords: t.keywords, summary: t.summary ?? "",
                sections: t.sections.map { .init(title: $0.title, text: $0.text) })
        }
        // A translated free page's slug is already its path (`en/<slug>`).
        docs += model.content.pages.compactMap { german in
            translatedPages[german.slug].map { p in
                SearchIndexBuilder.Doc(url: Routes.freePage(p.slug), kind: "page", title: p.title, ozg_id: "", themenfeld: "",
                                       lebenslagen: [], keywords: [], summary: p.description ?? "", sections: [.init(title: "", text: p.text)])
            }
        }
        return SearchIndexBuilder.Input(docs: docs, synonyms: [], lang: language)
    }
}
