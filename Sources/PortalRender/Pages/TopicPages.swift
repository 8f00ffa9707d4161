import PortalModel

extension PageRenderer {
    package func themenfeldPage(_ topic: Topic) -> PagePlan {
        let path = Routes.themenfeld(topic.slug)
        var c = frame(path: path, title: topic.title, description: topic.description ?? "Leistungen im Themenfeld \(topic.title).",
                      crumbs: [Crumb(title: topic.title, path: path)])
        let root = c["root"] as! String
        c["kind"] = "Themenfeld"
        c["description"] = topic.description ?? ""
        c["services"] = (model.servicesByThemenfeld[topic.slug] ?? []).map { serviceItem(model.content.services[$0], root: root) }
        c["related_title"] = "Lebenslagen in diesem Themenfeld"
        c["related"] = (model.lebenslagenByThemenfeld[topic.slug] ?? []).compactMap { model.lebenslageBySlug[$0] }
            .map { ["title": $0.title, "url": root + Routes.lebenslage($0.slug)] }
        c["has_related"] = !(c["related"] as! [[String: Any]]).isEmpty
        return page(path, "topic", c)
    }

    package func lebenslagePage(_ topic: Topic) -> PagePlan {
        let path = Routes.lebenslage(topic.slug)
        var c = frame(path: path, title: topic.title, description: topic.description ?? "Leistungen in der Lebenslage \(topic.title).",
                      crumbs: [Crumb(title: topic.title, path: path)])
        let root = c["root"] as! String
        c["kind"] = "Lebenslage"
        c["description"] = topic.description ?? ""
        let services = model.servicesByLebenslage[topic.slug] ?? []
        c["services"] = services.map { serviceItem(model.content.services[$0], root: root) }
        var themenfelder: [String] = []
        for i in services where !themenfelder.contains(model.content.services[i].topic) { themenfelder.append(model.content.services[i].topic) }
        c["related_title"] = "Themenfelder"
        c["related"] = themenfelder.compactMap { model.themenfeldBySlug[$0] }.map { ["title": $0.title, "url": root + Routes.themenfeld($0.slug)] }
        c["has_related"] = !(c["related"] as! [[String: Any]]).isEmpty
        return page(path, "topic", c)
    }
}
