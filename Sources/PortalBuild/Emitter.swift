import Foundation
import PortalSupport

/// The one writer of a full build: every file goes through it into the staging folder. It takes a
/// file over from the published site (a hard link) when the previous build's manifest says the
/// same fingerprint made it, and keeps the ledger of every file written or reused, from which the
/// next manifest and the build's counts are made. Safe to use from several workers.
package final class Emitter: @unchecked Sendable {
    package let output: OutputFolder
    /// The previous build's files (empty for a clean build).
    package let previous: [String: BuildCache.Entry]
    private let lock = NSLock()
    private var files: [String: BuildCache.Entry] = [:]
    private var bytes = 0, written = 0, reused = 0
    private var stopped = false

    package init(output: OutputFolder, previous: BuildCache.Manifest?) {
        self.output = output
        self.previous = previous?.files ?? [:]
    }

    /// A small file that is cheap to produce: its fingerprint is its content.
    package func emit(_ data: Data, to path: String) throws(OutputFolder.WriteError) {
        let entry = BuildCache.Entry(fingerprint: Fingerprint.of(data), size: data.count)
        if reuse(path, entry) { return }
        try output.write(data, to: path)
        record(path, entry, reused: false)
    }

    /// A page: taken over if `fingerprint` (nil: cannot be digested) is the one it was made from,
    /// otherwise rendered by `html` and written. Returns whether it was rendered.
    @discardableResult
    package func emitPage(_ path: String, fingerprint: String?, html: () -> String) throws(OutputFolder.WriteError) -> Bool {
        if let fingerprint, let entry = previous[path], entry.fingerprint == fingerprint, reuse(path, entry) { return false }
        let text = html()
        do throws(OutputFolder.WriteError) {
            try output.write(text, to: path)
        } catch {
            lock.withLock { stopped = true }
            throw error
        }
        // A page that cannot be digested gets a fingerprint that never matches.
        record(path, BuildCache.Entry(fingerprint: fingerprint ?? "-", size: text.utf8.count), reused: false)
        return true
    }

    /// Files written by someone else (the search index writes its own group), for the ledger.
    package func record(_ path: String, _ entry: BuildCache.Entry, reused wasReused: Bool) {
        lock.withLock {
            files[path] = entry
            bytes += entry.size
            if wasReused { reused += 1 } else { written += 1 }
        }
    }

    /// Set after the first failed page write (a full disk): the other workers skip their pages.
    package var hasStopped: Bool { lock.withLock { stopped } }

    /// What the ledger holds: every file of the new site with its fingerprint and size.
    package var ledger: (files: [String: BuildCache.Entry], bytes: Int, written: Int, reused: Int) {
        lock.withLock { (files, bytes, written, reused) }
    }

    private func reuse(_ path: String, _ entry: BuildCache.Entry) -> Bool {
        guard previous[path] == entry, output.reuse(path, size: entry.size) else { return false }
        record(path, entry, reused: true)
        return true
    }
}
