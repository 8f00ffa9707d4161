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

    /// Values of `name="…"` attributes, by a plain byte scan (regular expressions are far too
    /// slow for the hundreds of thousands of links of a whole site).
    static func attributeValues(_ name: String, in html: String) -> [String] {
        let needle = Array(" \(name)=\"".utf8)
        var values: [String] = []
        var html = html
        html.makeContiguousUTF8()
        _ = html.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            let n = bytes.count, m = needle.count
            while i + m <= n {
                if bytes[i] == needle[0] && bytes[i + 1] == needle[1] {
                    var match = true
                    for k in 2..<m where bytes[i + k] != needle[k] { match = false; break }
                    if match {
                        var j = i + m
                        while j < n && bytes[j] != 0x22 { j += 1 }
                        values.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + m)..<j]), as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&"))
                        i = j
                        continue
                    }
                }
                i += 1
            }
        }
        return values
    }

    static func ids(in html: String) -> Set<String> { Set(attributeValues("id", in: html)) }

    /// Every internal `href`/`src` that does not resolve to a file (or to an id in it), as "page → link".
    func brokenLinks() -> [String] {
        var broken: [String] = []
        var idCache: [String: Set<String>] = [:]
        var existsCache: [String: Bool] = [:]
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
                if existsCache[resolved] == nil { existsCache[resolved] = exists(resolved) }
                guard existsCache[resolved]! else {
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
