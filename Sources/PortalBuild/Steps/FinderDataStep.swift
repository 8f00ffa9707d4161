import PortalModel
import PortalRender
import PortalSupport

/// Writes what the place finder loads in the browser: the place list and each service's rules,
/// both in shards, and each authority's card.
package struct FinderDataStep: BuildStep {
    package let name = "Daten für den Zuständigkeitsfinder"
    package let remakesWhatAuthorityDetailsFeed = true

    package func run(_ build: BuildState) throws {
        let model = build.model
        // The place list and each service's rules in shards, in folders named by the hash of
        // the whole: what one answer costs does not grow with the country (issue #16).
        let places = FinderData.placeShards(model)
        build.placesPath = Routes.placesData(FinderData.folderBytes(places))
        for shard in places {
            try build.emitter.emit(shard.data, to: Routes.placeShard(build.placesPath, shard.key))
        }
        // Serialising a few thousand small JSON files is worth both cores; each worker writes its
        // own, so that not all of them (27 MB with a rule per Gemeinde) are held at once.
        let emitter = build.emitter
        let rules = ParallelMap.map(model.content.services.map(\.slug)) { slug -> (String, Result<String, OutputFolder.WriteError>) in
            let shards = FinderData.ruleShards(model, service: slug)
            let folder = Routes.rulesData(slug, FinderData.folderBytes(shards))
            do throws(OutputFolder.WriteError) {
                for shard in shards { try emitter.emit(shard.data, to: Routes.ruleShard(folder, shard.key)) }
                return (slug, .success(folder))
            } catch {
                return (slug, .failure(error))
            }
        }
        for (slug, folder) in rules { build.rulePaths[slug] = try folder.get() }
        let cards = ParallelMap.map(Array(model.content.authorities.values)) { authority in (authority.id, FinderData.authority(authority)) }
        for (id, data) in cards {
            try build.emitter.emit(data, to: Routes.authorityCard(id))
        }
    }

    /// The cards of the authorities whose details changed; places and rules stay. Had the full
    /// run read a body, the pipeline would have recorded it, and that body's edit would be a
    /// full build.
    package func run(_ build: BuildState, bodies edits: BodyEdits) throws {
        for edit in edits.edits {
            guard case .authority(let authority) = edit.body else { continue }
            try build.emitter.emit(FinderData.authority(authority), to: Routes.authorityCard(authority.id))
        }
    }
}
