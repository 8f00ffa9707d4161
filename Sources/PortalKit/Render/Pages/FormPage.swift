extension PageRenderer {
    /// `leistungen/<slug>/antrag/`: the accessible form stub.
    func formPage(_ service: Service) -> PagePlan {
        let path = "leistungen/\(service.slug)/antrag/"
        let form = service.form ?? DefaultForm.make(for: service)
        let title = form.title ?? "Antrag: \(service.title)"
        var c = frame(path: path, title: title, description: "Online-Antrag (Formular) für „\(service.title)“.",
                      crumbs: [Crumb(title: "Leistungen A–Z", path: "leistungen/"), Crumb(title: service.title, path: "leistungen/\(service.slug)/"), Crumb(title: "Antrag", path: path)])
        let root = c["root"] as! String
        c["service"] = serviceItem(service, root: root)
        c["service_url"] = root + "leistungen/\(service.slug)/"
        c["responsibility_url"] = root + "leistungen/\(service.slug)/#zustaendige-stelle"
        c["items"] = FormView.items(form)
        if let action = site.formAction {
            c["action"] = action
            c["connected"] = true
            c["multipart"] = FormView.hasFiles(form)
        }
        if let privacy = model.content.pages.first(where: { $0.slug == "datenschutz" }) {
            c["privacy_url"] = root + "\(privacy.slug)/"
            c["privacy_title"] = privacy.title
        }
        return page(path, "form", c)
    }
}
