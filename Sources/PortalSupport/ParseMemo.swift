import Foundation

/// Parse results kept between builds: a file whose text is unchanged is not parsed again. A
/// result depends only on the input text and the name it is stored under (file path and slug),
/// which together are the key; cross-file checks still run on every build. Entries of files that
/// disappear are simply never asked for again.
///
/// Two kinds:
/// - `ParseMemo()` keeps results in memory, for the next build of the same process (`portal serve`).
/// - `ParseMemo.persistent(at:tool:reuse:)` keeps them on disk, for the next `portal build`: it starts
///   from the file the previous build left (a result is taken over when the digest of its input
///   matches, decoded only when asked for) and streams each result it makes into the next file as
///   soon as it is made, so large results (the rules' table, the search tokens) are not held in
///   memory for it. `save()` completes that file; a build that fails calls `discard()`. The file is
///   tied to the binary that wrote it.
public final class ParseMemo: @unchecked Sendable {
    private struct Entry {
        var digest: String
        /// In memory (`portal serve`).
        var result: Any?
        /// As the previous build's file holds it (a slice of that file, which is read once).
        var bytes: ArraySlice<UInt8>?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    /// The next file, being written (persistent memos only).
    private var next: (url: URL, temporary: URL, fd: Int32, writer: BinaryWriter)?
    /// Folders made for it, removed again by `discard` (a failed build leaves nothing behind).
    private var madeFolders: [URL] = []

    public init() {}

    /// Version of the file layout; with the tool's digest it decides whether a file is usable.
    private static let format = 4

    /// A memo that starts from `url` (if a build of the same `tool` wrote it, and `reuse` is set)
    /// and writes its successor beside it.
    package static func persistent(at url: URL, tool: String, reuse: Bool) -> ParseMemo {
        let memo = ParseMemo()
        if reuse { memo.entries = previousEntries(url, tool: tool) }
        var folder = url.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.path) {
            memo.madeFolders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        removeAbandoned(beside: url)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".\(getpid())")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd >= 0 {
            var writer = BinaryWriter(fd: fd)
            writer.int(format)
            writer.string(tool)
            memo.next = (url, temporary, fd, writer)
        }
        return memo
    }

    /// The result of `make` for this input, computed once per (name, input).
    package func value<T: BinaryCodable>(_ name: String, input: String, make: () -> T) -> T {
        var f = Fingerprint()
        f.add(input)
        let digest = f.hex
        if let hit = lock.withLock({ entries[name] }), hit.digest == digest {
            if let result = hit.result as? T { return result }
            if let bytes = hit.bytes {
                var reader = BinaryReader(Array(bytes))
                if let result = try? T(from: &reader), reader.isAtEnd { return result }
            }
        }
        let result = make()
        lock.withLock {
            if next != nil {
                // Encoded straight into the file: a large result (the rules' table) is not copied.
                next!.writer.bool(true)
                next!.writer.string(name)
                next!.writer.string(digest)
                let size = next!.writer.placeholder()
                let start = next!.writer.position
                result.write(into: &next!.writer)
                next!.writer.patch(size, UInt64(next!.writer.position - start))
                entries[name] = nil
            } else {
                entries[name] = Entry(digest: digest, result: result)
            }
        }
        return result
    }

    /// Completes the next file (nothing for an in-memory memo): the previous file's results that were not made again join those
    /// made in this build. Also those not asked for: a build that took the search index over
    /// did not ask for the search tokens, and the next one may need them. (Entries of deleted
    /// files stay until a `--clean` build, which starts the file anew.)
    package func save() {
        lock.withLock {
            guard var file = next else { return }
            next = nil
            for (name, entry) in entries {
                guard let bytes = entry.bytes else { continue }
                file.writer.bool(true)
                file.writer.string(name)
                file.writer.string(entry.digest)
                file.writer.fixed(UInt64(bytes.count))
                file.writer.raw(Array(bytes))
            }
            file.writer.bool(false)
            let complete = file.writer.finish()
            close(file.fd)
            if !complete || rename(file.temporary.path, file.url.path) != 0 { unlink(file.temporary.path) }
        }
    }

    /// Drops the next file (the build failed; nothing for an in-memory memo): the previous one
    /// stays as it was.
    package func discard() {
        lock.withLock {
            guard let file = next else { return }
            next = nil
            close(file.fd)
            unlink(file.temporary.path)
            for folder in madeFolders { rmdir(folder.path) }
        }
    }

    /// Successor files of builds that were killed before `save` or `discard` (named by their pid).
    private static func removeAbandoned(beside url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = url.lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid(), kill(pid, 0) != 0 else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    private static func previousEntries(_ url: URL, tool: String) -> [String: Entry] {
        guard let data = BinaryReader.contents(of: url) else { return [:] }
        var reader = BinaryReader(data)
        var entries: [String: Entry] = [:]
        do throws(BinaryReader.Corrupt) {
            guard try reader.int() == format, try reader.string() == tool else { return [:] }
            while try reader.bool() {
                let name = try reader.string()
                entries[name] = Entry(digest: try reader.string(), bytes: try reader.slice(try reader.fixed()))
            }
            guard reader.isAtEnd else { return [:] }
        } catch {
            return [:]
        }
        return entries
    }
}
