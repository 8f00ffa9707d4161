import PortalModel

/// Reads the life-cycle keys of a front matter (`valid_from`, `valid_until`, `reviewed`) and
/// the dated fee versions of a service.
package enum LifecycleLoader {
    package static let keys = ["valid_from", "valid_until", "reviewed"]

    /// A date key: nil if absent; an error if it is no `YYYY-MM-DD` day.
    static func date(_ key: String, in values: [String: YAMLNode], into diagnostics: inout Diagnostics) -> String? {
        guard let node = values[key], !node.isNull, let raw = node.string(key, into: &diagnostics) else { return nil }
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard Validators.isISODate(value) else {
            diagnostics.error(node.location, "„\(key)“ muss ein Datum der Form JJJJ-MM-TT sein, nicht „\(value)“")
            return nil
        }
        return value
    }

    static func validity(_ values: [String: YAMLNode], into diagnostics: inout Diagnostics) -> Validity {
        let from = date("valid_from", in: values, into: &diagnostics)
        let until = date("valid_until", in: values, into: &diagnostics)
        if let from, let until, until < from, let node = values["valid_until"] {
            diagnostics.error(node.location, "„valid_until“ (\(until)) liegt vor „valid_from“ (\(from)): so gälte der Text an keinem Tag")
        }
        return Validity(from: from, until: until)
    }

    package static func load(_ values: [String: YAMLNode], into diagnostics: inout Diagnostics) -> Lifecycle {
        let validity = validity(values, into: &diagnostics)
        let reviewed = date("reviewed", in: values, into: &diagnostics)
        return Lifecycle(validity: validity, reviewed: reviewed, reviewedLine: reviewed == nil ? nil : values["reviewed"]?.location.line)
    }

    static let feeKeys = KeyChecker(what: "einer Fassung von „fees“", allowed: ["text", "valid_from", "valid_until"], required: ["text"])

    /// `fees:` as a text, or as a list of versions `{text, valid_from, valid_until}` of which at
    /// most one applies on any day.
    static func fees(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> (text: String?, versions: [DatedText]) {
        guard case .sequence = node.node else {
            guard let s = node.string("fees", into: &diagnostics) else { return (nil, []) }
            let text = s.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { diagnostics.error(node.location, "„fees“ ist leer") }
            return (text, [])
        }
        var versions: [(DatedText, YAMLNode)] = []
        for item in node.sequence("fees", into: &diagnostics) ?? [] {
            guard let values = feeKeys.check(item, into: &diagnostics),
                  let text = values["text"]?.string("text", into: &diagnostics)?.trimmingCharacters(in: .whitespacesAndNewlines) else { continue }
            if text.isEmpty, let n = values["text"] { diagnostics.error(n.location, "„text“ einer Fassung von „fees“ ist leer") }
            let version = DatedText(text: text, validity: validity(values, into: &diagnostics))
            if let (earlier, _) = versions.first(where: { $0.0.validity.overlaps(version.validity) }) {
                diagnostics.error(item.location, "diese Fassung von „fees“ gilt an manchen Tagen zugleich mit „\(earlier.text)“; jede Fassung braucht eigene Tage (valid_from, valid_until)")
            }
            versions.append((version, item))
        }
        if versions.isEmpty { diagnostics.error(node.location, "„fees“ ist eine leere Liste") }
        return (nil, versions.map(\.0))
    }
}
