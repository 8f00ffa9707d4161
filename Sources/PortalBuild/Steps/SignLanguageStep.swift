import Foundation
import PortalModel
import PortalRender

/// Publishes the videos in Deutscher Gebärdensprache (`gebaerdensprache:` in site.yml) under
/// `gebaerdensprache/`, where their page (`PageJob.signLanguage`) offers them to play and to
/// download. The files are copied as they are (they were measured when the content loaded).
package struct SignLanguageStep: BuildStep {
    package let name = "Gebärdensprache"

    package func run(_ build: BuildState) throws {
        for video in build.content.site.signLanguage {
            guard let data = FileManager.default.contents(atPath: build.options.content.appendingPathComponent(video.file).path) else {
                throw ContentErrors([Diagnostic(path: video.location.path, line: video.location.line, column: video.location.column,
                                                message: "Video „\(video.file)“ kann nicht gelesen werden")])
            }
            try build.emitter.emit(data, to: Routes.signLanguageVideo(video.publishedName))
        }
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: the videos come from site.yml, which a body edit does not touch.
    }
}
