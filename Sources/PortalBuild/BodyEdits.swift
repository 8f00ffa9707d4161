import Foundation
import PortalLoad
import PortalModel
import PortalRender
import PortalSearch

/// The scope of a build after the most common change: editors rewording the body of a service.
/// "Body" stands for every part of a file that pages declare a part made from: a service's or
/// free page's text (also translated, and in Leichte Sprache), and an authority's details
/// (address and contact, not its name). A template edit that only such pages' templates see is
/// served too (`templates`).
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

    /// A service file, a free page, a service text or a free page in another language
    /// (`ContentSources.services`, `.pages`, `.translations`, `.translatedPages`) and its index there.
    package enum File: Equatable, Sendable {
        case service(Int)
        case page(Int)
        case translation(Int)
        case translatedPage(Int)
        case easyLanguage(Int)
        /// `ContentSources.authorities`: an authority whose details (not its name) changed.
        case authority(Int)
    }

    /// One changed file, as `LoadStep` loaded it.
    package struct Edit: Sendable {
        package var file: File
        package var body: BodySource
        package var source: ContentSources.ServiceSource
        /// A service file whose summary changed (`ServiceLoader.Digests.summary`).
        package var summaryChanged = false
    }

    /// The last full build's record, updated by the steps as they go.
    package var record: BodyEditRecord
    /// Content-relative paths of the changed files (all of them service files or free pages).
    package let changedPaths: [String]
    package let fileByPath: [String: File]
    /// `LoadStep`: the services whose body changed.
    package var edits: [Edit] = []
    /// Templates whose source changed (an edit to the theme), each the template of pages the
    /// record archived and of no other page, nor rendered otherwise.
    package let templates: Set<String>
    /// `LoadStep`: files with an unchanged body, loaded for their part: those whose archived
    /// pages use one of `templates` (their pages are rendered again with the part made anew), and
    /// those whose part a page that lists an edited summary declared (an authority page).
    package var rerendered: [Edit] = []
    /// `LoadStep`: the new summaries of the services whose summary changed, by slug; the pages
    /// that show them in list items are remade with them (`PageRenderer.withSummaries`).
    package var summaries: [String: String] = [:]

    private init(record: BodyEditRecord, changedPaths: [String], fileByPath: [String: File], templates: Set<String>) {
        self.record = record
        self.changedPaths = changedPaths
        self.fileByPath = fileByPath
        self.templates = templates
    }

    /// A changed file's facts in the record.
    package func source(_ file: File) -> ContentSources.ServiceSource {
        switch file {
        case .service(let i): record.sources.services[i]
        case .page(let i): record.sources.pages[i]
        case .translation(let i): record.sources.translations[i]
        case .translatedPage(let i): record.sources.translatedPages[i]
        case .easyLanguage(let i): record.sources.easyLanguage[i]
        case .authority(let i): record.sources.authorities[i]
        }
    }

    /// The key a file's body is recorded under (`InputReads`, `BodyPart`).
    package func bodyKey(_ file: File) -> String {
        switch file {
        case .service(let i): record.sources.services[i].slug
        case .page(let i): Page.bodyKey(record.sources.pages[i].slug)
        case .translation(let i): ServiceTranslation.bodyKey(Self.language(of: record.sources.translations[i].relativePath), record.sources.translations[i].slug)
        case .translatedPage(let i): Page.bodyKey(record.sources.translatedPages[i].slug)
        case .easyLanguage(let i): Page.bodyKey(record.sources.easyLanguage[i].slug)
        case .authority(let i): Authority.detailsKey(record.sources.authorities[i].slug)
        }
    }

    /// The language of a translation file: `services/<slug>.en.md` → `en`.
    package static func language(of relativePath: String) -> String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        let parts = name.split(separator: ".")
        return parts.count >= 3 ? String(parts[parts.count - 2]) : ""
    }

    /// The scope if the files changed since the last build are service files whose body nothing
    /// but the recorded pages and steps read, the theme changed at most in templates of those
    /// pages alone (`templates(changedIn:record:)`), the build is otherwise the same (content
    /// folder, options, binary) and the published site is as that build left it; else nil.
    package static func find(_ options: Pipeline.Options, theme: Theme, snapshot: SourceSnapshot?,
                             previous: BuildCache.Manifest) -> BodyEdits? {
        guard let record = previous.bodyEdits, let snapshot, previous.search != nil, previous.precompressed == options.precompress,
              record.contentRoot == options.content.standardizedFileURL.path, record.contentDisplay == options.contentDisplay,
              record.strict == options.strict, let templates = Self.templates(changedIn: theme, record: record),
              // The dated content must be what the last full build saw.
              record.asOf <= options.date, record.nextChange.map({ options.date < $0 }) ?? true,
              let changedPaths = snapshot.changed(since: record.snapshot) else { return nil }
        var fileByPath: [String: File] = [:]
        for (i, source) in record.sources.services.enumerated() { fileByPath[source.relativePath] = .service(i) }
        for (i, source) in record.sources.pages.enumerated() { fileByPath[source.relativePath] = .page(i) }
        for (i, source) in record.sources.translations.enumerated() { fileByPath[source.relativePath] = .translation(i) }
        for (i, source) in record.sources.translatedPages.enumerated() { fileByPath[source.relativePath] = .translatedPage(i) }
        for (i, source) in record.sources.easyLanguage.enumerated() { fileByPath[source.relativePath] = .easyLanguage(i) }
        for (i, source) in record.sources.authorities.enumerated() { fileByPath[source.relativePath] = .authority(i) }
        let edits = BodyEdits(record: record, changedPaths: changedPaths, fileByPath: fileByPath, templates: templates)
        for path in changedPaths {
            guard let file = fileByPath[path] else { return nil }
            if record.bodiesReadElsewhere.contains(edits.bodyKey(file)) { return nil }
        }
        // The published site must be as the last build left it (a deleted or truncated file is
        // written again by the full build), checked by size as the full build does.
        let output = OutputFolder(target: options.output)
        guard output.hasFiles(previous.files) else { return nil }
        return edits
    }

    /// The templates changed since the record's build, if the quick path can serve that change:
    /// the rest of the theme (assets, texts, search files) is the same, and every changed
    /// template is, in each language, the template of pages the record archived and of no other
    /// page, and was not rendered otherwise (into a context, by a step). A partial (`{{> x}}`)
    /// is not a page's template: editing one takes a full build, as does the layout all pages
    /// share. Nil if the change needs a full build.
    static func templates(changedIn theme: Theme, record: BodyEditRecord) -> Set<String>? {
        guard theme.digestWithoutTemplates == record.themeWithoutTemplates else { return nil }
        let changed = theme.changedTemplates(since: record.templateDigests)
        if changed.isEmpty { return [] }
        // A template's name without its language (`en/page` → `page`): a language whose pages
        // use it is a use of the same template.
        func base(_ name: String) -> Substring { name.split(separator: "/").last ?? Substring(name) }
        var archived: Set<Substring> = []
        for ref in record.pages.refs where !ref.kind.isEmpty { archived.insert(base(ref.template)) }
        let other = Set(record.templatesOfOtherPages.map(base)), elsewhere = Set(record.templatesReadElsewhere.map(base))
        for name in changed {
            let b = base(name)
            guard archived.contains(b), !other.contains(b), !elsewhere.contains(b) else { return nil }
        }
        return changed
    }
}
