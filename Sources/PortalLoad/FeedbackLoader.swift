import Foundation
import PortalModel

/// Reads the `feedback:` section of `site.yml`.
package enum FeedbackLoader {
    package static let keys = KeyChecker(what: "„feedback“", allowed: ["service_url", "accessibility"], required: [])

    package static func load(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> Feedback? {
        guard let values = keys.check(node, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        func text(_ key: String) -> (String, YAMLNode)? {
            guard let n = values[key], !n.isNull, let s = n.string(key, into: &diagnostics) else { return nil }
            return (s.trimmingCharacters(in: .whitespaces), n)
        }
        var serviceURL: String?
        if let (url, n) = text("service_url") {
            let names = placeholderNames(in: url)
            let unknown = names.filter { Feedback.placeholders[$0] == nil }
            let filled = Feedback(serviceURL: url).serviceLink(url: "https://x.de/", slug: "x", leika: "x", title: "x") ?? url
            if let name = unknown.first {
                diagnostics.error(n.location, "„service_url“ in „feedback“ kennt den Platzhalter „{\(name)}“ nicht; möglich sind {url}, {slug}, {leika} und {title}")
            } else if !filled.lowercased().hasPrefix("https://") || !Validators.isAbsoluteHTTPURL(filled) {
                diagnostics.error(n.location, "„service_url“ in „feedback“ muss eine https-Adresse sein, z. B. „https://feedback.example.de/?seite={url}“, nicht „\(url)“")
            } else {
                serviceURL = url
            }
        }
        var accessibility: String?
        if let (value, n) = text("accessibility") {
            if value.lowercased().hasPrefix("https://"), Validators.isAbsoluteHTTPURL(value) {
                accessibility = value
            } else if Validators.isEmail(value) || (value.lowercased().hasPrefix("mailto:") && Validators.isEmail(String(value.dropFirst(7)))) {
                accessibility = value.lowercased().hasPrefix("mailto:") ? value : "mailto:" + value
            } else {
                diagnostics.error(n.location, "„accessibility“ in „feedback“ muss eine E-Mail-Adresse oder eine https-Adresse sein, über die Barrieren gemeldet werden können, nicht „\(value)“")
            }
        }
        guard diagnostics.errors.count == before else { return nil }
        return Feedback(serviceURL: serviceURL, accessibility: accessibility)
    }

    /// The names between braces, in order.
    static func placeholderNames(in s: String) -> [String] {
        var names: [String] = []
        var rest = s[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
