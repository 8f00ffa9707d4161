import Foundation
import PortalModel

/// Reads the `security_txt:` section of `site.yml` (RFC 9116). A section without a contact or
/// an expiry is an error (the RFC requires both); an expiry in the past or more than a year
/// ahead is a warning (the file is then invalid to readers, or kept too long unchecked).
package enum SecurityTxtLoader {
    package static let keys = KeyChecker(
        what: "„security_txt“",
        allowed: ["contact", "expires", "policy", "encryption", "acknowledgments", "preferred_languages"],
        required: ["contact", "expires"]
    )

    package static func load(_ node: YAMLNode, today: String, into diagnostics: inout Diagnostics) -> SecurityTxt? {
        guard let values = keys.check(node, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        func text(_ key: String) -> String? {
            guard let n = values[key], !n.isNull else { return nil }
            return n.string(key, into: &diagnostics)?.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        // One contact or a list of them.
        var contacts: [String] = []
        if let n = values["contact"] {
            var items = [n]
            if case .sequence = n.node { items = n.sequence("contact", into: &diagnostics) ?? [] }
            for item in items {
                guard let raw = item.string("contact", into: &diagnostics)?.trimmingCharacters(in: .whitespaces) else { continue }
                if let uri = contactURI(raw) {
                    contacts.append(uri)
                } else {
                    diagnostics.error(item.location, "„contact“ in „security_txt“ muss eine E-Mail-Adresse oder eine mailto:-, https:- oder tel:-Adresse sein, nicht „\(raw)“")
                }
            }
            if items.isEmpty { diagnostics.error(n.location, "„security_txt“ braucht mindestens einen Kontakt („contact“), über den Sicherheitslücken gemeldet werden können (RFC 9116)") }
        }

        var expires = ""
        if let n = values["expires"], let raw = text("expires") {
            if let (day, stamp) = expiry(raw) {
                expires = stamp
                if day < today {
                    diagnostics.warning(n.location, "„expires“ in „security_txt“ ist abgelaufen (\(day)): wer eine Sicherheitslücke melden will, hält die Angaben für ungültig; bitte prüfen und ein neues Datum eintragen")
                } else if day > oneYear(after: today) {
                    diagnostics.warning(n.location, "„expires“ in „security_txt“ liegt mehr als ein Jahr in der Zukunft (\(day)); RFC 9116 empfiehlt höchstens ein Jahr, damit die Angaben regelmäßig geprüft werden")
                }
            } else {
                diagnostics.error(n.location, "„expires“ in „security_txt“ muss ein Datum (JJJJ-MM-TT) oder ein Zeitpunkt wie „2027-06-30T12:00:00Z“ sein, nicht „\(raw)“")
            }
        }

        var https: [String: String] = [:]
        for key in ["policy", "encryption", "acknowledgments"] {
            guard let value = text(key), let n = values[key] else { continue }
            if value.lowercased().hasPrefix("https://"), Validators.isAbsoluteHTTPURL(value) {
                https[key] = value
            } else {
                diagnostics.error(n.location, "„\(key)“ in „security_txt“ muss eine https-Adresse sein (RFC 9116), nicht „\(value)“")
            }
        }
        var languages: [String] = []
        if let n = values["preferred_languages"], !n.isNull {
            languages = n.stringList("preferred_languages", into: &diagnostics) ?? []
            for tag in languages where !Validators.isLanguageTag(tag) {
                diagnostics.error(n.location, "„preferred_languages“ in „security_txt“ muss Sprachkürzel nach BCP 47 enthalten, z. B. „de“, nicht „\(tag)“")
            }
        }
        guard diagnostics.errors.count == before else { return nil }
        return SecurityTxt(contacts: contacts, expires: expires, policy: https["policy"], encryption: https["encryption"],
                           acknowledgments: https["acknowledgments"], preferredLanguages: languages)
    }

    /// A bare e-mail address becomes a `mailto:` URI; `mailto:`, `https:` and `tel:` URIs stay.
    static func contactURI(_ s: String) -> String? {
        guard !s.isEmpty, !s.contains(where: { $0.isWhitespace }) else { return nil }
        let lower = s.lowercased()
        if lower.hasPrefix("mailto:") { return Validators.isEmail(String(s.dropFirst(7))) ? s : nil }
        if lower.hasPrefix("https://") { return Validators.isAbsoluteHTTPURL(s) ? s : nil }
        if lower.hasPrefix("tel:") {
            let number = s.dropFirst(4)
            return number.count >= 3 && number.allSatisfy({ $0.isNumber || "+-()/. ".contains($0) }) ? s : nil
        }
        return Validators.isEmail(s) ? "mailto:" + s : nil
    }

    /// The day and the RFC 3339 stamp: a date means the end of that day (UTC).
    static func expiry(_ s: String) -> (day: String, stamp: String)? {
        if Validators.isISODate(s) { return (s, s + "T23:59:59Z") }
        guard s.count >= 20, let t = s.firstIndex(of: "T") ?? s.firstIndex(of: "t") else { return nil }
        let day = String(s[..<t])
        let time = s[s.index(after: t)...]
        guard Validators.isISODate(day), time.hasSuffix("Z") || time.contains("+") || time.dropFirst(8).contains("-"),
              ISO8601DateFormatter().date(from: s) != nil || ISO8601DateFormatter.withFraction.date(from: s) != nil else { return nil }
        return (day, s)
    }

    static func oneYear(after day: String) -> String {
        guard let year = Int(day.prefix(4)) else { return day }
        return String(format: "%04d", year + 1) + day.dropFirst(4)
    }
}

extension ISO8601DateFormatter {
    fileprivate static var withFraction: ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }
}
