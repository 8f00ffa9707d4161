/// What `portal check` says about one FIM Stammdatenschema: how much of a form it makes, which
/// code lists it could not resolve or resolved to another version, and which rules the form
/// shows or leaves out (with the reason) — so that nothing of a schema is dropped silently.
public struct FormSchemaReport: Sendable {
    public var path: String
    public var schemaID: String
    public var version: String
    /// Slugs of the services that use the schema.
    public var services: [String]
    public var fields = 0
    public var groups = 0
    public var repeatableGroups = 0
    public var hiddenFields = 0
    public var resolvedLists: [String] = []
    /// "list (Version x) → file (Version y)" where the schema named another version.
    public var substitutedLists: [String] = []
    public var unresolvedLists: [String] = []
    public var rulesShown = 0
    /// "R… name: reason".
    public var rulesNotShown: [String] = []
    /// Fields the schema would prefill from elsewhere (`vorbefuellung`), by label.
    public var prefilledFields: [String] = []
    /// `bezug` entries on `struktur` (the sources of an element's use, e.g. "XGewerbeanzeige …"):
    /// counted, not shown; the schema's own `bezug` is the legal basis the form lists.
    public var structureReferences = 0

    public init(_ schema: FormSchema, services: [String]) {
        path = schema.path
        schemaID = schema.id
        version = schema.version
        self.services = services
        var resolved = Set<String>(), substituted = Set<String>(), unresolved = Set<String>(), seenRules = Set<String>()
        func note(_ rules: [FormRule]) {
            for rule in rules {
                // A group used in several places brings its rules along each time: count them once.
                guard seenRules.insert(rule.id.isEmpty ? rule.text : rule.id).inserted else { continue }
                if rule.shown { rulesShown += 1 } else { rulesNotShown.append("\(rule.id) „\(rule.name)“: \(rule.reason ?? "")") }
            }
        }
        note(schema.rules)
        var prefilled = Set<String>()
        schema.forEach { item, _ in
            structureReferences += item.legalBasis.count
            switch item.element {
            case .group(let g):
                groups += 1
                if item.occurs.repeats { repeatableGroups += 1 }
                note(g.rules)
            case .field(let f):
                fields += 1
                if f.kind == .hidden { hiddenFields += 1 }
                note(f.rules)
                if let prefill = f.prefill { prefilled.insert("„\(f.label)“ (\(prefill))") }
                guard let list = f.codeList else { return }
                if let file = list.file {
                    resolved.insert(file)
                    if let wanted = list.wantedVersion, wanted != list.usedVersion {
                        substituted.insert("\(list.list) (Version \(wanted)) → \(file) (Version \(list.usedVersion ?? "?"))")
                    }
                } else {
                    unresolved.insert(list.list + (list.wantedVersion.map { " (Version \($0))" } ?? ""))
                }
            }
        }
        resolvedLists = resolved.sorted()
        substitutedLists = substituted.sorted()
        unresolvedLists = unresolved.sorted()
        prefilledFields = prefilled.sorted()
    }

    /// One line for `portal check`; `details` the lines `--verbose` adds.
    public var summary: String {
        "Formular \(path) (\(schemaID) \(version), \(services.joined(separator: ", "))): \(fields) Felder, \(groups) Gruppen, davon \(repeatableGroups) wiederholbar; "
            + "Codelisten: \(resolvedLists.count) aufgelöst, \(unresolvedLists.count) fehlen; Regeln: \(rulesShown) gezeigt, \(rulesNotShown.count) nicht gezeigt"
    }

    public var details: [String] {
        unresolvedLists.map { "Codeliste fehlt, das Feld fragt Text ab: \($0)" }
            + substitutedLists.map { "Codeliste in anderer Version verwendet: \($0)" }
            + rulesNotShown.map { "Regel nicht gezeigt: \($0)" }
            + prefilledFields.map { "Vorbefüllung nicht möglich (das Portal hat keine Datenquelle), das Feld bleibt leer: \($0)" }
            + (structureReferences > 0 ? ["Nicht gezeigt: \(structureReferences) Bezüge an einzelnen Elementen (Herkunft der Datenfelder, z. B. XÖV-Kernkomponenten); die Rechtsgrundlage des Schemas steht über dem Formular"] : [])
            + (hiddenFields > 0 ? ["Nicht gezeigt: \(hiddenFields) verborgene Felder (feldart hidden)"] : [])
    }
}

extension Content {
    /// One report per schema, in path order.
    public var formSchemaReports: [FormSchemaReport] {
        formSchemas.keys.sorted().compactMap { path in
            formSchemas[path].map { FormSchemaReport($0, services: services.filter { $0.formSchemaPath == path }.map(\.slug).sorted()) }
        }
    }
}
