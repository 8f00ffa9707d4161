import PortalModel
import PortalSupport

/// The form stub in another language (`/en/leistungen/<slug>/antrag/`), for a translated service
/// whose form is its own `form:` or the default stub. A form from a FIM Stammdatenschema has no
/// translation: XDatenfelder 3.0 carries its labels, hints and code lists in German only, so
/// its service's English page links to the German form and says so.
extension PageRenderer {
    /// Whether `service` has a form page in `language`.
    package func hasTranslatedForm(_ service: Service, _ language: String) -> Bool {
        service.formSchemaPath == nil && model.content.translations[language]?[service.slug] != nil
    }

    package func translatedFormPage(_ service: Service, _ t: ServiceTranslation) -> PagePlan {
        let language = t.language
        let german = Routes.form(service.slug)
        let path = Routes.translated(german, language)
        let servicePath = Routes.translated(Routes.service(service.slug), language)
        let form = translatedForm(service, t)
        let title = form?.title ?? "\(text("form_title_before", language)) \(t.title)"
        let crumbs = [Crumb(title: text("crumb_services", language), path: Routes.translated(Routes.serviceIndex, language)),
                      Crumb(title: t.title, path: servicePath), Crumb(title: text("form_crumb", language), path: path)]
        var c = frame(path: path, title: title, description: text("form_description_before", language) + t.title + text("form_description_after", language),
                      crumbs: crumbs, language: language, versions: versions(of: german, translatedIn: [language]))
        let root = Routes.root(from: path)
        c["service"] = ["title": .string(t.title), "summary": .string(t.summary ?? ""), "url": .string(root + servicePath), "slug": .string(service.slug)]
        c["service_url"] = .string(root + servicePath)
        c["responsibility_url"] = .string(root + servicePath + "#zustaendige-stelle")
        if let action = site.formAction {
            c["action"] = .string(action)
            c["connected"] = true
        }
        var body: BodyPart?
        if let form {
            c["items"] = FormView.items(form, texts: Self.formViewTexts(theme.texts, language))
            if site.formAction != nil { c["multipart"] = .bool(FormView.hasFiles(form)) }
        } else {
            // The default stub asks for the documents of the text: a part made from it alone.
            body = Self.declareBody(site.formAction != nil ? .translatedConnectedFormFields : .translatedFormFields, of: .translation(t), texts: theme.texts, into: &c)
        }
        c["form_texts"] = .string(theme.texts.scriptTexts(language, "form"))
        if let privacy = model.content.pages.first(where: { $0.slug == "datenschutz" }) {
            if let english = model.content.translatedPages[language]?[privacy.slug] {
                c["privacy_url"] = .string(root + Routes.freePage(english.slug))
                c["privacy_title"] = .string(english.title)
            } else {
                c["privacy_url"] = .string(root + Routes.freePage(privacy.slug))
                c["privacy_title"] = .string(privacy.title)
                c["privacy_lang"] = .string(site.language)
            }
        }
        var plan = page(path, Theme.template("form", language: language), c)
        plan.bodyPart = body
        return plan
    }

    static func formViewTexts(_ texts: ThemeTexts, _ language: String) -> FormView.Texts {
        FormView.Texts(day: texts.text("form_day", language), month: texts.text("form_month", language), year: texts.text("form_year", language))
    }

    /// The keys of a default form stub in another language made from the translation's text
    /// (`BodyPart.Kind.translatedFormFields`): its fields, with the documents of the section
    /// named by `form_documents_heading`, and whether it has uploads.
    package static func translatedFormBodyKeys(_ t: ServiceTranslation, texts: ThemeTexts, connected: Bool) -> Context {
        let language = t.language
        let words = DefaultForm.Texts { texts.text("form_default_" + $0, language) }
        let documents = DefaultForm.requiredDocuments(in: t.sections, heading: texts.text("form_documents_heading", language))
        let form = DefaultForm.make(title: "\(texts.text("form_title_before", language)) \(t.title)", documents: documents, texts: words)
        var keys: Context = ["items": FormView.items(form, texts: formViewTexts(texts, language))]
        if connected { keys["multipart"] = .bool(FormView.hasFiles(form)) }
        return keys
    }

    /// The service's own form with the translation's texts (German where it has none, marked);
    /// nil for the default stub (`translatedFormBodyKeys`).
    func translatedForm(_ service: Service, _ t: ServiceTranslation) -> Form? {
        guard var form = service.form else { return nil }
        let own = t.form
        let german = site.language
        func translate(_ f: FormField) -> FormField {
            var f = f
            guard let texts = own?.texts[f.id] else {
                f.labelLanguage = german
                if f.hint != nil { f.hintLanguage = german }
                if !f.options.isEmpty { f.optionLabels = nil }
                return f
            }
            f.label = texts.label
            if let hint = texts.hint { f.hint = hint } else if f.hint != nil { f.hintLanguage = german }
            if let options = texts.options, options.count == f.options.count { f.optionLabels = options }
            return f
        }
        form.title = own?.title
        form.items = form.items.map { item in
            switch item {
            case .field(let f): return .field(translate(f))
            case .group(var g):
                if let texts = own?.texts[g.id] {
                    g.label = texts.label
                    if let hint = texts.hint { g.hint = hint } else if g.hint != nil { g.hintLanguage = german }
                } else {
                    g.labelLanguage = german
                    if g.hint != nil { g.hintLanguage = german }
                }
                g.fields = g.fields.map(translate)
                return .group(g)
            }
        }
        return form
    }
}
