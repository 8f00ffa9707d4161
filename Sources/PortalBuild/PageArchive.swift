import Foundation
import PortalModel
import PortalRender
import PortalSupport

/// The archived contexts of the pages a body feeds (`BodyEdits`), each without its body part, in a file of their own
/// beside the manifest (`pages.bin`, 14 MB at 2,000 services): a full build streams them into
/// it as it renders, and a body edit reads only the few it needs and never rewrites it. The file
/// starts with a generation id that the manifest names, so a file from another build is never
/// taken for this one's.
package enum PageArchive {
    package struct Ref {
        /// Site path of the page, as `PagePlan.path`.
        package var path: String
        package var template: String
        /// The page's body part (`BodyPart.Kind`), made anew after an edit, and what else it
        /// is made from (`BodyPart.arguments`).
        package var kind: String
        package var arguments: [String] = []
        package var offset: Int
        package var length: Int
    }

    package static func url(in folder: URL) -> URL { folder.appendingPathComponent("pages.bin") }

    /// Collects contexts from several workers into a temporary file.
    package final class Writer: @unchecked Sendable {
        package let generation = UUID().uuidString
        private let lock = NSLock()
        private let temporary: URL
        private let fd: Int32
        private var out: BinaryWriter
        private var offset = 0
        private var refs: [String: [Ref]] = [:]
        private var failed = false
        private var closed = false

        package init(folder: URL) {
            temporary = folder.appendingPathComponent("pages.bin.\(getpid())")
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            failed = fd < 0
            out = BinaryWriter(fd: fd)
            let id = Array(generation.utf8)
            if !failed { out.raw(id) }
            offset = id.count
        }

        deinit {
            if fd >= 0 && !closed { close(fd) }
            try? FileManager.default.removeItem(at: temporary)
        }

        package func append(_ bytes: [UInt8], key: String, path: String, template: String, kind: String, arguments: [String]) {
            lock.withLock {
                guard !failed else { return }
                refs[key, default: []].append(Ref(path: path, template: template, kind: kind, arguments: arguments, offset: offset, length: bytes.count))
                out.raw(bytes)
                offset += bytes.count
            }
        }


        /// Moves the file to `pages.bin` in its folder; the refs by key, or nil if anything failed.
        package func commit() -> [String: [Ref]]? {
            lock.withLock {
                guard !failed, !closed else { return nil }
                let complete = out.finish()
                closed = true
                guard close(fd) == 0, complete,
                      rename(temporary.path, PageArchive.url(in: temporary.deletingLastPathComponent()).path) == 0 else { return nil }
                return refs
            }
        }
    }

    /// The bytes of the given pages; nil if the file is missing or of another generation.
    package static func read(_ refs: [Ref], generation: String, in folder: URL) -> [[UInt8]]? {
        let fd = open(url(in: folder).path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            var out = [UInt8](repeating: 0, count: count)
            let n = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
            return n == count ? out : nil
        }
        let id = Array(generation.utf8)
        guard bytes(at: 0, count: id.count) == id else { return nil }
        var result: [[UInt8]] = []
        for ref in refs {
            guard let data = bytes(at: ref.offset, count: ref.length) else { return nil }
            result.append(data)
        }
        return result
    }
}
