import Foundation
import PortalModel
import PortalSupport

/// Reads a service's text in Leichte Sprache, `services/<slug>.ls.md` (spec v2): front matter with
/// `title` (required) and `summary`, then the text as Markdown sections.
package enum EasyLanguageLoader {
    package static let keys = KeyChecker(what: "dem Text in Leichter Sprache", allowed: ["title", "summary"], required: ["title"])
    /// The file name ending that marks a text in Leichte Sprache.
    package static let suffix = ".ls.md"
    /// The text's `Page.slug` is this and the service's slug.
    package static let pagePrefix = Routes.easyLanguageSlugPrefix

    /// The text as a `Page` whose slug is its site path below the service (its body is tracked
    /// apart from free pages', see `Page.bodyKey`), and its internal links, for the link check.
    package static func load(_ file: SourceFile, service slug: String, into diagnostics: inout Diagnostics) -> (page: Page, links: [MarkdownDocument.Link], digests: ServiceLoader.Digests)? {
        let before = diagnostics.errors.count
        guard let (parts, values, title) = PageLoader.titled(file, keys: keys, into: &diagnostics) else { return nil }
        let summary = values["summary"].flatMap { $0.isNull ? nil : $0.string("summary", into: &diagnostics) }
        let markdown = MarkdownDocument(markdown: parts.body, path: file.path, firstLine: parts.bodyFirstLine, into: &diagnostics)
        if markdown.sections.allSatisfy({ $0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
            diagnostics.error(SourceLocation(path: file.path, line: parts.bodyFirstLine), "der Text in Leichter Sprache ist leer")
        }
        guard diagnostics.errors.count == before else { return nil }
        let (html, text) = PageLoader.bodyWithHeadings(markdown)
        return (Page(slug: pagePrefix + slug, title: title, description: summary, html: html, text: text, sourcePath: file.path),
                markdown.internalLinks, ServiceLoader.Digests(parts))
    }
}
