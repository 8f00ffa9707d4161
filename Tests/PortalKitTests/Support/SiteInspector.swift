import Foundation
@testable import PortalSupport

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

    /// Values of `name="…"` attributes, found by jumping from `=` to `=` with C's `memchr`: a Swift
    /// byte loop or a regular expression in a debug test build takes minutes over a whole site.
    static func attributeValues(_ name: String, in html: String) -> [String] {
        var html = html
        html.makeContiguousUTF8()
        let prefix = Array(" \(name)".utf8)
        var values: [String] = []
        _ = html.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            var offset = 0
            while offset < count, let eq = memchr(base + offset, 0x3D, count - offset) {
                let at = UnsafePointer(eq.assumingMemoryBound(to: UInt8.self)) - base
                offset = at + 1
                guard at >= prefix.count, at + 1 < count, base[at + 1] == 0x22,
                      memcmp(base + at - prefix.count, prefix, prefix.count) == 0 else { continue }
                let start = at + 2
                guard let q = memchr(base + start, 0x22, count - start) else { break }
                let end = UnsafePointer(q.assumingMemoryBound(to: UInt8.self)) - base
                values.append(String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&"))
                offset = end + 1
            }
        }
        return values
    }

    /// Resolves `.` and `..` in a relative path without touching the file system.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    static func ids(in html: String) -> Set<String> { Set(attributeValues("id", in: html)) }

    /// Every internal `href`/`src` that does not resolve to a file (or to an id in it), as "page → link".
    func brokenLinks() -> [String] {
        var broken: [String] = []
        var idCache: [String: Set<String>] = [:]
        var existsCache: [String: Bool] = [:]
        for page in htmlFiles where !page.hasSuffix("404.html") {  // 404 pages link from the base path
            let html = read(page)
            let dir = (page as NSString).deletingLastPathComponent
            for link in Self.attributeValues("href", in: html) + Self.attributeValues("src", in: html) {
                if link.hasPrefix("http:") || link.hasPrefix("https:") || link.hasPrefix("mailto:") || link.hasPrefix("tel:") { continue }
                var target = link
                var fragment: String?
                if let hash = target.firstIndex(of: "#") { fragment = String(target[target.index(after: hash)...]); target = String(target[..<hash]) }
                if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
                var resolved = target.isEmpty ? page : Self.normalize(dir + "/" + target)
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
