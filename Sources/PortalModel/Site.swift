/// Portal settings from `site.yml`.
public struct Site: Sendable {
    public struct Contact: Sendable {
        public var email: String?
        public var phone: String?

        package init(email: String? = nil, phone: String? = nil) {
            self.email = email
            self.phone = phone
        }
    }

    public var title: String
    /// Always ends in `/`.
    public var baseURL: String
    public var language: String
    /// AGS of the Land the portal serves; nil for a nationwide portal.
    public var state: String?
    public var description: String?
    public var contact: Contact
    public var formAction: String?
    /// Nil: no `/.well-known/security.txt`.
    public var securityTxt: SecurityTxt?
    /// Nil: no feedback links.
    public var feedback: Feedback?
    /// Nil: no `/daten/`.
    public var openData: OpenData?
    /// Days after which a text's facts are due for review (`portal check --stale`); site.yml
    /// `review_interval_days`, 365 if absent.
    public var reviewIntervalDays = 365
    /// `languages:` (spec v2): the languages the portal publishes, the site's `language` first;
    /// `[language]` when absent. Pages of the others live under `/<language>/`.
    public var languages: [String] = []
    /// `gebaerdensprache:` (BITV 2.0 § 4): the videos in Deutscher Gebärdensprache; empty: none.
    public var signLanguage: [SignLanguageVideo] = []

    /// Languages besides the site's own that the portal publishes (`en`).
    public var otherLanguages: [String] { languages.filter { $0 != language } }

    /// The path part of `baseURL` (`/` or `/portal/`), used where relative links cannot work (404 page).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...]
        guard let slash = afterHost.firstIndex(of: "/") else { return "/" }
        return String(afterHost[slash...])
    }

    package init(title: String, baseURL: String, language: String, state: String? = nil, description: String? = nil, contact: Contact, formAction: String? = nil, securityTxt: SecurityTxt? = nil, feedback: Feedback? = nil, openData: OpenData? = nil) {
        self.title = title
        self.baseURL = baseURL
        self.language = language
        self.state = state
        self.description = description
        self.contact = contact
        self.formAction = formAction
        self.securityTxt = securityTxt
        self.feedback = feedback
        self.openData = openData
    }
}
