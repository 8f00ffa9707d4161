import Foundation
import PortalSupport

/// The one writer of a build: every file a step produces goes through it. It keeps the ledger of
/// every file of the new site (written or taken over), from which the next manifest and the
/// build's counts are made. Safe to use from several workers.
///
/// Two ways to publish, one per scope (`BuildScope`):
/// - **staging** (a full build): files go into the staging folder; a file whose fingerprint the
///   previous manifest recorded is taken over from the published site by hard link; the folder
///   is swapped in at the end.
/// - **in place** (a build over a smaller scope): the ledger starts as the previous site; files
///   that changed are kept in memory and put into the published site by `PublishStep`, each
///   by a rename (`OutputFolder.replaceInPlace`).
package final class Emitter: @unchecked Sendable {
    package enum Strategy { case staging, inPlace }

    package let output: OutputFolder
    package let strategy: Strategy
    /// The previous build's files (empty for a clean build).
    package let previous: [String: BuildCache.Entry]
    private let lock = NSLock()
    private var files: [String: BuildCache.Entry]
    private var bytes = 0, written = 0, reused = 0
    private var stopped = false
    /// In place: the changed files in the order they were emitted, and the files no longer part of the site.
    private var replacements: [(path: String, data: Data)] = []
    private var removals: [String] = []

    package init(output: OutputFolder, previous: BuildCache.Manifest?, strategy: Strategy = .staging) {
        self.output = output
        self.strategy = strategy
        self.previous = previous?.files ?? [:]
        files = strategy == .inPlace ? self.previous : [:]
    }

    /// A small file that is cheap to produce: its fingerprint is its content.
    package func emit(_ data: Data, to path: String) throws(OutputFolder.WriteError) {
        try emit(data, to: path, entry: BuildCache.Entry(fingerprint: Fingerprint.of(data), size: data.count))
    }

    /// A file with the fingerprint of what it was made from. `namedByContent`: the file's name is
    /// a hash of its bytes, so a published file of that name and size is this file.
    package func emit(_ data: Data, to path: String, entry: BuildCache.Entry, namedByContent: Bool = false) throws(OutputFolder.WriteError) {
        switch strategy {
        case .staging:
            if reuse(path, entry) { return }
            try output.write(data, to: path)
            record(path, entry, reused: false)
        case .inPlace:
            let present = (namedByContent || previous[path] == entry) && output.publishedSize(of: path) == data.count
            lock.withLock {
                files[path] = entry
                if !present { replacements.append((path, data)) }
            }
        }
    }

    /// A page: taken over if `fingerprint` (nil: cannot be digested) is the one it was made from,
    /// otherwise rendered by `html` and written. Returns whether it was rendered.
    @discardableResult
    package func emitPage(_ path: String, fingerprint: String?, html: () -> String) throws(OutputFolder.WriteError) -> Bool {
        if strategy == .staging, let fingerprint, let entry = previous[path], entry.fingerprint == fingerprint, reuse(path, entry) { return false }
        if strategy == .inPlace, let fingerprint, let entry = previous[path], entry.fingerprint == fingerprint,
           output.publishedSize(of: path) == entry.size { return false }
        let text = html()
        // A page that cannot be digested gets a fingerprint that never matches.
        let entry = BuildCache.Entry(fingerprint: fingerprint ?? "-", size: text.utf8.count)
        switch strategy {
        case .staging:
            do throws(OutputFolder.WriteError) {
                try output.write(text, to: path)
            } catch {
                lock.withLock { stopped = true }
                throw error
            }
            record(path, entry, reused: false)
        case .inPlace:
            // A page made again whose text did not change (a list whose template does not show
            // the edited summary) stays as it is: its file is not replaced.
            let data = Data(text.utf8)
            let same = output.publishes(data, at: path)
            lock.withLock {
                files[path] = entry
                if !same { replacements.append((path, data)) }
            }
        }
        return true
    }

    /// A file made from another file of the site (its compressed form): taken over if the
    /// previous build made it from the same `fingerprint`, otherwise made by `make` (nil: not
    /// worth writing, e.g. no smaller than the original) and written.
    package func emitDerived(_ path: String, fingerprint: String, make: () -> Data?) throws(OutputFolder.WriteError) {
        if fingerprint != "-", let entry = previous[path], entry.fingerprint == fingerprint {
            switch strategy {
            case .staging: if reuse(path, entry) { return }
            case .inPlace: if output.publishedSize(of: path) == entry.size { lock.withLock { files[path] = entry }; return }
            }
        }
        guard let data = make() else {
            if strategy == .inPlace { retire(path) }
            return
        }
        try emit(data, to: path, entry: BuildCache.Entry(fingerprint: fingerprint, size: data.count))
    }

    /// In place: a file of the previous site that the new one no longer has.
    package func retire(_ path: String) {
        lock.withLock {
            if files.removeValue(forKey: path) != nil { removals.append(path) }
        }
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
        lock.withLock {
            switch strategy {
            case .staging: return (files, bytes, written, reused)
            case .inPlace: return (files, files.values.reduce(0) { $0 + $1.size }, replacements.count, files.count - replacements.count)
            }
        }
    }

    /// In place: what `PublishStep` puts into the published site.
    package var changes: (replacements: [(path: String, data: Data)], removals: [String]) {
        lock.withLock { (replacements, removals) }
    }

    private func reuse(_ path: String, _ entry: BuildCache.Entry) -> Bool {
        guard previous[path] == entry, output.reuse(path, size: entry.size) else { return false }
        record(path, entry, reused: true)
        return true
    }
}
