import Foundation
import PortalModel
import PortalSupport

/// Reads `services/<slug>.en.md` (spec v2): `title` (required), `summary`, `keywords`, `fees`,
/// `processing_time`, and the text as Markdown sections with headings in that language.
package enum TranslationLoader {
    package static let keys = KeyChecker(what: "der Übersetzung", allowed: ["title", "summary", "keywords", "fees", "processing_time"], required: ["title", "summary"])

    /// The translation and the internal links of its text (checked like a German file's).
    package static func load(_ file: SourceFile, language: String, into diagnostics: inout Diagnostics) -> (ServiceTranslation, [MarkdownDocument.Link])? {
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
        let markdown = MarkdownDocument(markdown: parts.body, path: file.path, firstLine: parts.bodyFirstLine, into: &diagnostics)
        guard diagnostics.errors.count == before else { return nil }
        return (ServiceTranslation(language: language, title: title, summary: text("summary"), keywords: keywords, fees: text("fees"),
                                   processingTime: text("processing_time"), sections: Self.inFileOrder(markdown.sections), sourcePath: file.path),
                markdown.internalLinks)
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
}
