import Foundation
import PortalLoad
import PortalModel
import PortalRender
import PortalResolve
import PortalSearch
import PortalSupport

/// What a build leaves in the build cache so that the next one can handle an edit to service
/// bodies alone without loading the other files (`BodyEdits`): how the content looked, what
/// the loader found in each service file, the contexts of the pages a body feeds, which bodies
/// fed anything else, and the search index's tokenised documents.
package struct BodyEditRecord {
    /// The content folder (absolute) and how the build named it in messages.
    package var contentRoot: String
    package var contentDisplay: String
    package var strict: Bool
    /// The theme the build used: all but its templates (`Theme.digestWithoutTemplates`), and
    /// each template's digest, so that a template edit is told from any other theme change.
    package var themeWithoutTemplates: String
    package var templateDigests: [String: String]
    /// The templates of the pages the record did not archive (`pages`), and the templates
    /// rendered other than as a page's own (into a context, by a step; `InputReads`): an edit to
    /// one of these needs a full build.
    package var templatesOfOtherPages: Set<String>
    package var templatesReadElsewhere: Set<String>
    package var snapshot: SourceSnapshot
    package var sources: ContentSources
    package var known: KnownURLs
    /// By body key: where `PageArchive` keeps the contexts of the pages that declared a part
    /// made from that body (`BodyPart`), each without that part; by `Service.summaryKey`: the
    /// pages that show that summary in a list item (`InputReads.noteItem`), with their part too.
    package var pages: PageArchive.Index
    /// Services whose body something else read (recorded by `InputReads`: a page outside its
    /// declared part, or a step that does not remake its output for a body edit): an edit to one
    /// of these bodies needs a full build.
    package var bodiesReadElsewhere: Set<String>
    package var pagesGeneration: String
    /// The search page's context (it names the search index file).
    package var searchPage: [UInt8]
    package var pageCounts: [(kind: String, count: Int)]
    package var gaps: [GapReport.Entry]
    package var corpus: SearchCorpus
    /// By language: the other languages' search input (JSON, small: remade whole after an edit),
    /// their index files (the main one first) and their search page's context.
    package var translatedSearch: [String: TranslatedSearch] = [:]

    package struct TranslatedSearch {
        package var input: [UInt8]
        package var files: [String]
        package var page: [UInt8]
    }
    /// The day the last full build was for, and the next day on which the content changes by its
    /// dates: a body edit in between sees the same dated content.
    package var asOf: String
    package var nextChange: String?
}

