/// Compact JSON with sorted object keys, for the data files and structured data the site
/// writes (strings, integers, booleans, arrays, string-keyed objects). Writing these shapes
/// directly is several times faster than JSONSerialization on Linux, which showed up in
/// profiles with a few thousand small files per build.
package enum JSONText {
    package static func encode(_ value: ContextValue) -> String {
        var out = ""
        append(value, to: &out)
        return out
    }

    package static func append(_ value: ContextValue, to out: inout String) {
        switch value {
        case .string(let s):
            out += jsonString(s)
        case .bool(let b):
            out += b ? "true" : "false"
        case .int(let i):
            out += String(i)
        case .object(let object):
            out += "{"
            for (n, key) in object.keys.sorted().enumerated() {
                if n > 0 { out += "," }
                out += jsonString(key)
                out += ":"
                append(object[key]!, to: &out)
            }
            out += "}"
        case .list(let list):
            out += "["
            for (n, item) in list.enumerated() {
                if n > 0 { out += "," }
                append(item, to: &out)
            }
            out += "]"
        }
    }

    /// JSON string with only `"`, `\` and control characters escaped (lowercase hex), as in search-core.js.
    package static func jsonString(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
