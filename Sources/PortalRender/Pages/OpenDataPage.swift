import Foundation
import PortalModel
import PortalSupport

extension PageRenderer {
    /// `daten/`: what the open data files hold, their licence, and the links to them.
    package func openDataPage() -> PagePlan {
        let path = Routes.openData
        let title = "Offene Daten"
        var c = frame(path: path, title: title, description: "Leistungen, Behörden und Zuständigkeiten des Portals als offene Daten (JSON und CSV).",
                      crumbs: [Crumb(title: title, path: path)])
        if let openData = site.openData {
            c["licence"] = .string(openData.licence)
            c["licence_url"] = .string(openData.licenceURL)
            c["publisher"] = .string(openData.publisher ?? site.title)
        }
        c["files"] = .list(openDataFiles.map { file in
            ["name": .string(file.name), "url": .string(file.name), "format": .string(file.format), "title": .string(file.title),
             "size": .string(Self.fileSize(file.bytes))]
        })
        return page(path, "open-data", c)
    }

    /// "12,3 MB", "840 kB", German decimal comma.
    static func fileSize(_ bytes: Int) -> String {
        if bytes >= 1_000_000 { return String(format: "%.1f MB", Double(bytes) / 1_000_000).replacingOccurrences(of: ".", with: ",") }
        return "\(max(1, (bytes + 500) / 1000)) kB"
    }
}
