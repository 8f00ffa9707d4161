import PortalLoad
import PortalModel

/// Reads and validates every content file (stage 1). Throws `ContentErrors` with all problems.
package struct LoadStep: BuildStep {
    package let name = "Inhalte prüfen"

    package func run(_ build: BuildState) throws {
        let options = build.options
        build.loaded = try ContentLoader(root: options.content, displayRoot: options.contentDisplay, memo: options.memo).loadWithSources()
    }
}
