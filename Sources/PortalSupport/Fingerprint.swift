import Foundation

/// A stable 128-bit digest of what a page is made from (two independent 64-bit lanes), used by
/// incremental builds to tell whether a page or a parse result can be taken over. Stable across
/// runs and machines (little-endian words), unlike Swift's seeded `Hasher`; not meant for
/// security. Digests live only in the build cache, which is tied to the binary that wrote it.
package struct Fingerprint: Sendable {
    private var a: UInt64 = 0xcbf2_9ce4_8422_2325
    private var b: UInt64 = 0x84222325_cbf29ce4

    package init() {}

    /// Eight bytes at a time, each lane a multiply and a shift per word (multiply–xorshift, as in
    /// splitmix), the rest byte by byte as FNV-1a: hashing every input file and page context of a
    /// build byte by byte showed in profiles.
    package mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        let words = bytes.count & ~7
        while i < words {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            a = (a ^ w) &* 0xbf58_476d_1ce4_e5b9
            a ^= a >> 31
            b = (b ^ w) &* 0x94d0_49bb_1331_11eb
            b ^= b >> 29
            i += 8
        }
        while i < bytes.count {
            let byte = UInt64(bytes[i])
            a = (a ^ byte) &* 0x0000_0100_0000_01B3
            b = (b ^ byte) &* 0x0000_0001_0000_01B3 &+ 0x9E37_79B9
            i += 1
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
