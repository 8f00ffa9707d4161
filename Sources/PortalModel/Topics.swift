/// A Themenfeld or a Lebenslage from `topics.yml`.
public struct Topic: Sendable, Equatable {
    public var slug: String
    public var title: String
    public var description: String?

    package init(slug: String, title: String, description: String? = nil) {
        self.slug = slug
        self.title = title
        self.description = description
    }
}

public struct Topics: Sendable {
    public var themenfelder: [Topic]
    public var lebenslagen: [Topic]

    /// The 14 OZG Themenfelder, used when a content tree has no `topics.yml`.
    public static let ozgDefault = Topics(
        themenfelder: [
            ("arbeit-und-ruhestand", "Arbeit & Ruhestand"),
            ("bauen-und-wohnen", "Bauen & Wohnen"),
            ("bildung", "Bildung"),
            ("ein-und-auswanderung", "Ein- & Auswanderung"),
            ("engagement-und-hobby", "Engagement & Hobby"),
            ("familie-und-kind", "Familie & Kind"),
            ("forschung-und-foerderung", "Forschung & Förderung"),
            ("gesundheit", "Gesundheit"),
            ("mobilitaet-und-reisen", "Mobilität & Reisen"),
            ("querschnitt", "Querschnitt"),
            ("recht-und-ordnung", "Recht & Ordnung"),
            ("steuern-und-zoll", "Steuern & Zoll"),
            ("umwelt", "Umwelt"),
            ("unternehmensfuehrung-und-entwicklung", "Unternehmensführung & -entwicklung"),
        ].map { Topic(slug: $0.0, title: $0.1, description: nil) },
        lebenslagen: []
    )

    package init(themenfelder: [Topic], lebenslagen: [Topic]) {

        self.themenfelder = themenfelder

        self.lebenslagen = lebenslagen

    }

}
