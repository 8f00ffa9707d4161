import PortalModel
import PortalSupport

extension PageRenderer {
    /// `leistungen/<slug>/antrag/`: the accessible form stub.
    package func formPage(_ service: Service) -> PagePlan {
        let path = Routes.form(service.slug)
        let title = service.form?.title ?? "Antrag: \(service.title)"
        var c = frame(path: path, title: title, description: "Online-Antrag (Formular) für „\(service.title)“.",
                      crumbs: [Crumb(title: "Leistungen A–Z", path: Routes.serviceIndex), Crumb(title: service.title, path: Routes.service(service.slug)), Crumb(title: "Antrag", path: path)],
                      versions: versions(of: path, translatedIn: site.otherLanguages.filter { hasTranslatedForm(service, $0) }))
        let root = Routes.root(from: path)
        c["service"] = serviceItem(service, root: root)
        c["service_url"] = .string(root + Routes.service(service.slug))
        c["responsibility_url"] = .string(root + Routes.service(service.slug) + "#zustaendige-stelle")
        if let action = site.formAction {
            c["action"] = .string(action)
            c["connected"] = true
        }
        var body: BodyPart?
        if let schemaPath = service.formSchemaPath, let schema = model.content.formSchemas[schemaPath] {
            // From a FIM Stammdatenschema: nothing of the body is shown.
            c["items"] = .list([])
            c["schema_items"] = SchemaFormView.renderingFields(SchemaFormView.items(schema)) { stencils.render($0, template: "form-field") }
            let rules = schema.rules.filter(\.shown)
            c["schema"] = ["id": .string(schema.id), "version": .string(schema.version), "name": .string(schema.name),
                           "has_legal_basis": .bool(!schema.legalBasis.isEmpty), "legal_basis": SchemaFormView.legalBasis(schema.legalBasis),
                           "has_rules": .bool(!rules.isEmpty), "rules": SchemaFormView.rules(rules)]
            if site.formAction != nil { c["multipart"] = .bool(SchemaFormView.hasFiles(schema)) }
        } else {
            body = Self.declareBody(site.formAction != nil ? .connectedFormFields : .formFields, of: .service(service), texts: theme.texts, into: &c)
        }
        if let privacy = model.content.pages.first(where: { $0.slug == "datenschutz" }) {
            c["privacy_url"] = .string(root + Routes.freePage(privacy.slug))
            c["privacy_title"] = .string(privacy.title)
        }
        var plan = page(path, "form", c)
        plan.bodyPart = body
        return plan
    }

    /// The keys that can depend on the service's body: without its own `form:`, the stub asks
    /// for the documents of the section „Erforderliche Unterlagen“ (`BodyPart.Kind.formFields`).

    /// - Parameter connected: whether the form is sent somewhere (`form_action` in site.yml).
    package static func formBodyKeys(_ service: Service, connected: Bool) -> Context {
        let form = service.form ?? DefaultForm.make(for: service)
        var keys: Context = ["items": FormView.items(form)]
        if connected { keys["multipart"] = .bool(FormView.hasFiles(form)) }
        return keys
    }
}
