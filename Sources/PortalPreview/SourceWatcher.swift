import Foundation

/// Notices changes below the watched folders by comparing snapshots (path, size, modification
/// time) a few times a second. Polling works the same on every file system and editor (atomic
/// saves, renames, network drives), and a snapshot of a few thousand files costs milliseconds.
struct SourceWatcher {
    let folders: [URL]

    struct Entry: Equatable {
        var size: Int64
        var modified: Int64
    }

    typealias Snapshot = [String: Entry]

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let relative = walker.nextObject() as? String {
                // Editors' swap and backup files are not content.
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                let path = folder.appendingPathComponent(relative).path
                var info = stat()
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                result[path] = Entry(size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
        return result
    }
}
