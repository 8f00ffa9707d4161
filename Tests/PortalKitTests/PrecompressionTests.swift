import CBrotliDecode
import CZlib
import Foundation
@testable import PortalBuild
import Testing

/// The `.br` and `.gz` files beside the site's text files: complete, decodable to exactly the
/// original, the same in every build, and switchable.
@Suite struct PrecompressionTests {
    static func brotliDecoded(_ data: Data, expectedSize: Int) -> Data? {
        var size = expectedSize
        var out = Data(count: max(size, 1))
        let ok = out.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) in
            data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
                BrotliDecoderDecompress(data.count, source.bindMemory(to: UInt8.self).baseAddress, &size, target.bindMemory(to: UInt8.self).baseAddress)
            }
        }
        guard ok == BROTLI_DECODER_RESULT_SUCCESS else { return nil }
        out.count = size
        return out
    }

    static func gzipDecoded(_ data: Data, expectedSize: Int) -> Data? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var out = Data(count: expectedSize + 1)
        let status = out.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) in
            data.withUnsafeBytes { (source: UnsafeRawBufferPointer) in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(data.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(expectedSize + 1)
                return inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        out.count = Int(stream.total_out)
        return out
    }

    @Test func everyTextFileAboveOneKilobyteHasBothFormsThatDecodeToIt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let output = temporaryFolder("precompressed").appendingPathComponent("Output")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        _ = try Pipeline.build(.init(content: fixture.root, contentDisplay: "Content", templates: nil, templatesDisplay: nil, output: output))
        let files = folderFingerprint(output).keys.sorted()
        let set = Set(files)
        var checked = 0, kinds: Set<String> = []
        for path in files where !path.hasSuffix(".br") && !path.hasSuffix(".gz") {
            let original = try Data(contentsOf: output.appendingPathComponent(path))
            let ext = String(path.split(separator: ".").last ?? "")
            let wanted = original.count > 1024 && ["html", "css", "js", "json", "xml", "svg", "txt", "csv"].contains(ext)
            #expect(set.contains(path + ".br") == wanted && set.contains(path + ".gz") == wanted, "\(path): \(original.count) bytes")
            guard wanted else { continue }
            let br = try Data(contentsOf: output.appendingPathComponent(path + ".br"))
            let gz = try Data(contentsOf: output.appendingPathComponent(path + ".gz"))
            #expect(Self.brotliDecoded(br, expectedSize: original.count) == original, "\(path).br")
            #expect(Self.gzipDecoded(gz, expectedSize: original.count) == original, "\(path).gz")
            #expect(br.count < original.count && gz.count < original.count)
            // gzip header: no modification time, no file name (bytes 4–7 zero, FLG without FNAME).
            #expect(gz.prefix(4) == Data([0x1f, 0x8b, 8, 0]) && gz[4..<8].allSatisfy { $0 == 0 }, "\(path).gz header")
            checked += 1
            kinds.insert(ext)
        }
        #expect(checked > 20 && kinds.isSuperset(of: ["html", "css", "js", "json", "xml"]), "\(checked) files, kinds \(kinds)")
    }

    @Test func switchedOffThereAreNoneAndSwitchingGivesACleanBuildsResult() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let dir = temporaryFolder("precompress-switch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("Output")
        @discardableResult func build(precompress: Bool, clean: Bool = false, into folder: URL? = nil) throws -> Pipeline.Report {
            var options = Pipeline.Options(content: fixture.root, contentDisplay: "Content", templates: nil, templatesDisplay: nil,
                                           output: folder ?? output, incremental: !clean)
            options.precompress = precompress
            return try Pipeline.build(options)
        }
        func compressed(_ folder: URL) -> Int { folderFingerprint(folder).keys.filter { $0.hasSuffix(".br") || $0.hasSuffix(".gz") }.count }
        try build(precompress: false)
        #expect(compressed(output) == 0)
        let body = fixture.root.appendingPathComponent("services/personalausweis-beantragen.md")
        for (n, precompress) in [true, true, false, true].enumerated() {
            try Data((try String(contentsOf: body, encoding: .utf8) + "\nSatz \(n).\n").utf8).write(to: body)
            let report = try build(precompress: precompress)
            // Only a build with the same setting as the last one may be a body-edit build.
            #expect(report.onlyBodiesRebuilt == (n == 1), "step \(n)")
            let clean = dir.appendingPathComponent("clean-\(n)")
            try build(precompress: precompress, clean: true, into: clean)
            #expect(folderFingerprint(output) == folderFingerprint(clean), "step \(n)")
            #expect((compressed(output) > 0) == precompress)
        }
    }
}
