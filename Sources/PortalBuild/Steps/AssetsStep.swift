import PortalModel

/// Writes the theme's CSS and JavaScript under content-hashed names.
package struct AssetsStep: BuildStep {
    package let name = "Stile und Skripte"

    package func run(_ build: BuildState) throws {
        for (name, data) in build.theme.assets.sorted(by: { $0.key < $1.key }) {
            let path = Routes.asset(name, data)
            try build.emitter.emit(data, to: path)
            build.assetPaths[AssetNames.key(name)] = path
        }
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: the theme is the last build's (`BodyEdits.find` compares its digest), and
        // the pages remade from their archived contexts already name its assets.
    }
}
