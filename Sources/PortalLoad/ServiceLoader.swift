import Foundation
import PortalModel
import PortalSupport

/// Reads one `services/<slug>.md`: front matter, form and body.
package struct ServiceLoader {
    /// What the cross-reference checks need to point at the right line.
    package struct Loaded {
        package var service: Service
        package var topicLocation: SourceLocation
        package var lebenslageLocations: [SourceLocation]
        package var internalLinks: [MarkdownDocument.Link]
        package var digests: Digests
        /// Where `form_schema:` is written, for messages about the schema file.
        package var formSchemaLocation: SourceLocation?
    }

    /// The front matter (with the line the body starts on) and the body, each digested: when only
    /// the body changed, only the service's own pages and the search index change. In a service
    /// file the summary's lines are digested apart (`summary`), so that a new summary is told
    /// from other front-matter edits; elsewhere `summary` is empty.
    package struct Digests: Sendable, Equatable {
        package var frontMatter: String
        package var body: String
        package var summary: String

        package init(frontMatter: String, body: String, summary: String = "") {
            self.frontMatter = frontMatter
            self.body = body
            self.summary = summary
        }

        /// `summaryLines`: the lines of the YAML (0-based) the summary's entry takes, which the
        /// front matter's digest leaves out and `summary` digests.
        package init(_ parts: FrontMatter, summaryLines: Range<Int>? = nil) {
            var f = Fingerprint(), s = Fingerprint()
            if let summaryLines {
                for (n, line) in parts.yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if summaryLines.contains(n) { s.add(String(line)) } else { f.add(tag: 0x0A); f.add(String(line)) }
                }
            } else {
                f.add(parts.yaml)
            }
            f.add(parts.bodyFirstLine)
            var b = Fingerprint()
            b.add(parts.body)
            self.init(frontMatter: f.hex, body: b.hex, summary: summaryLines == nil ? "" : s.hex)
        }
    }

    /// The YAML lines (0-based) of the `summary:` entry: from its key to the next key of the
    /// front matter (or the end). Nil where that is not clear-cut (two keys on one line, as in a
    /// flow mapping): the summary then counts as front matter like any other key.
    static func summaryLines(_ root: YAMLNode, parts: FrontMatter) -> Range<Int>? {
        var ignored = Diagnostics()
        guard let entries = root.mapping("", into: &ignored),
              let i = entries.firstIndex(where: { $0.key == "summary" }) else { return nil }
        let lines = entries.map { $0.keyLocation.line - parts.yamlFirstLine }
        let start = lines[i]
        let end = i + 1 < lines.count ? lines[i + 1] : parts.yaml.split(separator: "\n", omittingEmptySubsequences: false).count
        guard start >= 0, end > start, !lines.enumerated().contains(where: { $0.offset != i && $0.element == start }) else { return nil }
        return start..<end
    }

    package static let keys = KeyChecker(
        what: "der Leistungsbeschreibung",
        allowed: ["title", "summary", "topic", "lebenslagen", "leika", "ozg_id", "keywords", "online_service",
                  "fees", "processing_time", "updated", "form", "form_schema", "extra"] + LifecycleLoader.keys,
        required: ["title", "summary", "topic"]
    )

    package static func load(_ file: SourceFile, slug: String, into diagnostics: inout Diagnostics) -> Loaded? {
        guard let parts = FrontMatter.split(file, into: &diagnostics),
              let root = YAMLDocument.parse(parts.yaml, path: file.path, firstLine: parts.yamlFirstLine, into: &diagnostics),
              let values = keys.check(root, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count

        func text(_ key: String) -> String? {
            guard let node = values[key], !node.isNull else { return nil }
            guard let s = node.string(key, into: &diagnostics) else { return nil }
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { diagnostics.error(node.location, "„\(key)“ ist leer") }
            return trimmed
        }

        let title = text("title") ?? ""
        let summary = text("summary") ?? ""
        let topic = text("topic") ?? ""
        var lebenslagen: [String] = []
        var lebenslageLocations: [SourceLocation] = []
        if let node = values["lebenslagen"], !node.isNull, let items = node.sequence("lebenslagen", into: &diagnostics) {
            for item in items {
                if let s = item.string("lebenslagen", into: &diagnostics) {
                    lebenslagen.append(s)
                    lebenslageLocations.append(item.location)
                }
            }
        }
        let leika = text("leika")
        if let leika, let node = values["leika"], !Validators.isDigits(leika, count: 14) {
            diagnostics.error(node.location, "„leika“ muss ein LeiKa-Leistungsschlüssel aus genau 14 Ziffern sein, nicht „\(leika)“")
        }
        let ozgID = text("ozg_id")
        if let ozgID, let node = values["ozg_id"], !(Validators.isDigits(ozgID) && ozgID.count <= 8) {
            diagnostics.error(node.location, "„ozg_id“ muss eine OZG-ID aus Ziffern sein (z. B. „10119“), nicht „\(ozgID)“")
        }
        var keywords: [String] = []
        if let node = values["keywords"], !node.isNull {
            keywords = node.stringList("keywords", into: &diagnostics) ?? []
        }
        let online = text("online_service")
        if let online, let node = values["online_service"], !Validators.isAbsoluteHTTPURL(online) {
            diagnostics.error(node.location, "„online_service“ muss eine vollständige http(s)-Adresse sein, nicht „\(online)“")
        }
        let updated = text("updated")
        if let updated, let node = values["updated"], !Validators.isISODate(updated) {
            diagnostics.error(node.location, "„updated“ muss ein Datum der Form JJJJ-MM-TT sein, nicht „\(updated)“")
        }
        let lifecycle = LifecycleLoader.load(values, into: &diagnostics)
        var fees: (text: String?, versions: [DatedText]) = (nil, [])
        if let node = values["fees"], !node.isNull { fees = LifecycleLoader.fees(node, into: &diagnostics) }
        var form: Form?
        if let node = values["form"], !node.isNull {
            form = FormLoader.load(node, into: &diagnostics)
        }
        let formSchema = text("form_schema")
        if let formSchema, let node = values["form_schema"] {
            if form != nil {
                diagnostics.error(node.location, "„form_schema“ und „form“ schließen sich aus: das Formular kommt entweder aus dem FIM-Stammdatenschema oder aus der Liste unter „form“")
            } else if !Validators.isContentRelativePath(formSchema, folder: "forms", suffix: ".xdf.xml") {
                diagnostics.error(node.location, "„form_schema“ muss eine Datei im Ordner forms/ mit der Endung .xdf.xml nennen (z. B. „forms/S00000000373.xdf.xml“), nicht „\(formSchema)“")
            }
        }
        var extra: TemplateValue?
        if let node = values["extra"], !node.isNull {
            var budget = 10_000
            extra = node.templateValue(budget: &budget)
            if extra == nil { diagnostics.error(node.location, "„extra“ ist zu groß (mehr als 10 000 Einträge)") }
        }

        let markdown = MarkdownDocument(markdown: parts.body, path: file.path, firstLine: parts.bodyFirstLine, into: &diagnostics)
        guard diagnostics.errors.count == before else { return nil }
        let service = Service(
            slug: slug, title: title, summary: summary, topic: topic, lebenslagen: lebenslagen, leika: leika,
            ozgID: ozgID, keywords: keywords, onlineService: online, fees: fees.text,
            processingTime: text("processing_time"), updated: updated, form: form, formSchemaPath: formSchema, extra: extra,
            sections: ServiceSections.ordered(markdown.sections), sourcePath: file.path,
            feeVersions: fees.versions, lifecycle: lifecycle
        )
        return Loaded(service: service, topicLocation: values["topic"]?.location ?? root.location,
                      lebenslageLocations: lebenslageLocations, internalLinks: markdown.internalLinks, digests: Digests(parts, summaryLines: summaryLines(root, parts: parts)),
                      formSchemaLocation: values["form_schema"]?.location)
    }
}
