/// Small readings of HTML the build itself produced (never of editor input).
package enum SiteHTML {
    /// The values of `id="…"` attributes, for checking links to anchors.
    package static func ids(in html: String) -> [String] {
        var ids: [String] = []
        var rest = html[...]
        while let start = rest.range(of: " id=\"") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            ids.append(String(after[..<end]))
            rest = after[end...]
        }
        return ids
    }
}
