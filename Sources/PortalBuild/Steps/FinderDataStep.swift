import PortalModel
import PortalRender
import PortalSupport

/// Writes what the place finder loads in the browser: the place list, each service's rules and
/// each authority's card.
package struct FinderDataStep: BuildStep {
    package let name = "Daten für den Zuständigkeitsfinder"

    package func run(_ build: BuildState) throws {
        let model = build.model
        let placesData = FinderData.places(model)
        build.placesPath = Routes.placesData(placesData)
        try build.emitter.emit(placesData, to: build.placesPath)
        // Serialising a few thousand small JSON files is worth both cores.
        let rules = ParallelMap.map(model.content.services.map(\.slug)) { slug in (slug, FinderData.rules(model, service: slug)) }
        for (slug, data) in rules {
            let path = Routes.rulesData(slug, data)
            try build.emitter.emit(data, to: path)
            build.rulePaths[slug] = path
        }
        let cards = ParallelMap.map(Array(model.content.authorities.values)) { authority in (authority.id, FinderData.authority(authority)) }
        for (id, data) in cards {
            try build.emitter.emit(data, to: Routes.authorityCard(id))
        }
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: places, rules and authorities only. Had the full run read a body, the
        // pipeline would have recorded it, and that body's edit would be a full build.
    }
}
