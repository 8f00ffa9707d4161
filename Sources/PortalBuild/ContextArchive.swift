import PortalSupport

/// A page's Mustache context stored in the build cache, so a later build can render that page
/// again without the content the context was made from (see `BodyEditBuild`). Contexts hold only
/// texts, integers, booleans, dictionaries and lists; their types come back exactly (JSON would
/// turn `true` and `1` into the same number).
package enum ContextArchive {
    private enum Tag: Int { case string, int, yes, no, dictionary, list }

    /// Nil if the context holds another kind of value (it is then never archived).
    package static func encode(_ context: [String: Any]) -> [UInt8]? {
        var writer = BinaryWriter(capacity: 4096)
        return write(context, into: &writer) ? writer.bytes : nil
    }

    package static func decode(_ bytes: [UInt8]) throws(BinaryReader.Corrupt) -> [String: Any] {
        var reader = BinaryReader(bytes)
        guard let context = try read(&reader) as? [String: Any], reader.isAtEnd else { throw BinaryReader.Corrupt() }
        return context
    }

    private static func write(_ value: Any, into w: inout BinaryWriter) -> Bool {
        switch value {
        case let s as String:
            w.int(Tag.string.rawValue); w.string(s)
        case let b as Bool:
            w.int((b ? Tag.yes : Tag.no).rawValue)
        case let i as Int:
            w.int(Tag.int.rawValue); w.int(i)
        case let dict as [String: Any]:
            w.int(Tag.dictionary.rawValue); w.int(dict.count)
            for (key, v) in dict {
                w.string(key)
                guard write(v, into: &w) else { return false }
            }
        case let list as [Any]:
            w.int(Tag.list.rawValue); w.int(list.count)
            for v in list { guard write(v, into: &w) else { return false } }
        default:
            return false
        }
        return true
    }

    private static func read(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> Any {
        switch Tag(rawValue: try r.int()) {
        case .string?: return try r.string()
        case .int?: return try r.int()
        case .yes?: return true
        case .no?: return false
        case .dictionary?:
            let n = try r.count()
            var dict: [String: Any] = [:]
            dict.reserveCapacity(n)
            for _ in 0..<n {
                let key = try r.string()
                dict[key] = try read(&r)
            }
            return dict
        case .list?:
            let n = try r.count()
            var list: [Any] = []
            list.reserveCapacity(n)
            for _ in 0..<n { list.append(try read(&r)) }
            return list
        case nil:
            throw BinaryReader.Corrupt()
        }
    }
}
