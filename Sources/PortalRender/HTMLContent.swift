import Mustache
import PortalSupport

/// How `{{value}}` is escaped in every template. swift-mustache's built-in HTML escaping works on
/// Characters: a `"` or `<` followed by a combining mark (U+0301 …) is one Character and passes
/// unescaped, so a title could end an attribute value. `HTML.escape` escapes the five bytes
/// `& < > " '` wherever they occur in the UTF-8, with the same entities, and returns text
/// without any of them as it is (most text), which is also several times faster.
package struct HTMLContent: PortalContentType {
    package static let name = "PORTAL_HTML"

    package func escapeText(_ text: String) -> String { HTML.escape(text) }
}

/// A content type of ours, chosen per template by a pragma.
package protocol PortalContentType: MustacheContentType {
    static var name: String { get }
}

extension PortalContentType {
    /// Put before every template's source; the standalone tag leaves no trace in the output.
    package static var pragma: String { "{{% CONTENT_TYPE: \(name) }}\n" }
}

/// Registers our content types once per process.
package enum PortalContentTypes {
    package static let registered: Bool = {
        MustacheContentTypes.register(HTMLContent(), named: HTMLContent.name)
        MustacheContentTypes.register(StencilContent(), named: StencilContent.name)
        return true
    }()
}
