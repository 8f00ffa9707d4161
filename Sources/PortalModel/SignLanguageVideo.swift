/// A video in Deutscher Gebärdensprache (`gebaerdensprache:` in site.yml): BITV 2.0 § 4 asks the
/// start page for its content, navigation, the essentials of the Erklärung zur Barrierefreiheit
/// and pointers to more, in DGS; Anlage 2 asks the videos to be offered for download with their
/// file size and duration.
public struct SignLanguageVideo: Sendable, Equatable {
    /// Relative to the content folder (`media/dgs-inhalt.mp4`).
    public var file: String
    public var title: String
    /// As the editor gives it, `m:ss` (the build does not read video files).
    public var duration: String
    /// Filled in by the loader from the file.
    public var bytes: Int
    /// Where the entry is written in site.yml, for messages about the file.
    public var location: SourceLocation

    package init(file: String, title: String, duration: String, bytes: Int = 0, location: SourceLocation) {
        self.file = file
        self.title = title
        self.duration = duration
        self.bytes = bytes
        self.location = location
    }

    /// The file name it is published under, below `gebaerdensprache/`.
    public var publishedName: String { String(file.split(separator: "/").last ?? Substring(file)) }

    /// What Anlage 2 Teil 1 asks of a DGS video that a build cannot see in the file:
    /// `portal check --verbose` lists it for a person to confirm.
    public static let anlage2 = [
        "Bildgröße mindestens 320 × 240 Pixel, mindestens 25 Bilder je Sekunde",
        "mit dem DGS-Logo gekennzeichnet",
        "Gebärdende Person ohne Schatten, Mimik und Mundbild gut sichtbar",
        "ruhiger, einfarbiger Hintergrund (nicht schwarz oder weiß), Kontrast zu dunkler, einfarbiger Kleidung und zu den Händen",
        "auch zum Herunterladen angeboten, mit Dateigröße und Dauer (macht das Portal)",
    ]
}
