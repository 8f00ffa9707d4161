import PortalSupport

/// A page's context stored in the build cache, so a later build can render that page again
/// without the content the context was made from (see `BodyEdits`). The value types come back
/// exactly (JSON would turn `true` and `1` into the same number).
package enum ContextArchive {
    private enum Tag: Int { case string, int, yes, no, dictionary, list }

    package static func encode(_ context: Context) -> [UInt8] {
        var writer = BinaryWriter(capacity: 4096)
        write(.object(context), into: &writer)
        return writer.bytes
    }

    package static func decode(_ bytes: [UInt8]) throws(BinaryReader.Corrupt) -> Context {
        var reader = BinaryReader(bytes)
        guard case .object(let context) = try read(&reader), reader.isAtEnd else { throw BinaryReader.Corrupt() }
        return context
    }

    private static func write(_ value: ContextValue, into w: inout BinaryWriter) {
        switch value {
        case .string(let s):
            w.int(Tag.string.rawValue); w.string(s)
        case .bool(let b):
            w.int((b ? Tag.yes : Tag.no).rawValue)
        case .int(let i):
            w.int(Tag.int.rawValue); w.int(i)
        case .object(let object):
            w.int(Tag.dictionary.rawValue); w.int(object.count)
            for (key, v) in object {
                w.string(key)
                write(v, into: &w)
            }
        case .list(let list):
            w.int(Tag.list.rawValue); w.int(list.count)
            for v in list { write(v, into: &w) }
        }
    }

    private static func read(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> ContextValue {
        switch Tag(rawValue: try r.int()) {
        case .string?: return .string(try r.string())
        case .int?: return .int(try r.int())
        case .yes?: return .bool(true)
        case .no?: return .bool(false)
        case .dictionary?:
            let n = try r.count()
            var object: [String: ContextValue] = [:]
            object.reserveCapacity(n)
            for _ in 0..<n {
                let key = try r.string()
                object[key] = try read(&r)
            }
            return .object(object)
        case .list?:
            let n = try r.count()
            var list: [ContextValue] = []
            list.reserveCapacity(n)
            for _ in 0..<n { list.append(try read(&r)) }
            return .list(list)
        case nil:
            throw BinaryReader.Corrupt()
        }
    }
}
