import PortalModel
import PortalSupport

extension PageRenderer {
    package func themenfeldPage(_ topic: Topic) -> PagePlan {
        let path = Routes.themenfeld(topic.slug)
        var c = frame(path: path, title: topic.title, description: topic.description ?? "Leistungen im Themenfeld \(topic.title).",
                      crumbs: [Crumb(title: topic.title, path: path)], versions: versions(of: path, translatedIn: translations(ofTopic: topic.slug)))
        let root = Routes.root(from: path)
        c["kind"] = "Themenfeld"
        c["description"] = .string(topic.description ?? "")
        c["services"] = .list((model.servicesByThemenfeld[topic.slug] ?? []).map { serviceItem(model.content.services[$0], root: root) })
        c["related_title"] = "Lebenslagen in diesem Themenfeld"
        let related: [ContextValue] = (model.lebenslagenByThemenfeld[topic.slug] ?? []).compactMap { model.lebenslageBySlug[$0] }
            .map { ["title": .string($0.title), "url": .string(root + Routes.lebenslage($0.slug))] }
        c["related"] = .list(related)
        c["has_related"] = .bool(!related.isEmpty)
        return page(path, "topic", c)
    }

    package func lebenslagePage(_ topic: Topic) -> PagePlan {
        let path = Routes.lebenslage(topic.slug)
        var c = frame(path: path, title: topic.title, description: topic.description ?? "Leistungen in der Lebenslage \(topic.title).",
                      crumbs: [Crumb(title: topic.title, path: path)], versions: versions(of: path, translatedIn: translations(ofTopic: topic.slug)))
        let root = Routes.root(from: path)
        c["kind"] = "Lebenslage"
        c["description"] = .string(topic.description ?? "")
        let services = model.servicesByLebenslage[topic.slug] ?? []
        c["services"] = .list(services.map { serviceItem(model.content.services[$0], root: root) })
        var themenfelder: [String] = []
        for i in services where !themenfelder.contains(model.content.services[i].topic) { themenfelder.append(model.content.services[i].topic) }
        c["related_title"] = "Themenfelder"
        let related: [ContextValue] = themenfelder.compactMap { model.themenfeldBySlug[$0] }
            .map { ["title": .string($0.title), "url": .string(root + Routes.themenfeld($0.slug))] }
        c["related"] = .list(related)
        c["has_related"] = .bool(!related.isEmpty)
        return page(path, "topic", c)
    }
}
