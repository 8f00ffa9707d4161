import Foundation
import PortalModel
import PortalRender

/// Writes the catalogue as open data under `daten/` (`OpenDataFiles`), if site.yml has
/// `open_data:`; its page is one of the pages (`PageJob.openData`).
package struct OpenDataStep: BuildStep {
    package let name = "Offene Daten"

    package func run(_ build: BuildState) throws {
        guard let openData = build.content.site.openData else { return }
        for file in OpenDataFiles.files(build.model, openData: openData) {
            try build.emitter.emit(file.data, to: Routes.openDataFile(file.name))
            build.openDataFiles.append(.init(name: file.name, format: file.format, title: file.title, bytes: file.data.count))
        }
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: made from front matter, authorities, rules and site.yml. Had the full run read
        // a body, the pipeline would have recorded it, and that body's edit would be a full build.
    }
}
