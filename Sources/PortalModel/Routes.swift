import Foundation
import PortalSupport

/// The one place that knows the site's URL layout (output contract, "URLs"): every page path,
/// data file and asset name is made here, and editors' root-relative links are read back here.
/// Site paths are relative to the site root, without a leading slash; a page's path ends in `/`
/// (written as `index.html` inside that folder), a file's path does not.
package enum Routes {
    // MARK: - Pages

    package static let home = ""
    package static let serviceIndex = "leistungen/"
    package static let places = "orte/"
    package static let search = "suche/"
    package static let notFound = "404.html"

    package static func service(_ slug: String) -> String { "leistungen/\(slug)/" }
    package static func form(_ slug: String) -> String { service(slug) + "antrag/" }
    /// A service's text in Leichte Sprache (spec v2).
    package static func easyLanguage(_ slug: String) -> String { service(slug) + "leichte-sprache/" }
    /// The `Page.slug` of a service's text in Leichte Sprache is this and the service's slug (a
    /// key apart from free pages', not a path).
    package static let easyLanguageSlugPrefix = "leichte-sprache/"
    package static func themenfeld(_ slug: String) -> String { "themen/\(slug)/" }
    package static func lebenslage(_ slug: String) -> String { "lebenslagen/\(slug)/" }
    package static func authority(_ id: String) -> String { "behoerden/\(id)/" }
    package static func place(_ ags: String) -> String { "orte/\(ags)/" }
    package static func freePage(_ slug: String) -> String { "\(slug)/" }
    /// The videos in Deutscher Gebärdensprache (`gebaerdensprache:` in site.yml) and their files.
    package static let signLanguage = "gebaerdensprache/"
    package static func signLanguageVideo(_ name: String) -> String { signLanguage + name }
    /// The same page in another language than the site's (spec v2): its path below `<language>/`
    /// (`leistungen/x/` → `en/leistungen/x/`).
    package static func translated(_ path: String, _ language: String) -> String { "\(language)/" + path }

    /// The file a page path is written to: `leistungen/x/` → `leistungen/x/index.html`.
    package static func file(of path: String) -> String {
        path.isEmpty || path.hasSuffix("/") ? path + indexFile : path
    }

    /// The file name of a folder's page, as static servers look it up.
    package static let indexFile = "index.html"

    /// The relative way from a page back to the site root (`leistungen/x/` → `../../`), so links
    /// work below any base path and from any static server.
    package static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count)
    }

    /// The key under which a page's anchor ids are kept for link checks: its path without slashes
    /// at the ends (`leistungen/x`).
    package static func anchorKey(_ path: String) -> String {
        path.split(separator: "/").joined(separator: "/")
    }

    /// First path segments the portal uses itself; a free page cannot take one of them.
    package static let reservedSlugs: Set<String> = ["leistungen", "themen", "lebenslagen", "behoerden", "orte", "suche", "assets", "data", "404", "en", "gebaerdensprache"]

    // MARK: - Files beside the pages

    package static let sitemap = "sitemap.xml"
    package static let robots = "robots.txt"
    package static let securityTxt = ".well-known/security.txt"
    /// The open data (`site.yml` `open_data:`): a page and its files.
    package static let openData = "daten/"
    package static func openDataFile(_ name: String) -> String { openData + name }

    /// `portal.css` → `assets/portal.3f2a9c01d4e5b6a7.css`: content-hashed, so browsers may cache
    /// assets forever and still see every change.
    package static func asset(_ name: String, _ data: Data) -> String { "assets/" + AssetNames.hashedName(name, data) }
    /// The folder of the finder's place list shards, named by the hash of all of them, and
    /// one shard in it (`n-ba`: names with a word starting "ba"; `p-0`: postal codes "0…").
    package static func placesData(_ data: Data) -> String { "data/orte.\(AssetNames.hash(data))/" }
    package static func placeShard(_ folder: String, _ key: String) -> String { folder + key + ".json" }
    /// The folder of one service's rules for the finder, named by the hash of all its shards, and
    /// one shard in it: a Land's (`14.json`) or a Kreis' (`14625.json`).
    package static func rulesData(_ slug: String, _ data: Data) -> String { "data/regeln/\(slug).\(AssetNames.hash(data))/" }
    package static func ruleShard(_ folder: String, _ key: String) -> String { folder + key + ".json" }
    /// The folder of the authority cards the finder shows, and one card.
    package static let authorityCards = "data/behoerden/"
    package static func authorityCard(_ id: String) -> String { authorityCards + "\(id).json" }
    /// The search index's main file; its shards lie beside it in the same folder. An index in
    /// another language than the site's (spec v2) has the language in its names.
    package static func searchIndex(_ data: Data, language: String? = nil) -> String { "data/suche\(language.map { "-" + $0 } ?? "").\(AssetNames.hash(data)).json" }
    /// A shard's file name as the main index names it, and its site path.
    package static func searchShardName(_ key: String, _ data: Data, language: String? = nil) -> String {
        "suche-\(language.map { $0 + "-" } ?? "")\(key).\(AssetNames.hash(data)).json"
    }
    package static func searchShard(_ name: String) -> String { "data/" + name }

    // MARK: - Editors' links

    /// A page an editor's root-relative link (`/leistungen/x/#kosten`) may lead to.
    package enum Target: Equatable, Sendable {
        case home, serviceIndex, places, search
        case freePage(String)
        case service(String)
        case form(String)
        /// A service's text in Leichte Sprache (`/leistungen/<slug>/leichte-sprache/`).
        case easyLanguage(String)
        case themenfeld(String)
        case lebenslage(String)
        case authority(String)
        case place(String)
        /// A page in another language (`/en/leistungen/x/`, spec v2): the language and the page
        /// it translates (home, A–Z, search, a service, a topic or a free page).
        indirect case translated(String, Target)
    }

    /// A root-relative URL without its query and fragment.
    package static func path(of url: String) -> String {
        url.firstIndex(where: { $0 == "#" || $0 == "?" }).map { String(url[..<$0]) } ?? url
    }

    /// The languages whose pages editors can link (`/en/…`): those the loader reads translation
    /// files for (`<slug>.en.md`).
    package static let translationLanguages: Set<String> = ["en"]

    /// The page a root-relative URL names (query and fragment ignored), or nil if no page of the
    /// portal can have that path. Whether the slug exists is the caller's question.
    package static func target(of url: String) -> Target? {
        let parts = path(of: url).split(separator: "/").map(String.init)
        if let language = parts.first, translationLanguages.contains(language) {
            switch target(of: "/" + parts.dropFirst().joined(separator: "/") + "/") {
            case let inner? where inner.isTranslatable: return .translated(language, inner)
            default: return nil
            }
        }
        switch parts.count {
        case 0: return .home
        case 1:
            switch parts[0] {
            case "leistungen": return .serviceIndex
            case "orte": return .places
            case "suche": return .search
            default: return .freePage(parts[0])
            }
        case 2:
            switch parts[0] {
            case "leistungen": return .service(parts[1])
            case "themen": return .themenfeld(parts[1])
            case "lebenslagen": return .lebenslage(parts[1])
            case "behoerden": return .authority(parts[1])
            case "orte": return .place(parts[1])
            default: return nil
            }
        case 3:
            guard parts[0] == "leistungen" else { return nil }
            return parts[2] == "antrag" ? .form(parts[1]) : parts[2] == "leichte-sprache" ? .easyLanguage(parts[1]) : nil
        default: return nil
        }
    }

    /// Markdown is rendered once, with editors' internal links as written (`href="/leistungen/x/"`);
    /// a page makes them relative to itself when it shows the HTML. Only such links start with a
    /// single `/` in rendered Markdown: text is escaped (no `"` in it), relative links are errors,
    /// and protocol-relative ones (`//host`) keep their two slashes.
    package static func relativeLinks(in html: String, root: String) -> String {
        // Over the UTF-8 bytes: Foundation's string search showed in profiles (every service
        // page's sections pass through here on every build).
        let marker = Array("href=\"/".utf8)
        var source = html
        return source.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var copied = 0, i = 0
            let last = bytes.count - marker.count
            while i <= last {
                guard bytes[i] == marker[0], bytes[i + 1] == marker[1], bytes[i + 2] == marker[2], bytes[i + 3] == marker[3],
                      bytes[i + 4] == marker[4], bytes[i + 5] == marker[5], bytes[i + 6] == marker[6] else { i += 1; continue }
                let slash = i + marker.count - 1
                // `href="//host`: protocol-relative, stays as it is.
                if slash + 1 < bytes.count, bytes[slash + 1] == UInt8(ascii: "/") { i = slash + 2; continue }
                if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<slash]))
                out.append(contentsOf: root.utf8)
                copied = slash + 1
                i = copied
            }
            guard copied > 0 else { return html }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

}

extension Routes.Target {
    /// The page types that exist in another language (spec v2).
    package var isTranslatable: Bool {
        switch self {
        case .home, .serviceIndex, .search, .service, .form, .themenfeld, .lebenslage, .freePage, .places, .place, .authority: return true
        default: return false
        }
    }
}
