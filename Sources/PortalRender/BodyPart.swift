import PortalModel
import PortalSupport

/// The part of a page's context made from one service body alone, declared by the page where
/// it makes that part (`PageRenderer.declareBody`). The full build archives the rest of the
/// context; after an edit to that body alone, the quick rebuild makes this part anew with
/// `PageRenderer.bodyKeys` and puts it into the archived rest.
///
/// Everything else a page reads of a body is recorded (`InputReads`): a page that shows body
/// text outside a declared part is rebuilt by a full build after that body changes.
package struct BodyPart: Sendable, Equatable {
    package enum Kind: String, Sendable {
        /// The sections of a service page (`ServicePage`).
        case serviceSections
        /// The fields of a form stub without its own `form:` (`FormPage`), and whether it is sent somewhere.
        case formFields
        case connectedFormFields
    }

    package var slug: String
    package var kind: Kind
    /// The context keys the part sets.
    package var keys: [String]

    package init(slug: String, kind: Kind, keys: [String]) {
        self.slug = slug
        self.kind = kind
        self.keys = keys
    }
}

extension PageRenderer {
    /// The keys of a body part, made from the service as it is now.
    package static func bodyKeys(_ kind: BodyPart.Kind, of service: Service) -> Context {
        switch kind {
        case .serviceSections: serviceBodyKeys(service)
        case .formFields: formBodyKeys(service, connected: false)
        case .connectedFormFields: formBodyKeys(service, connected: true)
        }
    }

    /// Makes the body part of `kind` (unrecorded: it is declared instead), merges it into `context`
    /// and returns its declaration for the page's plan.
    package static func declareBody(_ kind: BodyPart.Kind, of service: Service, into context: inout Context) -> BodyPart {
        let keys = InputReads.declared { bodyKeys(kind, of: service) }
        context.merge(keys) { _, body in body }
        return BodyPart(slug: service.slug, kind: kind, keys: keys.keys.sorted())
    }
}
