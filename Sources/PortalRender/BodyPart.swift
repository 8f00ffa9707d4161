import PortalModel
import PortalSupport

/// The part of a page's context made from one body alone (a service's or a free page's), declared by the page where
/// it makes that part (`PageRenderer.declareBody`). The full build archives the rest of the
/// context; after an edit to that body alone, the quick rebuild makes this part anew with
/// `PageRenderer.bodyKeys` and puts it into the archived rest.
///
/// Everything else a page reads of a body is recorded (`InputReads`): a page that shows body
/// text outside a declared part is rebuilt by a full build after that body changes.
package struct BodyPart: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// The sections of a service page (`ServicePage`), its summary and what shows that.
        case serviceSections
        /// The fields of a form stub without its own `form:` (`FormPage`), and whether it is sent somewhere.
        case formFields
        case connectedFormFields
        /// The text of a free page (`FreePage`), also of one in another language.
        case pageBody
        /// The text of a service in Leichte Sprache (`EasyLanguagePage`).
        case easyLanguageBody
        /// The sections of a service page in another language (`translatedServicePage`).
        case translatedSections
        /// The fields of a default form stub in another language (`translatedFormPage`), the
        /// documents coming from the translation's text.
        case translatedFormFields
        case translatedConnectedFormFields
        /// An authority's page: its card, structured data and meta description, made from its
        /// details (`Authority.Details`; its name is not part of them).
        case authorityDetails
    }

    /// The body's key: a service's slug, or `Page.bodyKey` of a free page.
    package var slug: String
    package var kind: Kind
    /// The context keys the part sets.
    package var keys: [String]
    /// What else the part is made from that the page alone decides (an authority page: its
    /// depth, its language, the site's address); kept with the archived page.
    package var arguments: [String]

    package init(slug: String, kind: Kind, keys: [String], arguments: [String] = []) {
        self.slug = slug
        self.kind = kind
        self.keys = keys
        self.arguments = arguments
    }
}

/// A file whose body a page shows.
package enum BodySource: Sendable {
    case service(Service)
    case page(Page)
    /// A service's text in another language.
    case translation(ServiceTranslation)
    /// An authority, for its details.
    case authority(Authority)

    package var key: String {
        switch self {
        case .service(let service): service.slug
        case .page(let page): Page.bodyKey(page.slug)
        case .translation(let t): ServiceTranslation.bodyKey(t.language, t.slug)
        case .authority(let a): Authority.detailsKey(a.id)
        }
    }
}

extension PageRenderer {
    /// The keys of a body part, made from the file as it is now; nil if the part is not made
    /// from this kind of file.
    package static func bodyKeys(_ kind: BodyPart.Kind, of source: BodySource, texts: ThemeTexts, arguments: [String] = []) -> Context? {
        switch (kind, source) {
        case (.authorityDetails, .authority(let authority)): authorityDetailsKeys(authority, arguments: arguments, texts: texts)
        case (.serviceSections, .service(let service)): serviceBodyKeys(service, arguments: arguments)
        case (.formFields, .service(let service)): formBodyKeys(service, connected: false)
        case (.connectedFormFields, .service(let service)): formBodyKeys(service, connected: true)
        case (.pageBody, .page(let page)): freePageBodyKeys(page)
        case (.easyLanguageBody, .page(let page)): easyLanguageBodyKeys(page)
        case (.translatedSections, .translation(let t)): translatedServiceBodyKeys(t)
        case (.translatedFormFields, .translation(let t)): translatedFormBodyKeys(t, texts: texts, connected: false)
        case (.translatedConnectedFormFields, .translation(let t)): translatedFormBodyKeys(t, texts: texts, connected: true)
        default: nil
        }
    }

    /// Makes the body part of `kind` (unrecorded: it is declared instead), merges it into `context`
    /// and returns its declaration for the page's plan.
    package static func declareBody(_ kind: BodyPart.Kind, of source: BodySource, texts: ThemeTexts, arguments: [String] = [],
                                    into context: inout Context) -> BodyPart {
        let keys = InputReads.declared { bodyKeys(kind, of: source, texts: texts, arguments: arguments) } ?? [:]
        context.merge(keys) { _, body in body }
        return BodyPart(slug: source.key, kind: kind, keys: keys.keys.sorted(), arguments: arguments)
    }
}
