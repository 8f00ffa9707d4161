import PortalModel
import PortalSupport

/// The per-file facts a later build needs to tell a body edit from other changes and to check
/// links again without loading the other files.
package struct ContentSources: Sendable {
    package struct ServiceSource: Sendable {
        package var slug: String
        /// Relative to the content folder: `services/<slug>.md`.
        package var relativePath: String
        /// As shown in messages.
        package var display: String
        package var digests: ServiceLoader.Digests
        package var links: [MarkdownDocument.Link]
        package var warnings: [Diagnostic]

        package init(slug: String, relativePath: String, display: String, digests: ServiceLoader.Digests, links: [MarkdownDocument.Link], warnings: [Diagnostic]) {
            self.slug = slug
            self.relativePath = relativePath
            self.display = display
            self.digests = digests
            self.links = links
            self.warnings = warnings
        }
    }

    /// In file order.
    package var services: [ServiceSource] = []
    /// Free pages (`pages/<slug>.md`), in file order: the same facts, `slug` being the page's.
    package var pages: [ServiceSource] = []
    /// Service texts in another language (`services/<slug>.en.md`, `slug` the service's) and
    /// free pages in another language (`pages/<slug>.en.md`, `slug` the page's: `en/<slug>`).
    package var translations: [ServiceSource] = []
    package var translatedPages: [ServiceSource] = []
    /// Services' texts in Leichte Sprache (`services/<slug>.ls.md`, `slug` the page's:
    /// `leichte-sprache/<slug>`).
    package var easyLanguage: [ServiceSource] = []
    /// Authorities (`authorities/<id>.yml`, `slug` the id), in file order. Their digests: of
    /// the name as "front matter" (a new name reaches many pages), of the file as "body" (the
    /// details, which `BodyEdits` serves).
    package var authorities: [ServiceSource] = []
    package var known: KnownURLs?
    /// Links in free pages.
    package var pageLinks: [MarkdownDocument.Link] { pages.flatMap(\.links) }
    /// Every checked link, in the order the loader checks them.
    package var allLinks: [MarkdownDocument.Link] {
        services.flatMap(\.links) + pageLinks + translations.flatMap(\.links) + translatedPages.flatMap(\.links) + easyLanguage.flatMap(\.links)
    }
    /// The files whose warnings are kept with them (`ServiceSource.warnings`).
    package var files: [ServiceSource] { services + pages + translations + translatedPages + easyLanguage + authorities }
    /// Warnings about other files than those in `files`.
    package var otherWarnings: [Diagnostic] = []

    package init(services: [ServiceSource] = [], pages: [ServiceSource] = [], known: KnownURLs? = nil, otherWarnings: [Diagnostic] = []) {
        self.services = services
        self.pages = pages
        self.known = known
        self.otherWarnings = otherWarnings
    }

    package static func authorityDigests(_ authority: Authority, text: String) -> ServiceLoader.Digests {
        var name = Fingerprint(), file = Fingerprint()
        name.add(authority.id); name.add(authority.name)
        file.add(text)
        return ServiceLoader.Digests(frontMatter: name.hex, body: file.hex)
    }
}
