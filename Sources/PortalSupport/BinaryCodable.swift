/// A value the build cache keeps in binary between builds (`BinaryWriter`, `BinaryReader`).
package protocol BinaryCodable {
    init(from r: inout BinaryReader) throws(BinaryReader.Corrupt)
    func write(into w: inout BinaryWriter)
}

extension BinaryWriter {
    package mutating func value<T: BinaryCodable>(_ value: T) { value.write(into: &self) }

    package mutating func values<T: BinaryCodable>(_ values: [T]) {
        int(values.count)
        for value in values { value.write(into: &self) }
    }

    package mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }
    package mutating func optionalValue<T: BinaryCodable>(_ value: T?) { optional(value) { $0.value($1) } }
}

extension BinaryReader {
    package mutating func value<T: BinaryCodable>(_ type: T.Type = T.self) throws(Corrupt) -> T { try T(from: &self) }

    package mutating func values<T: BinaryCodable>(_ type: T.Type = T.self) throws(Corrupt) -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try T(from: &self)) }
        return out
    }

    package mutating func optionalString() throws(Corrupt) -> String? {
        try optional { (r: inout BinaryReader) throws(Corrupt) in try r.string() }
    }

    package mutating func optionalValue<T: BinaryCodable>(_ type: T.Type = T.self) throws(Corrupt) -> T? {
        try optional { (r: inout BinaryReader) throws(Corrupt) in try T(from: &r) }
    }
}
