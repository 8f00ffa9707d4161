import Foundation
@testable import PortalBuild
@testable import PortalLoad
@testable import PortalModel
import Testing

/// `/.well-known/security.txt` (RFC 9116) from `site.yml`: written as the RFC asks, and every
/// editor's mistake a `path:line:column` message.
@Suite struct SecurityTxtTests {
    static func site(_ section: String) -> [String: String?] {
        ["site.yml": Fixture.files["site.yml"]! + section]
    }

    @Test func writtenFromSiteYml() throws {
        let section = """
            security_txt:
              contact: [sicherheit@example.de, "https://portal.example.de/sicherheit", "tel:+49-351-000"]
              expires: 2099-06-30
              policy: https://portal.example.de/sicherheit/richtlinie
              preferred_languages: [de, en]

            """
        let (site, _, fixture) = try PageTests.build(Self.site(section))
        defer { fixture.remove() }
        #expect(site.read(".well-known/security.txt") == """
            # Sicherheitslücken in „Serviceportal Test“ melden (RFC 9116)
            Contact: mailto:sicherheit@example.de
            Contact: https://portal.example.de/sicherheit
            Contact: tel:+49-351-000
            Expires: 2099-06-30T23:59:59Z
            Preferred-Languages: de, en
            Canonical: https://portal.example.de/land/.well-known/security.txt
            Policy: https://portal.example.de/sicherheit/richtlinie

            """)
    }

    @Test func absentWithoutTheSection() throws {
        let (site, _, fixture) = try PageTests.build()
        defer { fixture.remove() }
        #expect(!site.exists(".well-known"))
    }

    @Test func aContactIsRequired() throws {
        try ValidationTests.expectError(Self.site("security_txt:\n  expires: 2099-01-01\n"),
                                        "Content/site.yml:8:3: error: Pflichtangabe „contact“ fehlt in „security_txt“")
    }

    @Test func aContactMustBeAMailAddressOrURI() throws {
        try ValidationTests.expectError(Self.site("security_txt:\n  contact: [sicherheit@example.de, sicherheit(at)example.de]\n  expires: 2099-01-01\n"),
                                        "Content/site.yml:8:36: error: „contact“ in „security_txt“ muss eine E-Mail-Adresse oder eine mailto:-, https:- oder tel:-Adresse sein, nicht „sicherheit(at)example.de“")
    }

    @Test func expiresMustBeADate() throws {
        try ValidationTests.expectError(Self.site("security_txt:\n  contact: sicherheit@example.de\n  expires: 31.12.2027\n"),
                                        "Content/site.yml:9:12: error: „expires“ in „security_txt“ muss ein Datum (JJJJ-MM-TT) oder ein Zeitpunkt wie „2027-06-30T12:00:00Z“ sein, nicht „31.12.2027“")
    }

    @Test func anUnknownKey() throws {
        let messages = try Fixture(Self.site("security_txt:\n  contact: sicherheit@example.de\n  expires: 2099-01-01\n  kontakt: x\n"))
        defer { messages.remove() }
        #expect(messages.diagnostics().contains { $0.hasPrefix("Content/site.yml:10:3: error:") && $0.contains("kontakt") }, "\(messages.diagnostics())")
    }

    @Test func policyMustBeHTTPS() throws {
        try ValidationTests.expectError(Self.site("security_txt:\n  contact: sicherheit@example.de\n  expires: 2099-01-01\n  policy: http://example.de/p\n"),
                                        "Content/site.yml:10:11: error: „policy“ in „security_txt“ muss eine https-Adresse sein (RFC 9116), nicht „http://example.de/p“")
    }

    /// An expired file is still written (the contact may still be right), with a warning; so is
    /// one that is meant to last too long.
    @Test func anExpiredOrTooLongDateIsAWarning() throws {
        for (date, fragment) in [("2020-01-01", "ist abgelaufen (2020-01-01)"), ("2099-01-01", "liegt mehr als ein Jahr in der Zukunft")] {
            let fixture = try Fixture(Self.site("security_txt:\n  contact: sicherheit@example.de\n  expires: \(date)\n"))
            defer { fixture.remove() }
            let messages = fixture.diagnostics()
            #expect(messages.contains { $0.hasPrefix("Content/site.yml:9:12: warning: „expires“ in „security_txt“") && $0.contains(fragment) }, "\(messages)")
        }
        var diagnostics = Diagnostics()
        let file = SourceFile(path: "site.yml", text: Fixture.files["site.yml"]! + "security_txt:\n  contact: a@example.de\n  expires: 2027-03-01T12:00:00Z\n")
        let site = SiteLoader.load(file, today: "2026-12-06", into: &diagnostics)
        #expect(diagnostics.warnings.isEmpty && site?.securityTxt?.expires == "2027-03-01T12:00:00Z", "\(diagnostics.warnings)")
    }
}
