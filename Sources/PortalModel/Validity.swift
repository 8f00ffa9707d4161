import Foundation

/// When a text applies (front matter `valid_from`, `valid_until`; both days included, in the
/// portal's time zone): a build for a date shows only what applies on it (`Content.on`).
public struct Validity: Sendable, Equatable {
    /// `YYYY-MM-DD`, or nil for "always".
    public var from: String?
    public var until: String?

    public init(from: String? = nil, until: String? = nil) {
        self.from = from
        self.until = until
    }

    public static let always = Validity()

    /// ISO dates compare as text.
    public func holds(on date: String) -> Bool {
        (from.map { $0 <= date } ?? true) && (until.map { date <= $0 } ?? true)
    }

    /// The days after `date` on which `holds` changes: `from`, and the day after `until`.
    public func changes(after date: String) -> [String] {
        var days: [String] = []
        if let from, from > date { days.append(from) }
        if let until, let next = Self.day(after: until), next > date { days.append(next) }
        return days
    }

    /// Whether two validities share a day.
    public func overlaps(_ other: Validity) -> Bool {
        let start = max(from ?? "0000-00-00", other.from ?? "0000-00-00")
        let end = min(until ?? "9999-99-99", other.until ?? "9999-99-99")
        return start <= end
    }

    /// `YYYY-MM-DD` of the following day.
    public static func day(after date: String) -> String? { shift(date, by: 1) }

    static func shift(_ date: String, by days: Int) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, let day = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              let next = calendar.date(byAdding: .day, value: days, to: day) else { return nil }
        let c = calendar.dateComponents([.year, .month, .day], from: next)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// `YYYY-MM-DD` of the day before.
    public static func day(before date: String) -> String? { shift(date, by: -1) }

    /// Today in Germany (a fee that changes on 1 January changes at midnight there, not in UTC).
    public static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}

/// A text with the days it applies on: one version of a fee.
public struct DatedText: Sendable, Equatable {
    public var text: String
    public var validity: Validity

    package init(text: String, validity: Validity) {
        self.text = text
        self.validity = validity
    }
}

/// What the life cycle of a content file needs beyond its text: when it applies and when its
/// facts were last reviewed (`portal check --stale`).
public struct Lifecycle: Sendable, Equatable {
    public var validity: Validity
    /// `YYYY-MM-DD` of the last factual review (front matter `reviewed`), and its line.
    public var reviewed: String?
    public var reviewedLine: Int?

    package init(validity: Validity = .always, reviewed: String? = nil, reviewedLine: Int? = nil) {
        self.validity = validity
        self.reviewed = reviewed
        self.reviewedLine = reviewedLine
    }

    public static let none = Lifecycle()
}
