import Foundation

/// The `feedback:` section of `site.yml`: where citizens tell the portal what they think.
public struct Feedback: Sendable, Equatable {
    /// The "War diese Seite hilfreich?" link on every service page, e.g. to the Nationale
    /// Feedback-Komponente: an https URL with placeholders (`Feedback.placeholders`) that name
    /// the page. Nil: no link.
    public var serviceURL: String?
    /// The feedback mechanism BITV 2.0 § 7 Abs. 2 asks for (reporting barriers), linked from
    /// every page's footer: a `mailto:` or https URI. Nil: no link.
    public var accessibility: String?

    /// What the service link's placeholders stand for (each percent-encoded).
    public static let placeholders = ["url": "the page's full address", "slug": "the service's slug",
                                      "leika": "its LeiKa key (empty if none)", "title": "its title"]

    package init(serviceURL: String? = nil, accessibility: String? = nil) {
        self.serviceURL = serviceURL
        self.accessibility = accessibility
    }

    /// The service link with its placeholders filled in.
    package func serviceLink(url: String, slug: String, leika: String?, title: String) -> String? {
        guard var link = serviceURL else { return nil }
        for (name, value) in [("url", url), ("slug", slug), ("leika", leika ?? ""), ("title", title)] {
            link = link.replacingOccurrences(of: "{\(name)}", with: Self.percentEncoded(value))
        }
        return link
    }

    /// RFC 3986's unreserved characters; everything else is percent-encoded (UTF-8).
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    package static func percentEncoded(_ s: String) -> String {
        s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }
}
