import Foundation
import PortalModel

/// Reads `gebaerdensprache:` in site.yml: a list of `{file, title, duration}`; the files are
/// checked against the content folder by `ContentLoader` (`SignLanguageLoader.measure`).
package enum SignLanguageLoader {
    package static let keys = KeyChecker(what: "einem Eintrag unter „gebaerdensprache“", allowed: ["file", "title", "duration"], required: ["file", "title", "duration"])
    /// Containers every current browser plays in `<video>` without a plugin.
    package static let extensions = ["mp4", "webm"]

    package static func load(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> [SignLanguageVideo]? {
        guard let items = node.sequence("gebaerdensprache", into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        var videos: [SignLanguageVideo] = []
        for item in items {
            guard let values = keys.check(item, into: &diagnostics) else { continue }
            func text(_ key: String) -> String? {
                guard let n = values[key], let s = n.string(key, into: &diagnostics) else { return nil }
                return s.trimmingCharacters(in: .whitespaces)
            }
            guard let file = text("file"), let title = text("title"), let duration = text("duration") else { continue }
            if !Validators.isContentRelativePath(file, folder: String(file.split(separator: "/").first ?? ""), suffix: "")
                || !extensions.contains(String(file.split(separator: ".").last ?? "").lowercased()) {
                diagnostics.error(values["file"]!.location, "„file“ muss ein Video (.mp4 oder .webm) in einem Unterordner des Inhaltsordners nennen, z. B. „media/dgs-inhalt.mp4“, nicht „\(file)“")
            }
            if duration.range(of: #"^\d{1,2}:[0-5]\d$"#, options: .regularExpression) == nil {
                diagnostics.error(values["duration"]!.location, "„duration“ ist die Dauer als Minuten:Sekunden, z. B. „2:30“, nicht „\(duration)“")
            }
            if title.isEmpty { diagnostics.error(values["title"]!.location, "„title“ ist leer") }
            videos.append(SignLanguageVideo(file: file, title: title, duration: duration, location: item.location))
        }
        return diagnostics.errors.count == before ? videos : nil
    }

    /// The files' sizes; a missing or empty file is an error at its entry.
    package static func measure(_ videos: [SignLanguageVideo], root: URL, into diagnostics: inout Diagnostics) -> [SignLanguageVideo] {
        var names: Set<String> = []
        return videos.map { video in
            var measured = video
            let size = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(video.file).path))?[.size] as? Int
            if let size, size > 0 { measured.bytes = size } else {
                diagnostics.error(video.location, "Video „\(video.file)“ \(size == nil ? "gibt es im Inhaltsordner nicht" : "ist leer")")
            }
            if !names.insert(video.publishedName).inserted {
                diagnostics.error(video.location, "zwei Videos heißen „\(video.publishedName)“; sie würden unter gebaerdensprache/ dieselbe Datei")
            }
            return measured
        }
    }
}
