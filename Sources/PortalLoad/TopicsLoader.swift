import Foundation
import PortalModel
import PortalSupport

/// Reads `topics.yml`: the Themenfelder and Lebenslagen.
package enum TopicsLoader {
    package static let keys = KeyChecker(what: "topics.yml", allowed: ["themenfelder", "lebenslagen"], required: ["themenfelder"])
    package static let translationKeys = KeyChecker(what: "topics.en.yml", allowed: ["themenfelder", "lebenslagen"], required: [])
    package static let entryKeys = KeyChecker(what: "einem Thema", allowed: ["slug", "title", "description"], required: ["slug", "title"])

    /// - Parameter requireThemenfelder: false for a translation (`topics.en.yml`), which may name
    ///   only some topics.
    package static func load(_ file: SourceFile, into diagnostics: inout Diagnostics, requireThemenfelder: Bool = true) -> Topics? {
        guard let root = YAMLDocument.parse(file.text, path: file.path, firstLine: 1, into: &diagnostics),
              let values = (requireThemenfelder ? keys : translationKeys).check(root, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        func list(_ key: String) -> [Topic] {
            guard let node = values[key], !node.isNull, let entries = node.sequence(key, into: &diagnostics) else { return [] }
            var seen: [String: Int] = [:]
            var topics: [Topic] = []
            for entry in entries {
                guard let v = entryKeys.check(entry, into: &diagnostics) else { continue }
                guard let slug = v["slug"]?.string("slug", into: &diagnostics), let title = v["title"]?.string("title", into: &diagnostics) else { continue }
                if !Slug.isValid(slug) {
                    diagnostics.error(v["slug"]!.location, "„\(slug)“ ist kein gültiger Slug: \(Slug.rule)")
                    continue
                }
                if let line = seen[slug] {
                    diagnostics.error(v["slug"]!.location, "Slug „\(slug)“ ist in „\(key)“ doppelt vergeben (zuerst in Zeile \(line))")
                    continue
                }
                seen[slug] = v["slug"]!.location.line
                let description = v["description"].flatMap { $0.isNull ? nil : $0.string("description", into: &diagnostics) }
                topics.append(Topic(slug: slug, title: title, description: description))
            }
            return topics
        }
        let topics = Topics(themenfelder: list("themenfelder"), lebenslagen: list("lebenslagen"))
        if requireThemenfelder, topics.themenfelder.isEmpty, diagnostics.errors.count == before {
            diagnostics.error(root.location, "topics.yml nennt keine Themenfelder")
        }
        // Even with errors, the topics that were read let services be checked against them.
        return topics
    }
}
