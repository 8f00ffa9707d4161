import Foundation
import PortalLoad
import PortalModel
import PortalRender
import PortalSearch

/// The scope of a build after the most common change: editors rewording the body of a service.
///
/// What a body feeds is recorded by the last full build (`BodyEditRecorder`): the pages that
/// declared a part made from it (`BodyPart`), whose other keys it archived; the search index's
/// documents; the anchors other files link to. Any other read of a body — by a page outside its
/// declared part, or by a step that does not remake its output for a body edit — is recorded
/// too, and an edit to that body is then served by a full build.
///
/// Found by `find` before anything is loaded; a step that finds the scope cannot be served (the
/// front matter changed too, an error, a broken link, a missing archive) throws `Widen`, and the
/// pipeline runs everything instead. Nothing is written before `PublishStep`, so that is safe.
package final class BodyEdits {
    /// Thrown by a step when the change is more than body edits.
    package struct Widen: Error {}

    /// A service file or a free page (`ContentSources.services` or `.pages`) and its index there.
    package enum File: Equatable {
        case service(Int)
        case page(Int)
    }

    /// One changed file, as `LoadStep` loaded it.
    package struct Edit {
        package var file: File
        package var body: BodySource
        package var source: ContentSources.ServiceSource
    }

    /// The last full build's record, updated by the steps as they go.
    package var record: BodyEditRecord
    /// Content-relative paths of the changed files (all of them service files or free pages).
    package let changedPaths: [String]
    package let fileByPath: [String: File]
    /// `LoadStep`: the services whose body changed.
    package var edits: [Edit] = []

    private init(record: BodyEditRecord, changedPaths: [String], fileByPath: [String: File]) {
        self.record = record
        self.changedPaths = changedPaths
        self.fileByPath = fileByPath
    }

    /// A changed file's facts in the record.
    package func source(_ file: File) -> ContentSources.ServiceSource {
        switch file {
        case .service(let i): record.sources.services[i]
        case .page(let i): record.sources.pages[i]
        }
    }

    /// The scope if the files changed since the last build are service files whose body nothing
    /// but the recorded pages and steps read, the build is otherwise the same (content folder,
    /// options, theme, binary) and the published site is as that build left it; else nil.
    package static func find(_ options: Pipeline.Options, themeDigest: String, snapshot: SourceSnapshot?,
                             previous: BuildCache.Manifest) -> BodyEdits? {
        guard let record = previous.bodyEdits, let snapshot, previous.search != nil, previous.precompressed == options.precompress,
              record.contentRoot == options.content.standardizedFileURL.path, record.contentDisplay == options.contentDisplay,
              record.strict == options.strict, record.themeDigest == themeDigest,
              // The dated content must be what the last full build saw.
              record.asOf <= options.date, record.nextChange.map({ options.date < $0 }) ?? true,
              let changedPaths = snapshot.changed(since: record.snapshot) else { return nil }
        var fileByPath: [String: File] = [:]
        for (i, source) in record.sources.services.enumerated() { fileByPath[source.relativePath] = .service(i) }
        for (i, source) in record.sources.pages.enumerated() { fileByPath[source.relativePath] = .page(i) }
        for path in changedPaths {
            guard let file = fileByPath[path] else { return nil }
            let key: String
            switch file {
            case .service(let i): key = record.sources.services[i].slug
            case .page(let i): key = Page.bodyKey(record.sources.pages[i].slug)
            }
            if record.bodiesReadElsewhere.contains(key) { return nil }
        }
        // The published site must be as the last build left it (a deleted or truncated file is
        // written again by the full build), checked by size as the full build does.
        let output = OutputFolder(target: options.output)
        guard output.hasFiles(previous.files) else { return nil }
        return BodyEdits(record: record, changedPaths: changedPaths, fileByPath: fileByPath)
    }
}
