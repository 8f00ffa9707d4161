import PortalSupport

/// One service (Leistung) from `services/<slug>.md`.
public struct Service: Sendable {
    public var slug: String
    public var title: String
    /// The front matter's `summary`. Reading it is noted under `summaryKey`: a page that shows it
    /// in a list item declares that instead (`PageRenderer.serviceItem`), and the quick rebuild
    /// after a summary edit remakes those items; any other read sends such an edit down the full path.
    public var summary: String {
        get { InputReads.noteBody(Self.summaryKey(slug)); return storedSummary }
        set { storedSummary = newValue }
    }
    /// The summary without noting the read: for a part that declares it.
    package var declaredSummary: String { storedSummary }
    private var storedSummary: String
    public var topic: String
    public var lebenslagen: [String]
    public var leika: String?
    public var ozgID: String?
    public var keywords: [String]
    public var onlineService: String?
    /// The fee text that applies (on the build's date, see `Content.on`).
    public var fees: String?
    /// With dated fee versions (front matter `fees` as a list): all of them, and the first day of
    /// the one in `fees` if it has one (the page says from when it applies).
    public var feeVersions: [DatedText]
    public var feesFrom: String?
    /// The next fee version after the build's date, if one is announced.
    public var feesNext: DatedText?
    public var lifecycle: Lifecycle
    public var processingTime: String?
    /// ISO date `YYYY-MM-DD`.
    public var updated: String?
    public var form: Form?
    /// `form_schema:` (spec v2): the FIM Stammdatenschema the form is built from, relative to the
    /// content folder; the schema itself is in `Content.formSchemas`.
    public var formSchemaPath: String?
    public var extra: TemplateValue?
    /// The Markdown body, already parsed into sections. Reading it is noted in the running
    /// `InputReads` log: what a body feeds is recorded, not listed.
    public var sections: [Section] {
        get { InputReads.noteBody(slug); return body }
        set { body = newValue }
    }
    private var body: [Section]
    public var sourcePath: String

    package init(slug: String, title: String, summary: String, topic: String, lebenslagen: [String], leika: String? = nil, ozgID: String? = nil, keywords: [String], onlineService: String? = nil, fees: String? = nil, processingTime: String? = nil, updated: String? = nil, form: Form? = nil, formSchemaPath: String? = nil, extra: TemplateValue? = nil, sections: [Section], sourcePath: String, feeVersions: [DatedText] = [], feesFrom: String? = nil, lifecycle: Lifecycle = .none) {
        self.slug = slug
        self.title = title
        self.storedSummary = summary
        self.topic = topic
        self.lebenslagen = lebenslagen
        self.leika = leika
        self.ozgID = ozgID
        self.keywords = keywords
        self.onlineService = onlineService
        self.fees = fees
        self.processingTime = processingTime
        self.updated = updated
        self.form = form
        self.formSchemaPath = formSchemaPath
        self.extra = extra
        self.body = sections
        self.feeVersions = feeVersions
        self.feesFrom = feesFrom
        self.lifecycle = lifecycle
        self.sourcePath = sourcePath
    }
}

extension Service {
    /// The key a summary's reads are noted under (`InputReads`).
    package static func summaryKey(_ slug: String) -> String { "summary:" + slug }
}

/// A body section: the text before the first H2 (Beschreibung) or one H2 with what follows it.
public struct Section: Sendable, Equatable {
    public var title: String
    /// Anchor id, unique within the page.
    public var id: String
    /// Rendered, safe HTML.
    public var html: String
    /// Plain text, for the search index and meta descriptions.
    public var text: String

    package init(title: String, id: String, html: String, text: String) {
        self.title = title
        self.id = id
        self.html = html
        self.text = text
    }
}

/// A free page from `pages/<slug>.md`.
public struct Page: Sendable {
    public var slug: String
    public var title: String
    public var description: String?
    public var extra: TemplateValue?
    /// The body as HTML and as text; reading either is noted in the running `InputReads` log
    /// under `bodyKey`, as a service's sections are.
    public var html: String {
        get { InputReads.noteBody(Self.bodyKey(slug)); return bodyHTML }
        set { bodyHTML = newValue }
    }
    public var text: String {
        get { InputReads.noteBody(Self.bodyKey(slug)); return bodyText }
        set { bodyText = newValue }
    }
    private var bodyHTML: String
    private var bodyText: String
    public var sourcePath: String

    /// The key of a free page's body in `InputReads` and the body-edit record (a service's is its slug).
    public static func bodyKey(_ slug: String) -> String { "page:" + slug }
    public var lifecycle: Lifecycle

    package init(slug: String, title: String, description: String? = nil, extra: TemplateValue? = nil, html: String, text: String, sourcePath: String,
                 lifecycle: Lifecycle = .none) {
        self.lifecycle = lifecycle
        self.slug = slug
        self.title = title
        self.description = description
        self.extra = extra
        self.bodyHTML = html
        self.bodyText = text
        self.sourcePath = sourcePath
    }
}

/// Free data under `extra:`, passed to templates as it is.
public indirect enum TemplateValue: Sendable, Equatable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])
    case null
}
