/// A place from `regions.csv`, keyed by its Amtlicher Gemeindeschlüssel (for a Gemeindeverband:
/// the first 9 digits of its Amtlicher Regionalschlüssel).
public struct Region: Sendable {
    /// The levels, keyed by the length of their key.
    public enum Level: Int, Sendable {
        case land = 2
        case regierungsbezirk = 3
        case kreis = 5
        case gemeinde = 8
        /// Verwaltungsgemeinschaft, Verwaltungsverband, Amt, Samtgemeinde, Verbandsgemeinde (v2):
        /// between Kreis and Gemeinde, although its key is longer than a Gemeinde's.
        case verband = 9

        public var label: String {
            switch self {
            case .land: return "Land"
            case .regierungsbezirk: return "Regierungsbezirk"
            case .kreis: return "Kreis"
            case .gemeinde: return "Gemeinde"
            case .verband: return "Gemeindeverband"
            }
        }
    }

    public var ags: String
    public var name: String
    public var postalCodes: [String]
    /// A Gemeinde's Gemeindeverband (9-digit key), from the optional `verband` column.
    public var verband: String?
    public var line: Int

    public var level: Level { Level(rawValue: ags.count) ?? .gemeinde }

    package init(ags: String, name: String, postalCodes: [String], verband: String? = nil, line: Int) {
        self.ags = ags
        self.name = name
        self.postalCodes = postalCodes
        self.verband = verband
        self.line = line
    }
}

/// A row of `responsibilities.csv`: who serves a service in a region and below it.
public struct Responsibility: Sendable {
    public var service: String
    public var region: String
    public var authority: String
    public var line: Int

    package init(service: String, region: String, authority: String, line: Int) {
        self.service = service
        self.region = region
        self.authority = authority
        self.line = line
    }
}
