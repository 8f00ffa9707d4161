import Foundation

/// What the last complete build wrote, for incremental builds: per output file, a fingerprint of
/// what it was made from and its size. Kept in `.portal-cache/<output name>/` beside the output
/// folder (never inside it, so it is not published).
///
/// A file whose fingerprint is unchanged is hard-linked from the previous site into the new one
/// instead of being rendered and written again. The manifest is removed before a new site is
/// swapped in and written after, so an interrupted build leaves no manifest and the next build
/// is a clean one.
struct BuildCache {
    struct Entry: Codable, Equatable {
        var fingerprint: String
        var size: Int
    }

    struct Manifest: Codable {
        static let currentFormat = 1
        var format: Int
        /// Digest of the `portal` executable: another binary may render differently.
        var tool: String
        var files: [String: Entry]
        /// The search index's files by input fingerprint (its file names are content hashes).
        var search: SearchGroup?
    }

    struct SearchGroup: Codable, Equatable {
        var fingerprint: String
        var main: String
        var files: [String]
    }

    let folder: URL
    let manifestURL: URL

    init(output: URL) {
        let target = output.standardizedFileURL
        folder = target.deletingLastPathComponent().appendingPathComponent(".portal-cache").appendingPathComponent(target.lastPathComponent)
        manifestURL = folder.appendingPathComponent("manifest.json")
    }

    /// The previous build's manifest, if it was made by this same executable; else nil (clean build).
    func load() -> Manifest? {
        guard let data = try? Data(contentsOf: manifestURL),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data),
              manifest.format == Manifest.currentFormat, manifest.tool == Self.toolDigest else { return nil }
        return manifest
    }

    func invalidate() {
        try? FileManager.default.removeItem(at: manifestURL)
    }

    func save(_ manifest: Manifest) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try encoder.encode(manifest).write(to: manifestURL, options: .atomic)
        } catch {
            // Without a manifest the next build is simply a clean one.
            invalidate()
        }
    }

    /// Identifies the running executable by path, size and modification time (a rebuilt binary
    /// changes them; reading a debug binary of 100 MB on every build would not be cheap).
    static let toolDigest: String = {
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
