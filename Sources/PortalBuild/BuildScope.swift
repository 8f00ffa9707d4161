/// What a build remakes. Every build runs the same steps (`Pipeline`); the scope says over what.
package enum BuildScope {
    /// The whole content: every step runs over everything, files whose fingerprint is unchanged
    /// are taken over from the previous site, and the new site is swapped in as a whole.
    case everything
    /// Only service bodies changed since the last build: each step remakes what of its output
    /// those bodies fed, as the last full build recorded it, and the changed files replace the
    /// old ones in place (`Emitter.Strategy.inPlace`).
    case bodies(BodyEdits)
}
