/// A place from `regions.csv`, keyed by its Amtlicher Gemeindeschlüssel.
public struct Region: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case land = 2
        case kreis = 5
        case gemeinde = 8

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

        public var label: String {
            switch self {
            case .land: return "Land"
            case .kreis: return "Kreis"
            case .gemeinde: return "Gemeinde"
            }
        }
    }

    public var ags: String
    public var name: String
    public var postalCodes: [String]
    public var line: Int

    public var level: Level { Level(rawValue: ags.count) ?? .gemeinde }

    package init(ags: String, name: String, postalCodes: [String], line: Int) {
        self.ags = ags
        self.name = name
        self.postalCodes = postalCodes
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
