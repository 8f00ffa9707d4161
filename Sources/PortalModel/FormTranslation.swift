/// The texts of a service's own form (`form:`) in another language, from the `form:` key of its
/// translation file (`services/<slug>.en.md`): the title, and per field or group id its label,
/// hint and option labels. A field without one keeps its German label, marked as German.
public struct FormTranslation: Sendable {
    public struct Texts: Sendable {
        public var label: String
        public var hint: String?
        /// The labels of the field's options, in the German options' order (the values sent stay
        /// the German ones, so the authority receives the same answers from both forms).
        public var options: [String]?

        package init(label: String, hint: String? = nil, options: [String]? = nil) {
            self.label = label
            self.hint = hint
            self.options = options
        }
    }

    public var title: String?
    /// By field or group id.
    public var texts: [String: Texts]
    /// Where each id was written, for messages about ids the German form does not have.
    public var locations: [String: SourceLocation]

    package init(title: String?, texts: [String: Texts], locations: [String: SourceLocation]) {
        self.title = title
        self.texts = texts
        self.locations = locations
    }
}
