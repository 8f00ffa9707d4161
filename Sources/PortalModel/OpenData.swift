/// The `open_data:` section of `site.yml`: the catalogue (services, authorities, responsibilities
/// as rules) published as JSON and CSV under `/daten/`, with its licence. Nil: no `/daten/`.
public struct OpenData: Sendable, Equatable {
    /// E.g. „Datenlizenz Deutschland – Namensnennung – Version 2.0“.
    public var licence: String
    /// E.g. https://www.govdata.de/dl-de/by-2-0
    public var licenceURL: String
    /// Who publishes the data (for the attribution the licence asks); nil: the portal's title.
    public var publisher: String?

    package init(licence: String, licenceURL: String, publisher: String? = nil) {
        self.licence = licence
        self.licenceURL = licenceURL
        self.publisher = publisher
    }
}
