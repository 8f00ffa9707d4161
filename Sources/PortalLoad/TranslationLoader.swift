import Foundation
import PortalModel
import PortalSupport

/// Reads `services/<slug>.en.md` (spec v2): `title` (required), `summary`, `keywords`, `fees`,
/// `processing_time`, and the text as Markdown sections with headings in that language; `form`
/// (beyond spec v2, which names only the texts above) gives the labels of the service's own form
/// in that language: `form: {title: …, fields: {<id>: <label> | {label:, hint:, options: […]}}}`.
package enum TranslationLoader {
    package static let keys = KeyChecker(what: "der Übersetzung", allowed: ["title", "summary", "keywords", "fees", "processing_time", "form"], required: ["title", "summary"])
    static let formKeys = KeyChecker(what: "„form“ der Übersetzung", allowed: ["title", "fields"], required: [])
    static let fieldKeys = KeyChecker(what: "einem Feld von „form“", allowed: ["label", "hint", "options"], required: ["label"])

    /// The translation and the internal links of its text (checked like a German file's).
    package static func load(_ file: SourceFile, slug: String, language: String, into diagnostics: inout Diagnostics) -> (ServiceTranslation, [MarkdownDocument.Link], ServiceLoader.Digests)? {
        let before = diagnostics.errors.count
        guard let (parts, values, title) = PageLoader.titled(file, keys: keys, into: &diagnostics) else { return nil }
        func text(_ key: String) -> String? {
            guard let node = values[key], !node.isNull, let s = node.string(key, into: &diagnostics) else { return nil }
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { diagnostics.error(node.location, "„\(key)“ ist leer") }
            return trimmed
        }
        var keywords: [String] = []
        if let node = values["keywords"], !node.isNull { keywords = node.stringList("keywords", into: &diagnostics) ?? [] }
        var form: FormTranslation?
        if let node = values["form"], !node.isNull { form = formTexts(node, into: &diagnostics) }
        let markdown = MarkdownDocument(markdown: parts.body, path: file.path, firstLine: parts.bodyFirstLine, into: &diagnostics)
        guard diagnostics.errors.count == before else { return nil }
        return (ServiceTranslation(slug: slug, language: language, title: title, summary: text("summary"), keywords: keywords, fees: text("fees"),
                                   processingTime: text("processing_time"), sections: Self.inFileOrder(markdown.sections), sourcePath: file.path, form: form),
                markdown.internalLinks, ServiceLoader.Digests(parts))
    }

    /// The sections as written (the German FIM order is by German heading); the text before the
    /// first heading is the description; empty sections go, anchor ids are made unique.
    static func inFileOrder(_ raw: [(title: String, html: String, text: String)]) -> [Section] {
        var seen: [String: Int] = [:]
        return raw.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map { part in
            let title = part.title.isEmpty ? "Description" : part.title
            var id = Slug.make(from: title)
            seen[id, default: 0] += 1
            if seen[id]! > 1 { id += "-\(seen[id]!)" }
            return Section(title: title, id: id, html: part.html, text: part.text)
        }
    }

    /// `form:`: the title and, by id, a label or a label with hint and option labels.
    static func formTexts(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> FormTranslation? {
        guard let values = formKeys.check(node, into: &diagnostics) else { return nil }
        var result = FormTranslation(title: nil, texts: [:], locations: [:])
        if let title = values["title"], !title.isNull { result.title = title.string("title", into: &diagnostics) }
        guard let fields = values["fields"], !fields.isNull, let entries = fields.mapping("„fields“", into: &diagnostics) else { return result }
        for entry in entries {
            result.locations[entry.key] = entry.keyLocation
            if case .scalar = entry.value.node {
                if let label = entry.value.string(entry.key, into: &diagnostics) { result.texts[entry.key] = .init(label: label) }
                continue
            }
            guard let keys = fieldKeys.check(entry.value, into: &diagnostics), let label = keys["label"]?.string("label", into: &diagnostics) else { continue }
            var texts = FormTranslation.Texts(label: label)
            if let hint = keys["hint"], !hint.isNull { texts.hint = hint.string("hint", into: &diagnostics) }
            if let options = keys["options"], !options.isNull { texts.options = options.stringList("options", into: &diagnostics) }
            result.texts[entry.key] = texts
        }
        return result
    }

    /// Whether the form texts fit the German form: it must be the service's own `form:`, and
    /// every id a field or group of it, with as many option labels as it has options.
    /// Ids without a text are said once, as a warning: their German label stays, marked as German.
    package static func check(_ form: FormTranslation?, of service: Service, file: String, into diagnostics: inout Diagnostics) {
        guard let form else {
            if service.form != nil {
                diagnostics.warning(SourceLocation(path: file), "kein „form“ in der Übersetzung: das übersetzte Formular zeigt die Beschriftungen von services/\(service.slug).md auf Deutsch")
            }
            return
        }
        guard let german = service.form else {
            diagnostics.error(SourceLocation(path: file), "„form“ in der Übersetzung, aber services/\(service.slug).md hat kein eigenes „form:“ (das Standardformular übersetzt das Theme, i18n/<Sprache>.yml)")
            return
        }
        var fields: [String: FormField] = [:], groups: Set<String> = []
        for item in german.items {
            switch item {
            case .field(let f): fields[f.id] = f
            case .group(let g): groups.insert(g.id); for f in g.fields { fields[f.id] = f }
            }
        }
        for (id, texts) in form.texts.sorted(by: { $0.key < $1.key }) {
            let location = form.locations[id] ?? SourceLocation(path: file)
            if groups.contains(id) {
                if texts.options != nil { diagnostics.error(location, "„\(id)“ ist eine Gruppe und hat keine Auswahlmöglichkeiten („options“)") }
                continue
            }
            guard let field = fields[id] else {
                diagnostics.error(location, "Formular der Leistung hat kein Feld „\(id)“\(Suggestion.hint(for: id, in: (Array(fields.keys) + groups).sorted()))")
                continue
            }
            if let options = texts.options, options.count != field.options.count {
                diagnostics.error(location, "„\(id)“ hat \(field.options.count) Auswahlmöglichkeiten, die Übersetzung nennt \(options.count)")
            }
        }
        let missing = (german.items.flatMap { item -> [String] in
            switch item {
            case .field(let f): return [f.id]
            case .group(let g): return [g.id] + g.fields.map(\.id)
            }
        }).filter { form.texts[$0] == nil }
        if !missing.isEmpty {
            diagnostics.warning(SourceLocation(path: file), "„form“ der Übersetzung nennt \(missing.map { "„\($0)“" }.joined(separator: ", ")) nicht: diese Beschriftungen bleiben deutsch")
        }
    }
}
