/// The `security_txt:` section of `site.yml`: how to report a vulnerability of the portal,
/// published as `/.well-known/security.txt` (RFC 9116), as the BSI recommends for public bodies.
public struct SecurityTxt: Sendable, Equatable {
    /// URIs in the editor's order: `mailto:`, `https:` or `tel:` (a bare e-mail address becomes `mailto:`).
    public var contacts: [String]
    /// RFC 3339 time, e.g. `2027-06-30T23:59:59Z`.
    public var expires: String
    public var policy: String?
    public var encryption: String?
    public var acknowledgments: String?
    public var preferredLanguages: [String]

    package init(contacts: [String], expires: String, policy: String? = nil, encryption: String? = nil,
                 acknowledgments: String? = nil, preferredLanguages: [String] = []) {
        self.contacts = contacts
        self.expires = expires
        self.policy = policy
        self.encryption = encryption
        self.acknowledgments = acknowledgments
        self.preferredLanguages = preferredLanguages
    }
}
