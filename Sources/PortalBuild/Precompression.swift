import CBrotli
import CZlib
import Foundation

/// The `.br` and `.gz` files beside a site's text files, which a web server sends as they are
/// (nginx `brotli_static`/`gzip_static`, Caddy `precompressed`) instead of compressing each
/// response. Both are byte-identical across builds: the encoders are deterministic at a fixed
/// quality, and the gzip header carries no time or name.
package enum Precompression {
    /// Files worth compressing: text, above 1 KB (below that a response's headers dominate).
    package static let extensions: Set<String> = ["html", "css", "js", "json", "xml", "svg", "txt", "csv"]
    package static let minimumSize = 1024
    /// Brotli's quality (0–11) and zlib's level (1–9), measured on the sample (84 MB of text,
    /// docs/benchmarks.md "Precompression"): Brotli 9 gives 0.142 of the original and made the
    /// build 10 × slower, 6 gives 0.144 in a tenth of that time; gzip 9 gives 0.153, 6 the same
    /// to three digits, faster.
    package static let brotliQuality: Int32 = 6
    package static let gzipLevel: Int32 = 6

    package enum Encoding: String, CaseIterable, Sendable {
        case brotli = "br", gzip = "gz"
    }

    package static func wants(_ path: String, size: Int) -> Bool {
        guard size > minimumSize, let dot = path.lastIndex(of: ".") else { return false }
        return extensions.contains(String(path[path.index(after: dot)...]))
    }

    package static func compress(_ data: Data, _ encoding: Encoding) -> Data? {
        switch encoding {
        case .brotli: brotli(data)
        case .gzip: gzip(data)
        }
    }

    package static func brotli(_ data: Data) -> Data? {
        var size = BrotliEncoderMaxCompressedSize(data.count)
        guard size > 0 else { return nil }
        var out = Data(count: size)
        let ok = out.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) -> Int32 in
            data.withUnsafeBytes { (source: UnsafeRawBufferPointer) -> Int32 in
                BrotliEncoderCompress(brotliQuality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, data.count,
                                      source.bindMemory(to: UInt8.self).baseAddress, &size,
                                      target.bindMemory(to: UInt8.self).baseAddress)
            }
        }
        guard ok == BROTLI_TRUE else { return nil }
        out.count = size
        return out
    }

    /// The gzip format (RFC 1952) through zlib's deflate with window bits 15 + 16; zlib writes a
    /// header with modification time 0 and no file name.
    package static func gzip(_ data: Data) -> Data? {
        var stream = z_stream()
        guard deflateInit2_(&stream, gzipLevel, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(data.count))) + 32
        var out = Data(count: bound)
        let status = out.withUnsafeMutableBytes { (target: UnsafeMutableRawBufferPointer) -> Int32 in
            data.withUnsafeBytes { (source: UnsafeRawBufferPointer) -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: source.bindMemory(to: Bytef.self).baseAddress)
                stream.avail_in = uInt(data.count)
                stream.next_out = target.bindMemory(to: Bytef.self).baseAddress
                stream.avail_out = uInt(bound)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        out.count = Int(stream.total_out)
        return out
    }
}
