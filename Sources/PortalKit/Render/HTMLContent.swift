import Mustache

/// How `{{value}}` is escaped in every template. swift-mustache's built-in HTML escaping works on
/// Characters: a `"` or `<` followed by a combining mark (U+0301 …) is one Character and passes
/// unescaped, so a title could end an attribute value. This escapes the five bytes `& < > " '`
/// wherever they occur in the UTF-8, with the same entities, and copies text without any of
/// them as it is (most text), which is also several times faster.
struct HTMLContent: MustacheContentType {
    static let name = "PORTAL_HTML"
    /// Put before every template's source; the standalone tag leaves no trace in the output.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLContent(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: Array("&amp;".utf8))
            case 0x3C: out.append(contentsOf: Array("&lt;".utf8))
            case 0x3E: out.append(contentsOf: Array("&gt;".utf8))
            case 0x22: out.append(contentsOf: Array("&quot;".utf8))
            case 0x27: out.append(contentsOf: Array("&#39;".utf8))
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
