import CFileSwap
import Foundation
import PortalSupport

/// Stage 4: the site is written into a temporary folder beside the output and swapped in only
/// when it is complete, so a failed or interrupted build never leaves a half-written site.
public struct OutputFolder: Sendable {
    public let target: URL
    public let staging: URL

    package static let stagingMarker = ".building-"

    public init(target: URL) {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        staging = parent.appendingPathComponent(".\(self.target.lastPathComponent)\(Self.stagingMarker)\(getpid())")
    }

    package static let oldMarker = ".old-"

    /// Removes staging and swapped-out folders left by builds that were killed; a running
    /// build's folders stay.
    public func removeStaleStagingFolders() {
        let parent = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for marker in [Self.stagingMarker, Self.oldMarker] {
            let prefix = ".\(target.lastPathComponent)\(marker)"
            for name in names where name.hasPrefix(prefix) {
                let pid = Int32(name.dropFirst(prefix.count)) ?? 0
                if pid == getpid() || pid <= 0 || kill(pid, 0) != 0 {
                    try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
                }
            }
        }
    }

    public func prepare() throws {
        removeStaleStagingFolders()
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
    }

    /// A file of the site could not be written (full disk, no permission, …).
    public struct WriteError: Error, Sendable {
        /// Relative to the output folder.
        public var path: String
        /// Why, in words for editors.
        public var reason: String
    }

    /// Writes one file below the staging folder, creating its folders.
    public func write(_ data: Data, to relativePath: String) throws(WriteError) {
        let url = staging.appendingPathComponent(relativePath)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        } catch {
            throw WriteError(path: relativePath, reason: Self.reason(error))
        }
    }

    /// Writes text as UTF-8 without copying it into a `Data` first (Gemeinde pages are large).
    public func write(_ text: String, to relativePath: String) throws(WriteError) {
        var text = text
        var failure: WriteError?
        text.withUTF8 { buffer in
            do throws(WriteError) {
                guard let base = buffer.baseAddress, buffer.count > 0 else { return try write(Data(), to: relativePath) }
                try write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none), to: relativePath)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    /// Replaces files of the published site in place (a build over a smaller scope, `Emitter.Strategy.inPlace`): all are first written
    /// beside their targets under hidden temporary names, then renamed over them one right after
    /// the other. A reader sees each file old or new, never a part of one; a failed write (full
    /// disk) leaves the site untouched.
    public func replaceInPlace(_ files: [(path: String, data: Data)]) throws(WriteError) {
        var staged: [(temporary: String, target: String)] = []
        func removeStaged() { for file in staged { unlink(file.temporary) } }
        for file in files {
            let url = target.appendingPathComponent(file.path)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).portal-\(getpid())")
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: temporary)
            } catch {
                unlink(temporary.path)
                removeStaged()
                throw WriteError(path: file.path, reason: Self.reason(error))
            }
            staged.append((temporary.path, url.path))
        }
        for (i, file) in staged.enumerated() where rename(file.temporary, file.target) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in staged[i...] { unlink(rest.temporary) }
            throw WriteError(path: files[i].path, reason: reason)
        }
    }

    /// Beside the output, named after it (`Output.server/`): the web server's configuration,
    /// which belongs into the server, not onto the web.
    public var serverFolder: URL {
        target.deletingLastPathComponent().appendingPathComponent(target.lastPathComponent + ".server")
    }

    /// Writes the server configuration files, each replaced by a rename and only if it changed.
    package func writeServerFiles(_ files: [(name: String, text: String)]) throws(WriteError) {
        let folder = serverFolder
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            let data = Data(text.utf8)
            if (try? Data(contentsOf: url)) == data { continue }
            let temporary = folder.appendingPathComponent(".\(name).portal-\(getpid())")
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: temporary)
            } catch {
                unlink(temporary.path)
                throw WriteError(path: "../" + folder.lastPathComponent + "/" + name, reason: Self.reason(error))
            }
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temporary.path)
                throw WriteError(path: "../" + folder.lastPathComponent + "/" + name, reason: reason)
            }
        }
    }

    /// Whether every file is in the published site with its size (on both cores: 7,441 files at
    /// 2,000 services).
    package func hasFiles(_ files: [String: BuildCache.Entry]) -> Bool {
        let all = Array(files)
        let chunks = stride(from: 0, to: all.count, by: 512).map { all[$0..<min($0 + 512, all.count)] }
        let root = target.path + "/"
        return !ParallelMap.map(chunks) { chunk in
            chunk.allSatisfy { path, entry in
                var info = stat()
                return lstat(root + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) == entry.size
            }
        }.contains(false)
    }

    /// Size of a file of the published site; nil if it is not a regular file there.
    public func publishedSize(of relativePath: String) -> Int? {
        var info = stat()
        guard lstat(target.appendingPathComponent(relativePath).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Whether the published file holds exactly `data` (read only if the size matches).
    public func publishes(_ data: Data, at relativePath: String) -> Bool {
        guard publishedSize(of: relativePath) == data.count else { return false }
        return FileManager.default.contents(atPath: target.appendingPathComponent(relativePath).path) == data
    }

    /// Takes an unchanged file over from the current site by hard link (no copy, no rewrite).
    /// False if the file is not there with the expected size or cannot be linked; the caller
    /// then writes it anew.
    public func reuse(_ relativePath: String, size: Int) -> Bool {
        let old = target.appendingPathComponent(relativePath)
        var info = stat()
        guard lstat(old.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return false }
        let new = staging.appendingPathComponent(relativePath)
        try? FileManager.default.createDirectory(at: new.deletingLastPathComponent(), withIntermediateDirectories: true)
        return link(old.path, new.path) == 0
    }

    package static func reason(_ error: Error) -> String {
        switch (error as? CocoaError)?.code {
        case .fileWriteOutOfSpace?: return "kein Speicherplatz mehr frei"
        case .fileWriteNoPermission?: return "keine Schreibrechte"
        case .fileWriteVolumeReadOnly?: return "der Datenträger ist schreibgeschützt"
        default: return error.localizedDescription
        }
    }

    /// Puts the finished site in place of the old one. A `.gitkeep` in the old folder is kept, so
    /// a repository's empty `Output/` placeholder survives builds.
    public func commit() throws {
        let fm = FileManager.default
        let keep = target.appendingPathComponent(".gitkeep")
        if fm.fileExists(atPath: keep.path) {
            try? fm.copyItem(at: keep, to: staging.appendingPathComponent(".gitkeep"))
        }
        if fm.fileExists(atPath: target.path) {
            // One step: the published folder is never missing, and a build killed right after
            // the swap leaves the old site in its staging folder, which the next build removes.
            if portal_exchange_paths(staging.path, target.path) == 0 {
                try? fm.removeItem(at: staging)
                return
            }
            // A file system without the exchange: two renames, with a short gap.
            let old = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent)\(Self.oldMarker)\(getpid())")
            try? fm.removeItem(at: old)
            try fm.moveItem(at: target, to: old)
            do {
                try fm.moveItem(at: staging, to: target)
            } catch {
                try? fm.moveItem(at: old, to: target)
                throw error
            }
            try? fm.removeItem(at: old)
        } else {
            try fm.moveItem(at: staging, to: target)
        }
    }

    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
