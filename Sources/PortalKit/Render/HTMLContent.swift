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

/// The escaping of stencil renders (`PageStencils`): a value that is exactly one leaf marker comes
/// out as the escaped form of that marker, so filling knows to escape the leaf there. Any other
/// value is escaped as `HTMLContent` does; if it contains marker characters anyway (a list printed
/// whole), it becomes a poison character and the stencil is refused.
struct StencilContent: MustacheContentType {
    static let name = "PORTAL_STENCIL"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    static let registered: Bool = {
        MustacheContentTypes.register(StencilContent(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if scalars.first == PageStencils.rawOpen, scalars.last == PageStencils.rawClose,
           !scalars.dropFirst().dropLast().contains(where: { $0 == PageStencils.rawOpen || $0 == PageStencils.rawClose }) {
            var out = String.UnicodeScalarView()
            out.append(PageStencils.escapedOpen)
            out.append(contentsOf: scalars.dropFirst().dropLast())
            out.append(PageStencils.escapedClose)
            return String(out)
        }
        if scalars.contains(where: { (0xE000...0xE003).contains($0.value) }) { return "\u{E004}" }
        return HTML.escape(text)
    }
}
