import Foundation
@testable import PortalBuild
import Testing

/// What issue #18 adds must not change a site that uses none of it: without the new site.yml
/// keys (security_txt, feedback, open_data, dates), a build differs from one without
/// precompression only by the `.br`/`.gz` files beside the originals, and no page carries any
/// of the new texts. (Against the commit before, byte for byte:
/// `STRIP_SITE_KEYS="security_txt feedback open_data" ALLOW_NEW_FILES=1 Tools/compare-builds.sh <base>`.)
@Suite struct PublishingDefaultsTests {
    @Test func withoutTheNewKeysOnlyCompressedFormsAreAdded() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("publishing-defaults")
        defer { try? FileManager.default.removeItem(at: dir) }
        func build(_ name: String, precompress: Bool) throws -> URL {
            let output = dir.appendingPathComponent(name)
            var options = Pipeline.Options(content: fixture.root, contentDisplay: "Content", templates: nil, templatesDisplay: nil, output: output)
            options.precompress = precompress
            _ = try Pipeline.build(options)
            return output
        }
        let plain = folderFingerprint(try build("plain", precompress: false))
        let compressed = folderFingerprint(try build("compressed", precompress: true))
        let originals = compressed.filter { !$0.key.hasSuffix(".br") && !$0.key.hasSuffix(".gz") }
        #expect(originals == plain)
        #expect(compressed.count > plain.count)
        for (path, _) in plain where path.hasSuffix(".html") {
            let html = try String(contentsOf: dir.appendingPathComponent("plain").appendingPathComponent(path), encoding: .utf8)
            for marker in ["Barriere melden", "War diese Seite hilfreich", "Offene Daten", "Gilt seit", "Gilt bis", "Kosten ab", "\"subjectOf\""] {
                #expect(!html.contains(marker), "\\(path): \\(marker)")
            }
        }
        #expect(!plain.keys.contains { $0.hasPrefix(".well-known/") || $0.hasPrefix("daten/") })
    }
}
