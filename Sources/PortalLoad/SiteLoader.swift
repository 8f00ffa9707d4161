import Foundation
import PortalModel

/// Reads `site.yml`.
package enum SiteLoader {
    package static let keys = KeyChecker(
        what: "site.yml",
        allowed: ["title", "base_url", "language", "languages", "gebaerdensprache", "state", "description", "contact", "form_action", "security_txt", "feedback", "open_data", "review_interval_days"],
        required: ["title", "base_url", "language"]
    )
    package static let contactKeys = KeyChecker(what: "„contact“", allowed: ["email", "phone"], required: [])

    /// - Parameter today: `YYYY-MM-DD`, for the expiry of `security_txt`.
    package static func load(_ file: SourceFile, today: String = Validity.today(), into diagnostics: inout Diagnostics) -> Site? {
        guard let root = YAMLDocument.parse(file.text, path: file.path, firstLine: 1, into: &diagnostics),
              let values = keys.check(root, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        func text(_ key: String, in dict: [String: YAMLNode]) -> String? {
            guard let n = dict[key], !n.isNull else { return nil }
            return n.string(key, into: &diagnostics)?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var baseURL = text("base_url", in: values) ?? ""
        if let n = values["base_url"], !baseURL.isEmpty {
            if !Validators.isAbsoluteHTTPURL(baseURL) || baseURL.contains("?") || baseURL.contains("#") {
                diagnostics.error(n.location, "„base_url“ muss eine vollständige http(s)-Adresse ohne ? und # sein, z. B. „https://portal.example.de/“, nicht „\(baseURL)“")
            }
            if !baseURL.hasSuffix("/") { baseURL += "/" }
        }
        let language = text("language", in: values) ?? ""
        if let n = values["language"], !language.isEmpty, !Validators.isLanguageTag(language) {
            diagnostics.error(n.location, "„language“ muss ein Sprachkürzel nach BCP 47 sein, z. B. „de“, nicht „\(language)“")
        }
        let state = text("state", in: values)
        if let state, let n = values["state"], !Validators.isDigits(state, count: 2) {
            diagnostics.error(n.location, "„state“ muss der zweistellige Gemeindeschlüssel eines Landes sein (z. B. „14“), nicht „\(state)“")
        }
        var contact = Site.Contact()
        if let n = values["contact"], !n.isNull, let c = contactKeys.check(n, into: &diagnostics) {
            contact = Site.Contact(email: text("email", in: c), phone: text("phone", in: c))
            if let e = contact.email, !Validators.isEmail(e) { diagnostics.error(c["email"]!.location, "„email“ ist keine gültige E-Mail-Adresse: „\(e)“") }
        }
        let formAction = text("form_action", in: values)
        if let formAction, let n = values["form_action"], !Validators.isAbsoluteHTTPURL(formAction) {
            diagnostics.error(n.location, "„form_action“ muss eine vollständige http(s)-Adresse sein, nicht „\(formAction)“")
        }
        var securityTxt: SecurityTxt?
        if let n = values["security_txt"], !n.isNull {
            securityTxt = SecurityTxtLoader.load(n, today: today, into: &diagnostics)
        }
        var feedback: Feedback?
        if let n = values["feedback"], !n.isNull {
            feedback = FeedbackLoader.load(n, into: &diagnostics)
        }
        var openData: OpenData?
        if let n = values["open_data"], !n.isNull {
            openData = OpenDataLoader.load(n, into: &diagnostics)
        }
        var reviewInterval = 365
        if let n = values["review_interval_days"], !n.isNull, let raw = n.string("review_interval_days", into: &diagnostics) {
            if let days = Int(raw), (1...3650).contains(days) {
                reviewInterval = days
            } else {
                diagnostics.error(n.location, "„review_interval_days“ muss eine Zahl von Tagen zwischen 1 und 3650 sein, nicht „\(raw)“")
            }
        }
        // languages: [de, en] (spec v2); the portal's own language first, English the only other
        // one the built-in theme has texts for (a theme may bring more: i18n/<language>.yml).
        var languages = [language]
        if let n = values["languages"], !n.isNull, let list = n.stringList("languages", into: &diagnostics) {
            for (i, item) in list.enumerated() {
                if !Validators.isLanguageTag(item) {
                    diagnostics.error(n.location, "„languages“: „\(item)“ ist kein Sprachkürzel nach BCP 47")
                } else if item == language, !list[..<i].contains(item) {
                    continue  // the site's own language, already first
                } else if languages.contains(item) {
                    diagnostics.error(n.location, "„languages“ nennt „\(item)“ zweimal")
                } else {
                    languages.append(item)
                }
            }
            if !list.contains(language) {
                diagnostics.error(n.location, "„languages“ muss die Sprache des Portals („language: \(language)“) enthalten")
            }
        }
        var signLanguage: [SignLanguageVideo] = []
        if let n = values["gebaerdensprache"], !n.isNull { signLanguage = SignLanguageLoader.load(n, into: &diagnostics) ?? [] }
        guard diagnostics.errors.count == before else { return nil }
        var site = Site(title: text("title", in: values) ?? "", baseURL: baseURL, language: language, state: state,
                    description: text("description", in: values), contact: contact, formAction: formAction, securityTxt: securityTxt, feedback: feedback, openData: openData)
        site.reviewIntervalDays = reviewInterval
        site.languages = languages
        site.signLanguage = signLanguage
        return site
    }
}
