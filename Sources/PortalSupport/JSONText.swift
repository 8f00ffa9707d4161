/// Compact JSON with sorted object keys, for the data files and structured data the site
/// writes (strings, integers, booleans, arrays, string-keyed objects). Writing these shapes
/// directly is several times faster than JSONSerialization on Linux, which showed up in
/// profiles with a few thousand small files per build.
enum JSONText {
    static func encode(_ value: Any) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    static func append(_ value: Any, to out: inout String) {
        switch value {
        case let s as String:
            out += SearchIndexBuilder.jsonString(s)
        case let b as Bool:
            out += b ? "true" : "false"
        case let i as Int:
            out += String(i)
        case let dict as [String: Any]:
            out += "{"
            for (n, key) in dict.keys.sorted().enumerated() {
                if n > 0 { out += "," }
                out += SearchIndexBuilder.jsonString(key)
                out += ":"
                append(dict[key]!, to: &out)
            }
            out += "}"
        case let strings as [String: String]:
            append(strings as [String: Any], to: &out)
        case let list as [Any]:
            out += "["
            for (n, item) in list.enumerated() {
                if n > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        default:
            out += "null"
        }
    }
}
