import Foundation
@testable import PortalBuild
@testable import PortalLoad
@testable import PortalModel
import Testing

/// BITV 2.0 § 4 on the start page: videos in Deutscher Gebärdensprache named in site.yml
/// (`gebaerdensprache:`), published with their size and duration and linked from every page;
/// `portal check` warns when the Leichte-Sprache or the DGS explanation is missing.
@Suite struct SignLanguageTests {
    static let site = Fixture.files["site.yml"]! + """
        gebaerdensprache:
          - {file: media/dgs-inhalt.mp4, title: Was bietet das Portal?, duration: "2:30"}

        """
    static let video = String(repeating: "v", count: 1_234_567)

    @Test func theVideosArePublishedWithSizeAndDurationAndLinkedFromEveryPage() throws {
        // The Leichte-Sprache page may link to the videos (§ 4 point 4: where more is).
        let easy = "---\ntitle: Leichte Sprache\n---\nVideos in Gebärden-Sprache: [Gebärden-Sprache](/gebaerdensprache/).\n"
        let (site, _, fixture) = try PageTests.build(["site.yml": Self.site, "media/dgs-inhalt.mp4": Self.video, "pages/leichte-sprache.md": easy])
        defer { fixture.remove() }
        #expect(site.read("gebaerdensprache/dgs-inhalt.mp4") == Self.video)
        let page = site.read("gebaerdensprache/index.html")
        #expect(page.contains("<h2 id=\"video-1\">Was bietet das Portal?</h2>"))
        #expect(page.contains("<video controls preload=\"none\" aria-labelledby=\"video-1\"><source src=\"dgs-inhalt.mp4\" type=\"video/mp4\"></video>"))
        #expect(page.contains("<a href=\"dgs-inhalt.mp4\" download>Video herunterladen: Was bietet das Portal?</a> (MP4, 1,2 MB, Dauer 2:30 Minuten)"))
        for file in ["index.html", "leistungen/personalausweis-beantragen/index.html"] {
            #expect(site.read(file).contains(">Gebärdensprache</a></li>"), "\(file)")
        }
        #expect(site.read("leichte-sprache/index.html").contains("<a href=\"../gebaerdensprache/\">Gebärden-Sprache</a>"))
        #expect(site.brokenLinks().isEmpty, "\(site.brokenLinks())")
        // Without the section nothing of it shows, and a link to the page leads nowhere.
        try ValidationTests.expectError(["pages/leichte-sprache.md": easy],
                                        "Content/pages/leichte-sprache.md:4:30: error: Link auf „/gebaerdensprache/“ führt ins Leere: diese Seite gibt es im Portal nicht")
        let (plain, _, other) = try PageTests.build()
        defer { other.remove() }
        #expect(!plain.read("index.html").contains("Gebärdensprache") && !plain.exists("gebaerdensprache/index.html"))
    }

    @Test func badVideoEntriesAreErrorsAtTheirLine() throws {
        try ValidationTests.expectError(["site.yml": Self.site],
                                        "Content/site.yml:8:5: error: Video „media/dgs-inhalt.mp4“ gibt es im Inhaltsordner nicht")
        try ValidationTests.expectError(["site.yml": Self.site.replacingOccurrences(of: "media/dgs-inhalt.mp4", with: "media/dgs.avi"), "media/dgs.avi": "x"],
                                        "Content/site.yml:8:12: error: „file“ muss ein Video (.mp4 oder .webm) in einem Unterordner des Inhaltsordners nennen, z. B. „media/dgs-inhalt.mp4“, nicht „media/dgs.avi“")
        try ValidationTests.expectError(["site.yml": Self.site.replacingOccurrences(of: "\"2:30\"", with: "zwei Minuten"), "media/dgs-inhalt.mp4": "x"],
                                        "Content/site.yml:8:75: error: „duration“ ist die Dauer als Minuten:Sekunden, z. B. „2:30“, nicht „zwei Minuten“")
    }

    @Test func checkWarnsWhenAStartPageExplanationIsMissing() throws {
        let fixture = try Fixture(["pages/leichte-sprache.md": nil])
        defer { fixture.remove() }
        let warnings = StartPageCheck.warnings(try fixture.load(), sitePath: "Content/site.yml").map(\.description)
        #expect(warnings.contains { $0.hasPrefix("Content/site.yml:1:1: warning: BITV 2.0 § 4: keine Videos in Deutscher Gebärdensprache") })
        #expect(warnings.contains { $0.hasPrefix("Content/site.yml:1:1: warning: BITV 2.0 § 4: keine Erklärung in Leichter Sprache") })
        let complete = try Fixture(["site.yml": Self.site, "media/dgs-inhalt.mp4": "x", "pages/leichte-sprache.md": "---\ntitle: Leichte Sprache\n---\nText.\n"])
        defer { complete.remove() }
        let content = try complete.load()
        #expect(StartPageCheck.warnings(content, sitePath: "Content/site.yml").isEmpty)
        #expect(StartPageCheck.videoChecklist(content).first == "Video „Was bietet das Portal?“ (media/dgs-inhalt.mp4): bitte prüfen, was BITV 2.0 Anlage 2 verlangt:")
    }
}
