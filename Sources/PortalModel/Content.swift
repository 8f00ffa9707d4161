/// The whole validated content tree: what the load stage hands to the later stages.
public struct Content: Sendable {
    public var site: Site
    public var topics: Topics
    /// Sorted by title (German collation), the order of the A–Z list.
    public var services: [Service]
    public var authorities: [String: Authority]
    /// In file order.
    public var regions: [Region]
    public var responsibilities: [Responsibility]
    public var pages: [Page]
    /// Editor additions to the search synonyms (`Content/synonyms.txt`), if any.
    public var synonyms: String?
    /// Sorted by file and line.
    public var warnings: [Diagnostic]
    /// What the loader saw of each file, for `BodyEditBuild`.
    var sources = ContentSources()
}

/// The per-file facts a later build needs to tell a body edit from other changes and to check
/// links again without loading the other files.
struct ContentSources: Sendable {
    struct ServiceSource: Sendable {
        var slug: String
        /// Relative to the content folder: `services/<slug>.md`.
        var relativePath: String
        /// As shown in messages.
        var display: String
        var digests: ServiceLoader.Digests
        var links: [MarkdownDocument.Link]
        var warnings: [Diagnostic]
    }

    /// In file order.
    var services: [ServiceSource] = []
    var known: KnownURLs?
    /// Links in free pages.
    var pageLinks: [MarkdownDocument.Link] = []
    /// Warnings about other files than services.
    var otherWarnings: [Diagnostic] = []
}
