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
        /// The page's body part (`BodyPart.Kind`; empty if it has none), made anew after an edit,
        /// the key of the body it is made from, and what else it is made from (`BodyPart.arguments`).
        package var kind: String
        package var partKey: String = ""
        package var arguments: [String] = []
        package var offset: Int
        package var length: Int
    }

    /// The archived pages, each once, and the keys each is found under: a list page is found
    /// under the summary of every service it lists (2,000 on the A–Z page).
    package struct Index {
        package var refs: [Ref] = []
        package var byKey: [String: [Int32]] = [:]

        package init() {}

        package subscript(key: String) -> [Ref]? { byKey[key].map { $0.map { refs[Int($0)] } } }
        package var keys: Dictionary<String, [Int32]>.Keys { byKey.keys }
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
        private var index = Index()
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

        /// Archives a context once, found under each of `keys`.
        package func append(_ bytes: [UInt8], keys: [String], path: String, template: String, kind: String, partKey: String, arguments: [String]) {
            lock.withLock {
                guard !failed else { return }
                index.refs.append(Ref(path: path, template: template, kind: kind, partKey: partKey, arguments: arguments, offset: offset, length: bytes.count))
                let n = Int32(index.refs.count - 1)
                for key in keys { index.byKey[key, default: []].append(n) }
                out.raw(bytes)
                offset += bytes.count
            }
        }


        /// Moves the file to `pages.bin` in its folder; the refs and their keys, or nil if anything failed.
        package func commit() -> Index? {
            lock.withLock {
                guard !failed, !closed else { return nil }
                let complete = out.finish()
                closed = true
                guard close(fd) == 0, complete,
                      rename(temporary.path, PageArchive.url(in: temporary.deletingLastPathComponent()).path) == 0 else { return nil }
                return index
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
