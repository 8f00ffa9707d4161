/// One step of a build. Steps run in the order `Pipeline` lists them, each reading what earlier
/// steps put into the `BuildState` and adding its own result; the progress line shows each
/// step's name. Every build runs the same steps; the scope (`BuildScope`) says over what.
package protocol BuildStep: Sendable {
    /// Shown to the person running the build (German, as all of the tool's output).
    var name: String { get }
    /// The step tells the progress line itself (with a count of its items); otherwise the
    /// pipeline names it when it starts.
    var reportsProgress: Bool { get }
    /// Whether the step's body-edit run remakes what any service body fed of its output (loading,
    /// the search index). For every other step the pipeline records which bodies its full run
    /// read (`InputReads`), and an edit to one of them is served by a full build.
    var remakesWhatBodiesFeed: Bool { get }
    /// Whether the step's body-edit run remakes what an authority's details fed of its output
    /// (the finder's authority cards); its reads of them are then not recorded.
    var remakesWhatAuthorityDetailsFeed: Bool { get }
    /// The step over everything.
    func run(_ build: BuildState) throws
    /// The step over the scope of a body edit: remakes what of its output the edited bodies fed,
    /// or nothing, saying why in a comment. Throws `BodyEdits.Widen` if it cannot.
    func run(_ build: BuildState, bodies: BodyEdits) throws
}

extension BuildStep {
    package var reportsProgress: Bool { false }
    package var remakesWhatBodiesFeed: Bool { false }
    package var remakesWhatAuthorityDetailsFeed: Bool { false }
}
