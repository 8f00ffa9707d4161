import Foundation

/// A stable 128-bit digest of what a page is made from (two independent 64-bit FNV-1a lanes),
/// used by incremental builds to tell whether a page must be rendered again. Stable across runs
/// and machines, unlike Swift's seeded `Hasher`; not meant for security.
package struct Fingerprint: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x84222325_cbf29ce4

    package init() {}

    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x0000_0001_0000_01B3 &+ 0x9E37_79B9
        }
    }

    package mutating func add(_ string: String) {
        var s = string
        s.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(tag: 0xFF)
    }

    package mutating func add(_ data: Data) {
        data.withUnsafeBytes { add($0) }
        add(tag: 0xFE)
    }

    package mutating func add(_ int: Int) {
        withUnsafeBytes(of: Int64(int).littleEndian) { add($0) }
    }

    /// A one-byte marker between values, so `["ab", "c"]` and `["a", "bc"]` differ.
    package mutating func add(tag: UInt8) {
        withUnsafeBytes(of: tag) { add($0) }
    }

    package var hex: String {
        func h(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return h(a) + h(b)
    }

    package static func of(_ data: Data) -> String {
        var f = Fingerprint()
        f.add(data)
        return f.hex
    }
}
