import Foundation
@testable import PortalModel
import Testing

/// The feedback links of `site.yml`'s `feedback:` section: "War diese Seite hilfreich?" on every
/// service page (naming the page in its URL), "Barriere melden" (BITV 2.0 § 7 Abs. 2) on every
/// page; nothing at all without the section.
@Suite struct FeedbackTests {
    static let section = """
        feedback:
          service_url: "https://feedback.example.de/bewertung?seite={url}&leistung={leika}&titel={title}"
          accessibility: barrierefreiheit@example.de

        """

    @Test func linksOnServicePagesAndEveryPage() throws {
        let (site, _, fixture) = try PageTests.build(["site.yml": Fixture.files["site.yml"]! + Self.section])
        defer { fixture.remove() }
        let service = site.read("leistungen/personalausweis-beantragen/index.html")
        let links = SiteInspector.attributeValues("href", in: service).filter { $0.hasPrefix("https://feedback.example.de/") }
        #expect(links == ["https://feedback.example.de/bewertung?seite=https%3A%2F%2Fportal.example.de%2Fland%2Fleistungen%2Fpersonalausweis-beantragen%2F&leistung=99008001012000&titel=Personalausweis%20beantragen"],
                "\(links)")
        #expect(service.contains(">War diese Seite hilfreich? Ihre Rückmeldung</a>"))
        for page in ["index.html", "404.html", "leistungen/index.html", "leistungen/personalausweis-beantragen/antrag/index.html", "impressum/index.html"] {
            let html = site.read(page)
            let mail = SiteInspector.attributeValues("href", in: html).filter { $0.hasPrefix("mailto:barrierefreiheit@") }
            #expect(mail.count == 1 && mail[0].hasPrefix("mailto:barrierefreiheit@example.de?subject=Barriere%20melden%3A%20https%3A%2F%2Fportal.example.de%2Fland%2F"),
                    "\(page): \(mail)")
            #expect(html.contains(">Barriere melden</a>"), "\(page)")
            // Only service pages ask whether they helped.
            #expect(html.contains("War diese Seite hilfreich") == false, "\(page)")
        }
    }

    @Test func nothingWithoutTheSection() throws {
        let (site, _, fixture) = try PageTests.build()
        defer { fixture.remove() }
        for page in ["index.html", "leistungen/personalausweis-beantragen/index.html"] {
            let html = site.read(page)
            #expect(!html.contains("hilfreich") && !html.contains("Barriere melden"), "\(page)")
        }
    }

    @Test func anUnknownPlaceholder() throws {
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]! + "feedback:\n  service_url: https://f.example.de/?s={seite}\n"],
                                        "Content/site.yml:8:16: error: „service_url“ in „feedback“ kennt den Platzhalter „{seite}“ nicht; möglich sind {url}, {slug}, {leika} und {title}")
    }

    @Test func aServiceLinkMustBeHTTPS() throws {
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]! + "feedback:\n  service_url: http://f.example.de/?s={url}\n"],
                                        "Content/site.yml:8:16: error: „service_url“ in „feedback“ muss eine https-Adresse sein, z. B. „https://feedback.example.de/?seite={url}“, nicht „http://f.example.de/?s={url}“")
    }

    @Test func theAccessibilityContactMustBeAnAddress() throws {
        try ValidationTests.expectError(["site.yml": Fixture.files["site.yml"]! + "feedback:\n  accessibility: Frau Müller\n"],
                                        "Content/site.yml:8:18: error: „accessibility“ in „feedback“ muss eine E-Mail-Adresse oder eine https-Adresse sein, über die Barrieren gemeldet werden können, nicht „Frau Müller“")
    }

    @Test func placeholdersArePercentEncoded() {
        let feedback = Feedback(serviceURL: "https://f.example.de/?u={url}&s={slug}&l={leika}&t={title}")
        #expect(feedback.serviceLink(url: "https://p.de/a b/", slug: "x-y", leika: nil, title: "Müll & Co") ==
                "https://f.example.de/?u=https%3A%2F%2Fp.de%2Fa%20b%2F&s=x-y&l=&t=M%C3%BCll%20%26%20Co")
    }
}