extension BodyEditRecord {
    package func write(into w: inout BinaryWriter) {
        w.string(contentRoot); w.string(contentDisplay); w.bool(strict); w.string(themeWithoutTemplates)
        w.int(templateDigests.count)
        for (name, digest) in templateDigests.sorted(by: { $0.key < $1.key }) { w.string(name); w.string(digest) }
        w.strings(templatesOfOtherPages.sorted())
        w.strings(templatesReadElsewhere.sorted())
        w.int(snapshot.taken)
        w.int(snapshot.files.count)
        for (path, s) in snapshot.files {
            w.string(path); w.int(s.size); w.int(s.modified); w.int(s.changed); w.int(s.inode)
            w.optional(s.digest) { w, digest in w.string(digest) }
        }
        for list in [sources.services, sources.pages, sources.translations, sources.translatedPages, sources.easyLanguage, sources.authorities] {
            w.int(list.count)
            for s in list {
                w.string(s.slug); w.string(s.relativePath); w.string(s.display)
                w.string(s.digests.frontMatter); w.string(s.digests.body); w.string(s.digests.summary)
                w.values(s.links)
                w.values(s.warnings)
            }
        }
        w.values(sources.otherWarnings)
        for set in [known.services, known.themenfelder, known.lebenslagen, known.pages, known.regions, known.authorities, known.easyLanguage, known.translated] { w.strings(set.sorted()) }
        w.int(known.anchors.count)
        for (path, ids) in known.anchors { w.string(path); w.strings(ids) }
        w.int(pages.refs.count)
        for page in pages.refs { w.string(page.path); w.string(page.template); w.string(page.kind); w.string(page.partKey); w.strings(page.arguments); w.int(page.offset); w.int(page.length) }
        w.int(pages.byKey.count)
        for (key, refs) in pages.byKey { w.string(key); w.int32s(refs) }
        w.strings(bodiesReadElsewhere.sorted())
        w.string(pagesGeneration)
        w.bytes(searchPage)
        w.int(pageCounts.count)
        for (kind, count) in pageCounts { w.string(kind); w.int(count) }
        w.int(gaps.count)
        for gap in gaps { w.string(gap.service); w.int(gap.gemeinden) }
        corpus.write(into: &w)
        w.int(translatedSearch.count)
        for (language, search) in translatedSearch.sorted(by: { $0.key < $1.key }) { w.string(language); w.bytes(search.input); w.strings(search.files); w.bytes(search.page) }
        w.string(asOf)
        w.optionalString(nextChange)
    }

    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        contentRoot = try r.string(); contentDisplay = try r.string(); strict = try r.bool(); themeWithoutTemplates = try r.string()
        templateDigests = [:]
        for _ in 0..<(try r.count()) { templateDigests[try r.string()] = try r.string() }
        templatesOfOtherPages = Set(try r.strings())
        templatesReadElsewhere = Set(try r.strings())
        let taken = try r.int()
        var files: [String: SourceSnapshot.Stamp] = [:]
        let fileCount = try r.count()
        files.reserveCapacity(fileCount)
        for _ in 0..<fileCount {
            files[try r.string()] = SourceSnapshot.Stamp(size: try r.int(), modified: try r.int(), changed: try r.int(), inode: try r.int(),
                                                         digest: try r.optional { r throws(BinaryReader.Corrupt) in try r.string() })
        }
        snapshot = SourceSnapshot(files: files, taken: taken, root: nil)
        sources = ContentSources()
        func sourceList(_ r: inout BinaryReader) throws(BinaryReader.Corrupt) -> [ContentSources.ServiceSource] {
            var list: [ContentSources.ServiceSource] = []
            for _ in 0..<(try r.count()) {
                list.append(.init(slug: try r.string(), relativePath: try r.string(), display: try r.string(),
                                  digests: .init(frontMatter: try r.string(), body: try r.string(), summary: try r.string()),
                                  links: try r.values(MarkdownDocument.Link.self), warnings: try r.values(Diagnostic.self)))
            }
            return list
        }
        sources.services = try sourceList(&r)
        sources.pages = try sourceList(&r)
        sources.translations = try sourceList(&r)
        sources.translatedPages = try sourceList(&r)
        sources.easyLanguage = try sourceList(&r)
        sources.authorities = try sourceList(&r)
        sources.otherWarnings = try r.values(Diagnostic.self)
        var sets: [Set<String>] = []
        for _ in 0..<8 { sets.append(Set(try r.strings())) }
        var anchors: [String: [String]] = [:]
        for _ in 0..<(try r.count()) { anchors[try r.string()] = try r.strings() }
        known = KnownURLs(services: sets[0], themenfelder: sets[1], lebenslagen: sets[2], pages: sets[3], regions: sets[4],
                          authorities: sets[5], easyLanguage: sets[6], translated: sets[7], anchors: anchors)
        pages = PageArchive.Index()
        for _ in 0..<(try r.count()) {
            pages.refs.append(.init(path: try r.string(), template: try r.string(), kind: try r.string(), partKey: try r.string(), arguments: try r.strings(), offset: try r.int(), length: try r.int()))
        }
        let refCount = pages.refs.count
        for _ in 0..<(try r.count()) {
            let key = try r.string(), refs = try r.int32s()
            guard refs.allSatisfy({ $0 >= 0 && Int($0) < refCount }) else { throw BinaryReader.Corrupt() }
            pages.byKey[key] = refs
        }
        bodiesReadElsewhere = Set(try r.strings())
        pagesGeneration = try r.string()
        searchPage = try r.bytes()
        pageCounts = []
        for _ in 0..<(try r.count()) { pageCounts.append((try r.string(), try r.int())) }
        gaps = []
        for _ in 0..<(try r.count()) { gaps.append(GapReport.Entry(service: try r.string(), gemeinden: try r.int())) }
        corpus = try SearchCorpus(from: &r)
        for _ in 0..<(try r.count()) {
            let language = try r.string(), input = try r.bytes(), files = try r.strings(), page = try r.bytes()
            translatedSearch[language] = TranslatedSearch(input: input, files: files, page: page)
        }
        asOf = try r.string()
        nextChange = try r.optionalString()
    }
}
