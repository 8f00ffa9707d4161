import Foundation

/// Reads a built site for assertions: its HTML files, and every internal link in them.
struct SiteInspector {
    let root: URL

    var htmlFiles: [String] {
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".html") { files.append(path) }
        }
        return files.sorted()
    }

    func read(_ path: String) -> String {
        (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    static func attributeValues(_ name: String, in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "\\s\(name)=\"([^\"]*)\"")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map {
            String(html[Range($0.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    static func ids(in html: String) -> Set<String> { Set(attributeValues("id", in: html)) }

    /// Every internal `href`/`src` that does not resolve to a file (or to an id in it), as "page → link".
    func brokenLinks() -> [String] {
        var broken: [String] = []
        var idCache: [String: Set<String>] = [:]
        for page in htmlFiles where page != "404.html" {
            let html = read(page)
            let dir = (page as NSString).deletingLastPathComponent
            for link in Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html) {
                if link.hasPrefix("http:") || link.hasPrefix("https:") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { continue }
                var target = link
                var fragment: String?
                if let hash = target.firstIndex(of: "#") { fragment = String(target[target.index(after: hash)...]); target = String(target[..<hash]) }
                if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
                var resolved = target.isEmpty ? page : (dir as NSString).appendingPathComponent(target)
                resolved = (resolved as NSString).standardizingPath
                if target.isEmpty || target.hasSuffix("/") || target == "." || target == "./" {
                    resolved = target.isEmpty ? page : (resolved.isEmpty || resolved == "." ? "index.html" : resolved + "/index.html")
                }
                if resolved.hasPrefix("../") || resolved.hasPrefix("/") {
                    broken.append("\(page) → \(link) (leaves the site)")
                    continue
                }
                guard exists(resolved) else {
                    broken.append("\(page) → \(link)")
                    continue
                }
                if let fragment, !fragment.isEmpty, resolved.hasSuffix(".html") {
                    if idCache[resolved] == nil { idCache[resolved] = Self.ids(in: read(resolved)) }
                    if !idCache[resolved]!.contains(fragment) { broken.append("\(page) → \(link) (no id \(fragment))") }
                }
            }
        }
        return broken
    }

    func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }
}
