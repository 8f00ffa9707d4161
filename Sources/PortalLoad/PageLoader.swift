import Foundation
import PortalModel
import PortalSupport

/// Reads one free page `pages/<slug>.md`.
package enum PageLoader {
    package static let keys = KeyChecker(what: "der Seite", allowed: ["title", "description", "extra"] + LifecycleLoader.keys, required: ["title"])

    /// The page, its internal links, and the digests of its front matter and body (to tell a body edit).
    package static func load(_ file: SourceFile, slug: String, into diagnostics: inout Diagnostics) -> (Page, [MarkdownDocument.Link], ServiceLoader.Digests)? {
        let before = diagnostics.errors.count
        guard let (parts, values, title) = titled(file, keys: keys, into: &diagnostics) else { return nil }
        let description = values["description"].flatMap { $0.isNull ? nil : $0.string("description", into: &diagnostics) }
        var extra: TemplateValue?
        if let node = values["extra"], !node.isNull {
            var budget = 10_000
            extra = node.templateValue(budget: &budget)
            if extra == nil { diagnostics.error(node.location, "„extra“ ist zu groß (mehr als 10 000 Einträge)") }
        }
        let lifecycle = LifecycleLoader.load(values, into: &diagnostics)
        let markdown = MarkdownDocument(markdown: parts.body, path: file.path, firstLine: parts.bodyFirstLine, into: &diagnostics)
        guard diagnostics.errors.count == before else { return nil }
        let (html, text) = bodyWithHeadings(markdown)
        return (Page(slug: slug, title: title, description: description, extra: extra, html: html, text: text, sourcePath: file.path,
                     lifecycle: lifecycle),
                markdown.internalLinks, ServiceLoader.Digests(parts))
    }

    /// The front matter of a Markdown file whose `title` is required, checked against `keys`, and
    /// the title (an empty one is an error).
    package static func titled(_ file: SourceFile, keys: KeyChecker, into diagnostics: inout Diagnostics) -> (FrontMatter, [String: YAMLNode], String)? {
        guard let parts = FrontMatter.split(file, into: &diagnostics),
              let root = YAMLDocument.parse(parts.yaml, path: file.path, firstLine: parts.yamlFirstLine, into: &diagnostics),
              let values = keys.check(root, into: &diagnostics) else { return nil }
        let title = (values["title"].flatMap { $0.isNull ? nil : $0.string("title", into: &diagnostics) } ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty, let n = values["title"] { diagnostics.error(n.location, "„title“ ist leer") }
        return (parts, values, title)
    }

    /// A page body that keeps its headings: each section with its own H2, as HTML and as text.
    package static func bodyWithHeadings(_ markdown: MarkdownDocument) -> (html: String, text: String) {
        var html = "", text = ""
        for section in markdown.sections {
            if !section.title.isEmpty {
                html += "<h2 id=\"\(Slug.make(from: section.title))\">\(HTML.escape(section.title))</h2>\n"
            }
            html += section.html
            text += section.title + "\n" + section.text + "\n"
        }
        return (html, text)
    }
}
