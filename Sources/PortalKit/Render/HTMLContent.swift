import Mustache

/// How `{{value}}` is escaped in every template. swift-mustache's built-in HTML escaping works on
/// Characters: a `"` or `<` followed by a combining mark (U+0301 …) is one Character and passes
/// unescaped, so a title could end an attribute value. `HTML.escape` escapes the five bytes
/// `& < > " '` wherever they occur in the UTF-8, with the same entities, and returns text
/// without any of them as it is (most text), which is also several times faster.
struct HTMLContent: MustacheContentType {
    static let name = "PORTAL_HTML"
    /// Put before every template's source; the standalone tag leaves no trace in the output.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLContent(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
