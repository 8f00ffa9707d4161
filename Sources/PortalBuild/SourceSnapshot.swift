import Foundation
import PortalSupport

/// Size, times and inode of every file below the content folder (hidden files aside, which the
/// loader never reads), taken before a build reads them. The next build compares: a file whose
/// stamp is unchanged has not been written since, so it need not be read again.
///
/// A file written within the same clock tick as it was stamped could keep its stamp (the
/// "racy" case git knows). Files modified less than `racyWindow` before the snapshot therefore
/// also get a digest of their content, and the next build compares contents for them.
package struct SourceSnapshot: Sendable, Equatable {
    package struct Stamp: Sendable, Equatable {
        package var size: Int
        package var modified: Int
        package var changed: Int
        package var inode: Int
        /// For a file modified just before the snapshot: a digest of its content.
        package var digest: String?

        package func sameFile(as other: Stamp) -> Bool {
            size == other.size && modified == other.modified && changed == other.changed && inode == other.inode
        }
    }

    /// Relative path → stamp.
    package var files: [String: Stamp]
    /// When the snapshot was taken (ns since 1970).
    package var taken: Int

    package static let racyWindow = 2_000_000_000

    /// Nil if the folder cannot be read.
    package static func take(_ root: URL) -> SourceSnapshot? {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var files: [String: Stamp] = [:]
        guard walk(root.path, prefix: "", into: &files) else { return nil }
        let taken = Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
        // After a checkout that is every file: both cores.
        let racy = files.filter { $0.value.modified >= taken - racyWindow || $0.value.changed >= taken - racyWindow }.map(\.key)
        for (path, digest) in ParallelMap.map(racy, { ($0, digest(of: root.appendingPathComponent($0))) }) {
            guard let digest else { return nil }
            files[path]?.digest = digest
        }
        return SourceSnapshot(files: files, taken: taken, root: root)
    }

    /// The folder, to read files whose content must be compared.
    package var root: URL?

    package static func digest(of url: URL) -> String? {
        guard let bytes = BinaryReader.contents(of: url) else { return nil }
        var f = Fingerprint()
        bytes.withUnsafeBytes { f.add($0) }
        return f.hex
    }

    private static func walk(_ path: String, prefix: String, into files: inout [String: Stamp]) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let relative = prefix + name
            var info = stat()
            // Relative to the open folder (no path to resolve per file). Links are followed: an
            // edit to the target of a linked file is an edit.
            guard fstatat(dirfd(dir), name, &info, 0) == 0 else { return false }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard walk(path + "/" + name, prefix: relative + "/", into: &files) else { return false }
            default:
                files[relative] = Stamp(size: Int(info.st_size),
                                        modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                                        changed: Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec),
                                        inode: Int(info.st_ino))
            }
        }
        return true
    }

    /// Files that differ from `earlier`: with another stamp, or, if they were racy then, with
    /// other content. Nil if a file was added, removed or renamed, which is never a body edit.
    package func changed(since earlier: SourceSnapshot) -> [String]? {
        guard files.count == earlier.files.count else { return nil }
        var result: [String] = []
        for (path, stamp) in files {
            guard let before = earlier.files[path] else { return nil }
            if !stamp.sameFile(as: before) {
                result.append(path)
            } else if let digest = before.digest {
                let now = stamp.digest ?? root.flatMap { Self.digest(of: $0.appendingPathComponent(path)) }
                if now != digest { result.append(path) }
            }
        }
        return result.sorted()
    }
}
