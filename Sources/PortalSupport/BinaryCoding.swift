import Foundation

/// The build cache's file format: integers as variable-length (LEB128, zigzag) numbers, texts
/// as length and UTF-8. The cache is read on every incremental build, and decoding its tens of
/// thousands of entries from JSON took longer than the quickest rebuild may take altogether.
package struct BinaryWriter {
    package private(set) var bytes: [UInt8] = []
    /// With a file: the bytes go to it whenever a chunk has gathered, so a large cache file is
    /// never held whole in memory.
    private let fd: Int32?
    private let chunk: Int
    private var failed = false
    /// Bytes already written to the file.
    private var spilled = 0

    package init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
        fd = nil
        chunk = .max
    }

    /// Writes to an open file descriptor; call `finish` at the end.
    package init(fd: Int32, chunk: Int = 1 << 20) {
        bytes.reserveCapacity(chunk + 4096)
        self.fd = fd
        self.chunk = chunk
    }

    private mutating func spill(force: Bool = false) {
        guard let fd, bytes.count >= chunk || force, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { failed = true; return }
                offset += n
            }
        }
        spilled += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }

    /// Bytes written so far, to the file or not yet.
    package var position: Int { spilled + bytes.count }

    /// An unsigned number in 8 little-endian bytes (a size that a reader needs before the value).
    package mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Eight bytes to be filled in by `patch` once the value is known (the size of what follows,
    /// written straight to the file instead of being assembled in memory first). Returns where.
    package mutating func placeholder() -> Int {
        let at = position
        fixed(0)
        return at
    }

    package mutating func patch(_ at: Int, _ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { le in
            if at >= spilled {
                bytes.replaceSubrange(at - spilled..<at - spilled + 8, with: le)
            } else if let fd {
                // A spill writes the whole buffer, so the 8 bytes are either all written or none.
                if pwrite(fd, le.baseAddress!, 8, off_t(at)) != 8 { failed = true }
            }
        }
    }

    /// Writes what is left; false if any write failed.
    package mutating func finish() -> Bool {
        spill(force: true)
        return !failed
    }

    package mutating func int(_ value: Int) {
        var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func string(_ value: String) {
        var s = value
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
        spill()
    }

    /// Bytes as they are, without a length (for files with their own index, `PageArchive`).
    package mutating func raw(_ value: [UInt8]) {
        bytes.append(contentsOf: value)
        spill()
    }

    package mutating func bytes(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
        spill()
    }

    package mutating func strings(_ values: [String]) {
        int(values.count)
        for v in values { string(v) }
    }

    /// Count, then the values as 4 little-endian bytes each: read back with one copy.
    package mutating func int32s(_ values: [Int32]) {
        int(values.count)
        values.withUnsafeBytes { raw in
            if Int32(1).littleEndian == 1 {
                bytes.append(contentsOf: raw)
            } else {
                for v in values { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
            }
        }
        spill()
    }

    package mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
}

/// Reads what `BinaryWriter` wrote. A truncated or foreign file throws `Corrupt`; the caller
/// then builds without the cache.
package struct BinaryReader {
    package struct Corrupt: Error {
        package init() {}
    }

    private let data: [UInt8]
    private var at = 0

    package init(_ bytes: [UInt8]) { data = bytes }

    /// A whole file, read straight into one array (no `Data` in between: cache files are large).
    package static func contents(of url: URL) -> [UInt8]? {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        let complete = bytes.withUnsafeMutableBytes { raw in
            var at = 0
            while at < size {
                let n = Foundation.read(fd, raw.baseAddress! + at, size - at)
                if n <= 0 { return false }
                at += n
            }
            return true
        }
        return complete ? bytes : nil
    }


    /// What `BinaryWriter.fixed` wrote.
    package mutating func fixed() throws(Corrupt) -> UInt64 {
        guard data.count - at >= 8 else { throw Corrupt() }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(data[at + i]) << (8 * UInt64(i)) }
        at += 8
        return value
    }

    /// The next `count` bytes as a slice of the data read (shares its storage).
    package mutating func slice(_ count: UInt64) throws(Corrupt) -> ArraySlice<UInt8> {
        guard count <= UInt64(data.count - at) else { throw Corrupt() }
        let n = Int(count)
        defer { at += n }
        return data[at..<at + n]
    }

    package var isAtEnd: Bool { at == data.count }

    package mutating func int() throws(Corrupt) -> Int {
        var result: UInt64 = 0, shift: UInt64 = 0
        while true {
            guard at < data.count, shift < 64 else { throw Corrupt() }
            let byte = data[at]
            at += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1))
    }

    package mutating func count() throws(Corrupt) -> Int {
        let n = try int()
        // Every item takes at least one byte.
        guard n >= 0, n <= data.count - at else { throw Corrupt() }
        return n
    }

    package mutating func bool() throws(Corrupt) -> Bool {
        guard at < data.count, data[at] <= 1 else { throw Corrupt() }
        defer { at += 1 }
        return data[at] == 1
    }

    package mutating func string() throws(Corrupt) -> String {
        let n = try int()
        guard n >= 0, n <= data.count - at else { throw Corrupt() }
        defer { at += n }
        return data.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[at..<at + n]), as: UTF8.self) }
    }

    package mutating func bytes() throws(Corrupt) -> [UInt8] {
        let n = try int()
        guard n >= 0, n <= data.count - at else { throw Corrupt() }
        defer { at += n }
        return Array(data[at..<at + n])
    }

    package mutating func strings() throws(Corrupt) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    package mutating func int32s() throws(Corrupt) -> [Int32] {
        let n = try int()
        guard n >= 0, n <= (data.count - at) / 4 else { throw Corrupt() }
        var out = [Int32](repeating: 0, count: n)
        out.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[at..<at + 4 * n]))
            }
        }
        at += 4 * n
        return Int32(1).littleEndian == 1 ? out : out.map { Int32(littleEndian: $0) }
    }

    package mutating func optional<T>(_ read: (inout BinaryReader) throws(Corrupt) -> T) throws(Corrupt) -> T? {
        try bool() ? try read(&self) : nil
    }
}
