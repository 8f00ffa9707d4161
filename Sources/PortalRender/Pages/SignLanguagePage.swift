import Foundation
import PortalModel
import PortalSupport

extension PageRenderer {
    /// `gebaerdensprache/`: the videos in Deutscher Gebärdensprache, each to play and to download
    /// with its file size and duration (BITV 2.0 § 4 and Anlage 2).
    package func signLanguagePage() -> PagePlan {
        let path = Routes.signLanguage
        var c = frame(path: path, title: "Gebärdensprache", description: "Informationen zu diesem Portal in Deutscher Gebärdensprache (DGS).",
                      crumbs: [Crumb(title: "Gebärdensprache", path: path)])
        c["videos"] = .list(site.signLanguage.enumerated().map { i, video in
            let type = video.publishedName.lowercased().hasSuffix(".webm") ? "video/webm" : "video/mp4"
            return ["id": .string("video-\(i + 1)"), "title": .string(video.title), "url": .string(video.publishedName), "type": .string(type),
                    "duration": .string(video.duration), "size": .string(Self.megabytes(video.bytes)),
                    "format": .string(type == "video/webm" ? "WebM" : "MP4")]
        })
        return page(path, "sign-language", c)
    }

    /// "12,4 MB" (German decimal comma; below 1 MB in kB).
    static func megabytes(_ bytes: Int) -> String {
        if bytes < 1_000_000 { return "\(max(1, bytes / 1_000)) kB" }
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10),\(tenths % 10) MB"
    }
}
