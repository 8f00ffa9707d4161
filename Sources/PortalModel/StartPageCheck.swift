/// BITV 2.0 § 4: the start page offers, in Leichter Sprache and in Deutscher Gebärdensprache,
/// what the site contains, how to navigate it, the essentials of the Erklärung zur
/// Barrierefreiheit and where more such content is. The portal links both from every page's
/// header; `portal check` says when one of them is missing (a warning: a municipality's portal
/// may not be bound by § 4, a Land's is).
public enum StartPageCheck {
    /// - Parameter sitePath: site.yml as shown in messages.
    public static func warnings(_ content: Content, sitePath: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        if !content.pages.contains(where: { $0.slug == "leichte-sprache" }) {
            result.append(Diagnostic(path: sitePath, line: 1, column: 1, severity: .warning,
                                     message: "BITV 2.0 § 4: keine Erklärung in Leichter Sprache (pages/leichte-sprache.md): was das Portal bietet, wie man sich zurechtfindet, das Wichtigste der Erklärung zur Barrierefreiheit, wo es mehr gibt"))
        }
        if content.site.signLanguage.isEmpty {
            result.append(Diagnostic(path: sitePath, line: 1, column: 1, severity: .warning,
                                     message: "BITV 2.0 § 4: keine Videos in Deutscher Gebärdensprache („gebaerdensprache:“ in site.yml) zu Inhalt, Bedienung, Erklärung zur Barrierefreiheit und weiteren Angeboten"))
        }
        return result
    }

    /// For `--verbose`: per video, what Anlage 2 asks that only a person can confirm.
    public static func videoChecklist(_ content: Content) -> [String] {
        content.site.signLanguage.flatMap { video in
            ["Video „\(video.title)“ (\(video.file)): bitte prüfen, was BITV 2.0 Anlage 2 verlangt:"]
                + SignLanguageVideo.anlage2.map { "  – \($0)" }
        }
    }
}
