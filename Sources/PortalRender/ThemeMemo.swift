import Foundation
import PortalSupport

/// What `Theme.load` derives from the theme's files — the interface texts parsed from YAML, the
/// templates with those texts put in, their digests, whether stencils are allowed — kept in the
/// build cache under a digest of the files. A rebuild with the same theme reads it back instead
/// of parsing the YAML and matching the templates again: a tenth of a quick rebuild.
public struct ThemeMemo: Sendable {
    /// Where the memo lives, and what else must match (the executable: another one may derive
    /// differently).
    let file: URL
    let salt: String
    /// False for a clean build (`--clean`): it derives everything, and leaves the memo for the next.
    let reuse: Bool

    package init(file: URL, salt: String, reuse: Bool) {
        self.file = file
        self.salt = salt
        self.reuse = reuse
    }

    /// Everything `Theme` keeps that comes from parsing, not from the files as they are.
    struct Derived: Sendable {
        var texts: [String: [String: String]]
        var scriptJSON: [String: [String: String]]
        /// Language → template name → source with the texts put in (German included).
        var localized: [String: [String: String]]
        var missingTexts: [String: [String]]
        var stencilsAllowed: Bool
        var templateDigests: [String: String]
    }

    func read(key: String) -> Derived? {
        guard reuse, let bytes = BinaryReader.contents(of: file) else { return nil }
        var r = BinaryReader(bytes)
        func table(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> [String: String] {
            var t: [String: String] = [:]
            for _ in 0..<(try r.count()) { t[try r.string()] = try r.string() }
            return t
        }
        func tables(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> [String: [String: String]] {
            var t: [String: [String: String]] = [:]
            for _ in 0..<(try r.count()) { t[try r.string()] = try table(&r) }
            return t
        }
        do throws(BinaryReader.Corrupt) {
            guard try r.string() == salt, try r.string() == key else { return nil }
            let texts = try tables(&r), scriptJSON = try tables(&r), localized = try tables(&r)
            var missing: [String: [String]] = [:]
            for _ in 0..<(try r.count()) { missing[try r.string()] = try r.strings() }
            let derived = Derived(texts: texts, scriptJSON: scriptJSON, localized: localized, missingTexts: missing,
                                  stencilsAllowed: try r.bool(), templateDigests: try table(&r))
            return r.isAtEnd ? derived : nil
        } catch {
            return nil
        }
    }

    /// Written beside and renamed over, so a reader never sees half a memo; a failure only costs
    /// the next build the parsing. Only a build that succeeds writes it (`Theme.saveMemo`): a
    /// failed one leaves nothing beside the content.
    func write(key: String, _ derived: Derived) {
        var w = BinaryWriter()
        func table(_ t: [String: String]) {
            w.int(t.count)
            for (k, v) in t.sorted(by: { $0.key < $1.key }) { w.string(k); w.string(v) }
        }
        func tables(_ t: [String: [String: String]]) {
            w.int(t.count)
            for (k, v) in t.sorted(by: { $0.key < $1.key }) { w.string(k); table(v) }
        }
        w.string(salt)
        w.string(key)
        tables(derived.texts)
        tables(derived.scriptJSON)
        tables(derived.localized)
        w.int(derived.missingTexts.count)
        for (k, v) in derived.missingTexts.sorted(by: { $0.key < $1.key }) { w.string(k); w.strings(v) }
        w.bool(derived.stencilsAllowed)
        table(derived.templateDigests)
        let temporary = file.appendingPathExtension("\(getpid())")
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(w.bytes)) else { return }
        if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }
}
