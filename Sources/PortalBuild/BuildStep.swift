/// One step of a full build. Steps run in the order `Pipeline.steps` lists them, each reading
/// what earlier steps put into the `BuildState` and adding its own result; the progress line
/// shows each step's name.
package protocol BuildStep: Sendable {
    /// Shown to the person running the build (German, as all of the tool's output).
    var name: String { get }
    /// The step tells the progress line itself (with a count of its items); otherwise the
    /// pipeline names it when it starts.
    var reportsProgress: Bool { get }
    func run(_ build: BuildState) throws
}

extension BuildStep {
    package var reportsProgress: Bool { false }
}
