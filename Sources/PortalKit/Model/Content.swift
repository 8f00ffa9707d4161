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
    public var warnings: [Diagnostic]
}
