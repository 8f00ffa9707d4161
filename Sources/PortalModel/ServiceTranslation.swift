/// A service in another language (`services/<slug>.<language>.md`, spec v2): the texts only; the
/// facts (topic, rules, form, keys) are the German service's.
public struct ServiceTranslation: Sendable {
    public var language: String
    public var title: String
    public var summary: String?
    public var keywords: [String]
    public var fees: String?
    public var processingTime: String?
    /// In the file's order (headings in that language, so not sorted by the German FIM names).
    public var sections: [Section]
    public var sourcePath: String
    /// The texts of the service's own form in this language (`form:`), if the file has them.
    public var form: FormTranslation?

    package init(language: String, title: String, summary: String?, keywords: [String], fees: String?, processingTime: String?, sections: [Section], sourcePath: String,
                 form: FormTranslation? = nil) {
        self.form = form
        self.language = language
        self.title = title
        self.summary = summary
        self.keywords = keywords
        self.fees = fees
        self.processingTime = processingTime
        self.sections = sections
        self.sourcePath = sourcePath
    }
}
