import PortalModel

/// `/.well-known/security.txt` (RFC 9116) from `site.yml`'s `security_txt:` section.
package enum SecurityTxtFile {
    package static func text(_ security: SecurityTxt, site: Site) -> String {
        var lines = ["# Sicherheitslücken in „\(oneLine(site.title))“ melden (RFC 9116)"]
        lines += security.contacts.map { "Contact: \($0)" }
        lines.append("Expires: \(security.expires)")
        if let encryption = security.encryption { lines.append("Encryption: \(encryption)") }
        if let acknowledgments = security.acknowledgments { lines.append("Acknowledgments: \(acknowledgments)") }
        if !security.preferredLanguages.isEmpty { lines.append("Preferred-Languages: \(security.preferredLanguages.joined(separator: ", "))") }
        lines.append("Canonical: \(site.baseURL)\(Routes.securityTxt)")
        if let policy = security.policy { lines.append("Policy: \(policy)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A comment line cannot carry a line break.
    private static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
