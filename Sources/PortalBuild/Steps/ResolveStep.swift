import PortalModel
import PortalResolve

/// Resolves responsibilities (stage 2): the site model with its cross indexes, the answer of
/// every service in every Gemeinde, and the gaps. With `--strict`, gaps are errors.
package struct ResolveStep: BuildStep {
    package let name = "Zuständigkeiten auflösen"

    package func run(_ build: BuildState) throws {
        let content = build.content
        let model = SiteModel(content: content)
        let answers = GemeindeAnswers(model: model)
        let gaps = GapReport(services: content.services, answers: answers)
        if build.options.strict, !gaps.entries.isEmpty {
            let rules = "\(build.options.contentDisplay)/responsibilities.csv"
            var errors = content.warnings
            for entry in gaps.entries {
                errors.append(Diagnostic(path: rules, line: 1, column: 1,
                                         message: "Lücke: für „\(entry.service)“ ist in \(entry.gemeinden) Gemeinden keine Stelle zuständig (--strict)"))
            }
            throw ContentErrors(errors)
        }
        build.resolved = (model, answers, gaps)
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: responsibilities come from front matter, places and rules, none of which
        // changed; the last build's gaps are in the record.
    }
}
