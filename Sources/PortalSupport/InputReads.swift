import Foundation

/// What a piece of the build read of the content while it ran, noted by the content types as
/// they are read (service bodies in `Service.sections`, free pages' text, authorities' details;
/// and templates), not listed by hand. The full
/// build plans every page, and runs every step that does not remake its output for a body edit
/// itself, inside a recording; the quick rebuild after a body edit then knows from the record
/// which files that body fed, and a new page type or step that shows body text is covered
/// without anyone editing a list.
///
/// The log is bound to the running thread (a task-local value, which also works outside tasks);
/// `ParallelMap` binds it again in its workers, so work spread over cores is recorded too.
package final class InputReads: @unchecked Sendable {
    @TaskLocal package static var current: InputReads?

    private let lock = NSLock()
    private var bodySlugs: Set<String> = []
    private var templateNames: Set<String> = []
    private var itemKeys: Set<String> = []

    package init() {}

    /// The keys of the bodies read: a service's slug, `Page.bodyKey`, `Authority.detailsKey`.
    package var bodies: Set<String> { lock.withLock { bodySlugs } }

    /// The keys of what a page declared it shows in list items (`noteItem`).
    package var items: Set<String> { lock.withLock { itemKeys } }

    /// The templates rendered (outside a page's own final rendering, which is declared).
    package var templates: Set<String> { lock.withLock { templateNames } }

    /// Called by `Service.sections`, `Page.html` and `.text`, an authority's details.
    package static func noteBody(_ slug: String) {
        guard let log = current else { return }
        log.lock.withLock { _ = log.bodySlugs.insert(slug) }
    }

    /// Called where a page shows a service's summary in a list item (`PageRenderer.serviceItem`),
    /// having read it unrecorded: the page is archived under `key`, and the quick rebuild after
    /// an edit to that summary puts the new one into the item.
    package static func noteItem(_ key: String) {
        guard let log = current else { return }
        log.lock.withLock { _ = log.itemKeys.insert(key) }
    }

    /// Called where a template is rendered (`PageStencils`, `Theme`): a template rendered into a
    /// page's context, or by a step, is not only a page's own template, and the quick rebuild
    /// after a template edit must not rely on archived contexts made with it.
    package static func noteTemplate(_ name: String) {
        guard let log = current else { return }
        log.lock.withLock { _ = log.templateNames.insert(name) }
    }

    /// Runs `work` and returns its result with what it read.
    package static func recording<T>(_ work: () throws -> T) rethrows -> (T, InputReads) {
        let log = InputReads()
        let result = try $current.withValue(log, operation: work)
        return (result, log)
    }

    /// Runs `part` unrecorded: the part of a page that declares the one body it is made from
    /// (`PagePlan.bodyPart`), which the quick rebuild makes anew itself; and a page's rendering
    /// with its own template, which the record keeps with the page.
    package static func declared<T>(_ part: () -> T) -> T {
        $current.withValue(nil, operation: part)
    }
}
