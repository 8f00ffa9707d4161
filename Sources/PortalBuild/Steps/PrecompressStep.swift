import Foundation
import PortalModel
import PortalSupport

/// Writes `<file>.br` and `<file>.gz` beside every text file of the site above 1 KB
/// (`Precompression`), for servers that send precompressed files. A compressed file is taken
/// over from the previous site when its original has the fingerprint it was made from. Off with
/// `--no-precompress` (and in `portal serve`).
package struct PrecompressStep: BuildStep {
    package let name = "Vorkomprimieren (Brotli, gzip)"

    package func run(_ build: BuildState) throws {
        guard build.options.precompress else { return }
        let emitter = build.emitter, staging = build.output.staging
        let originals = emitter.ledger.files.filter { Precompression.wants($0.key, size: $0.value.size) }.sorted { $0.key < $1.key }
        try compress(originals.map { path, entry in
            (path, entry.fingerprint, { try? Data(contentsOf: staging.appendingPathComponent(path)) })
        }, into: emitter)
    }

    /// The changed files are in memory; the compressed forms of removed files go with them.
    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        guard build.options.precompress else { return }
        let emitter = build.emitter, changes = emitter.changes, files = emitter.ledger.files
        try compress(changes.replacements.compactMap { path, data in
            guard Precompression.wants(path, size: data.count), let entry = files[path] else { return nil }
            return (path, entry.fingerprint, { data })
        }, into: emitter)
        for path in changes.removals {
            for encoding in Precompression.Encoding.allCases { emitter.retire(path + "." + encoding.rawValue) }
        }
    }

    /// On all cores; a file that cannot be read back or compressed gets no compressed form.
    private func compress(_ originals: [(path: String, fingerprint: String, read: @Sendable () -> Data?)], into emitter: Emitter) throws {
        let failures = ParallelMap.map(originals) { original -> OutputFolder.WriteError? in
            // An original that cannot be digested ("-") is never taken over, nor are its forms.
            let digestible = original.fingerprint != "-"
            var data: Data?
            for encoding in Precompression.Encoding.allCases {
                let fingerprint = digestible ? encoding.rawValue + ":" + original.fingerprint : "-"
                do throws(OutputFolder.WriteError) {
                    try emitter.emitDerived(original.path + "." + encoding.rawValue, fingerprint: fingerprint) {
                        if data == nil { data = original.read() }
                        guard let data, let compressed = Precompression.compress(data, encoding), compressed.count < data.count else { return nil }
                        return compressed
                    }
                } catch {
                    return error
                }
            }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }
}
