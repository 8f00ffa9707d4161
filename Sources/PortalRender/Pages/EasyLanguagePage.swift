import PortalModel
import PortalSupport

extension PageRenderer {
    /// A service's text in Leichte Sprache, below its service page (spec v2). It links back to the
    /// service page, where the finder and the full text are.
    package func easyLanguagePage(_ service: Service, _ text: Page) -> PagePlan {
        let path = Routes.easyLanguage(service.slug)
        let root = Routes.root(from: path)
        let crumbs = [Crumb(title: "Leistungen A–Z", path: Routes.serviceIndex), Crumb(title: service.title, path: Routes.service(service.slug)),
                      Crumb(title: "Leichte Sprache", path: path)]
        var c = frame(path: path, title: text.title, description: text.description ?? service.summary, crumbs: crumbs)
        if let summary = text.description { c["summary"] = .string(summary) }
        let body = Self.declareBody(.easyLanguageBody, of: .page(text), texts: theme.texts, into: &c)
        c["service"] = ["title": .string(service.title), "url": .string(root + Routes.service(service.slug)),
                        "finder_url": .string(root + Routes.service(service.slug) + "#zustaendige-stelle")]
        var plan = page(path, "easy-language", c)
        plan.bodyPart = body
        return plan
    }

    /// The keys of a text in Leichte Sprache made from its body alone (`BodyPart.Kind.easyLanguageBody`).
    package static func easyLanguageBodyKeys(_ text: Page) -> Context? {
        guard text.slug.hasPrefix(Routes.easyLanguageSlugPrefix) else { return nil }
        let path = Routes.easyLanguage(String(text.slug.dropFirst(Routes.easyLanguageSlugPrefix.count)))
        return ["body": .string(Routes.relativeLinks(in: text.html, root: Routes.root(from: path)))]
    }
}
