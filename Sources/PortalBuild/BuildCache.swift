import Foundation
import PortalSupport

/// What the last complete build wrote, for incremental builds: per output file, a fingerprint of
/// what it was made from and its size. Kept in `.portal-cache/<output name>/` beside the output
/// folder (never inside it, so it is not published).
///
/// A file whose fingerprint is unchanged is hard-linked from the previous site into the new one
/// instead of being rendered and written again. The manifest is removed before a new site is
/// swapped in and written after, so an interrupted build leaves no manifest and the next build
/// is a clean one.
package struct BuildCache {
    package struct Entry: Equatable {
        package var fingerprint: String
        package var size: Int
    }

    package struct Manifest {
        package static let currentFormat = 11
        package var format: Int
        /// Digest of the `portal` executable: another binary may render differently.
        package var tool: String
        package var files: [String: Entry]
        /// The search index's files by input fingerprint (its file names are content hashes).
        package var search: SearchGroup?
        /// Whether the site has the `.br` and `.gz` files (`PrecompressStep`).
        package var precompressed: Bool
        /// For a following body edit (`BodyEdits`); nil if the build could not record it.
        package var bodyEdits: BodyEditRecord?
    }

    package struct SearchGroup: Equatable {
        package var fingerprint: String
        package var main: String
        package var files: [String]
    }

    package let folder: URL
    package let manifestURL: URL
    /// What the loaders parsed, by file (`ParseMemo`), for the next build to take over.
    package var parseFile: URL { folder.appendingPathComponent("parse.bin") }
    /// What loading the theme derived from its files (`ThemeMemo`).
    package var themeFile: URL { folder.appendingPathComponent("theme.bin") }

    package init(output: URL) {
        let target = output.standardizedFileURL
        folder = target.deletingLastPathComponent().appendingPathComponent(".portal-cache").appendingPathComponent(target.lastPathComponent)
        manifestURL = folder.appendingPathComponent("manifest.bin")
    }

    /// The previous build's manifest, if it was made by this same executable; else nil (clean build).
    package func load() -> Manifest? {
        guard let bytes = BinaryReader.contents(of: manifestURL) else { return nil }
        var reader = BinaryReader(bytes)
        guard let manifest = try? Manifest(from: &reader), reader.isAtEnd,
              manifest.format == Manifest.currentFormat, manifest.tool == Self.toolDigest else { return nil }
        return manifest
    }

    package func invalidate() {
        try? FileManager.default.removeItem(at: manifestURL)
    }

    package func save(_ manifest: Manifest) {
        // Streamed into a temporary file and renamed: the manifest with the body-edit record is
        // large (18 MB at 2,000 services), and a half-written one must never be read.
        let temporary = folder.appendingPathComponent("manifest.bin.\(getpid())")
        var saved = false
        defer { if !saved { try? FileManager.default.removeItem(at: temporary); invalidate() } }
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return }
        var writer = BinaryWriter(fd: fd)
        manifest.write(into: &writer)
        let complete = writer.finish()
        guard close(fd) == 0, complete else { return }
        saved = rename(temporary.path, manifestURL.path) == 0
    }

    /// Identifies the running executable by path, size and modification time (a rebuilt binary
    /// changes them; reading a debug binary of 100 MB on every build would not be cheap).
    package static let toolDigest: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        var info = stat()
        guard stat(path, &info) == 0 else { return "unknown" }
        var f = Fingerprint()
        f.add(path)
        f.add(Int(info.st_size))
        f.add(Int(info.st_mtim.tv_sec))
        f.add(Int(info.st_mtim.tv_nsec))
        return f.hex
    }()
}

extension BuildCache.Manifest {
    package func write(into w: inout BinaryWriter) {
        w.int(format)
        w.string(tool)
        w.int(files.count)
        for (path, entry) in files { w.string(path); w.string(entry.fingerprint); w.int(entry.size) }
        w.optional(search) { w, group in w.string(group.fingerprint); w.string(group.main); w.strings(group.files) }
        w.bool(precompressed)
        w.optional(bodyEdits) { w, record in record.write(into: &w) }
    }

    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        format = try r.int()
        guard format == Self.currentFormat else { throw BinaryReader.Corrupt() }
        tool = try r.string()
        let count = try r.count()
        files = [:]
        files.reserveCapacity(count)
        for _ in 0..<count { files[try r.string()] = BuildCache.Entry(fingerprint: try r.string(), size: try r.int()) }
        search = try r.optional { r throws(BinaryReader.Corrupt) in
            BuildCache.SearchGroup(fingerprint: try r.string(), main: try r.string(), files: try r.strings())
        }
        precompressed = try r.bool()
        bodyEdits = try r.optional { r throws(BinaryReader.Corrupt) in try BodyEditRecord(from: &r) }
    }
}
