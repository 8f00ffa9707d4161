import PortalSupport

/// A service in another language (`services/<slug>.<language>.md`, spec v2): the texts only; the
/// facts (topic, rules, form, keys) are the German service's.
public struct ServiceTranslation: Sendable {
    /// The German service's slug.
    public var slug: String
    public var language: String
    public var title: String
    public var summary: String?
    public var keywords: [String]
    public var fees: String?
    public var processingTime: String?
    /// In the file's order (headings in that language, so not sorted by the German FIM names).
    /// Reading them is noted in the running `InputReads` log under `bodyKey`, as a service's are.
    public var sections: [Section] {
        get { InputReads.noteBody(Self.bodyKey(language, slug)); return body }
        set { body = newValue }
    }
    private var body: [Section]
    public var sourcePath: String
    /// The texts of the service's own form in this language (`form:`), if the file has them.
    public var form: FormTranslation?

    /// The key its body is recorded under (`InputReads`, `BodyPart`): `en:<slug>`.
    public static func bodyKey(_ language: String, _ slug: String) -> String { language + ":" + slug }

    package init(slug: String, language: String, title: String, summary: String?, keywords: [String], fees: String?, processingTime: String?, sections: [Section], sourcePath: String,
                 form: FormTranslation? = nil) {
        self.slug = slug
        self.form = form
        self.language = language
        self.title = title
        self.summary = summary
        self.keywords = keywords
        self.fees = fees
        self.processingTime = processingTime
        self.body = sections
        self.sourcePath = sourcePath
    }
}
