/// The whole validated content tree: what the load stage hands to the later stages.
public struct Content: Sendable {
    public var site: Site
    public var topics: Topics
    /// Sorted by title (German collation), the order of the A–Z list.
    public var services: [Service]
    public var authorities: [String: Authority]
    /// In file order.
    public var regions: [Region]
    public var responsibilities: [Responsibility]
    public var pages: [Page]
    /// Service slug → the service's text in Leichte Sprache (`services/<slug>.ls.md`, spec v2).
    public var easyLanguage: [String: Page]
    /// `forms/<file>.xdf.xml` (as services name it in `form_schema:`) → the schema read from it.
    public var formSchemas: [String: FormSchema]
    /// Language → service slug → the service in that language (`services/<slug>.en.md`, spec v2).
    public var translations: [String: [String: ServiceTranslation]]
    /// Language → the Themenfelder and Lebenslagen in that language (`topics.en.yml`), by slug.
    public var translatedTopics: [String: [String: Topic]] = [:]
    /// Language → German free page slug → the page in that language (`pages/<slug>.en.md`); its
    /// own slug is its path, `en/<slug>` (so its body is tracked apart from the German page's).
    public var translatedPages: [String: [String: Page]] = [:]
    /// Editor additions to the search synonyms (`Content/synonyms.txt`), if any.
    public var synonyms: String?
    /// Sorted by file and line.
    public var warnings: [Diagnostic]

    public init(site: Site, topics: Topics, services: [Service], authorities: [String: Authority], regions: [Region],
                responsibilities: [Responsibility], pages: [Page], easyLanguage: [String: Page] = [:], formSchemas: [String: FormSchema] = [:], translations: [String: [String: ServiceTranslation]] = [:], synonyms: String?, warnings: [Diagnostic]) {
        self.site = site
        self.topics = topics
        self.services = services
        self.authorities = authorities
        self.regions = regions
        self.responsibilities = responsibilities
        self.pages = pages
        self.easyLanguage = easyLanguage
        self.formSchemas = formSchemas
        self.translations = translations
        self.synonyms = synonyms
        self.warnings = warnings
    }
}
