import PortalModel
import PortalSupport

/// Turns a FIM Stammdatenschema into template data, in the patterns the front-matter forms
/// follow (`FormView`): fieldsets with legends for groups, a visible label per control, hints by
/// `aria-describedby`, dates as Tag/Monat/Jahr, choices as radios or a list, "(optional)" in words.
///
/// Names follow the output contract (v2): the element ids from the schema down to the field
/// joined with `.`, a repeatable group's further instances as `G…~2`, date parts `-tag`, `-monat`,
/// `-jahr`. A field is optional exactly when some `anzahl` on its path has minimum 0.
package enum SchemaFormView {
    /// Choices up to this many are radios (all visible at once); more are a `<select>`.
    static let radioLimit = 7
    /// Lists longer than this get a filter box when JavaScript runs (`form.js`).
    static let filterFrom = 30

    /// Where a field sits: its name's prefix, whether an `anzahl` above has minimum 0, and the
    /// innermost optional group instance (filling any of its fields makes its required ones due).
    struct Scope {
        var prefix: String
        var optional: Bool
        var optionalGroup: String?
        var level: Int
    }

    package static func items(_ schema: FormSchema) -> ContextValue {
        items(schema.items, in: Scope(prefix: "", optional: false, optionalGroup: nil, level: 1))
    }

    /// The rules shown above the form, as readable text.
    package static func rules(_ rules: [FormRule]) -> ContextValue {
        .list(rules.filter(\.shown).map { .string($0.text) })
    }

    package static func legalBasis(_ references: [LegalReference]) -> ContextValue {
        .list(references.map { r in
            var c: Context = ["text": .string(r.text)]
            if let link = r.link { c["link"] = .string(link) }
            return .object(c)
        })
    }

    package static func hasFiles(_ schema: FormSchema) -> Bool {
        var found = false
        schema.forEach { item, _ in
            if case .field(let f) = item.element, f.kind == .input, f.dataType == .file || f.dataType == .obj { found = true }
        }
        return found
    }

    /// Replaces each field by its HTML, made by `render` (the `form-field` template through the
    /// page stencils: a form's hundreds of fields come in a few dozen shapes, each rendered by
    /// Mustache once and then filled, instead of every field a dozen contexts deep in one page).
    package static func renderingFields(_ value: ContextValue, _ render: (Context) -> String) -> ContextValue {
        switch value {
        case .list(let items):
            return .list(items.map { renderingFields($0, render) })
        case .object(let object):
            if object["is_field"] == .bool(true) {
                return .object(["is_field": true, "is_group": false, "is_text": false, "html": .string(render(object))])
            }
            return .object(object.mapValues { renderingFields($0, render) })
        default:
            return value
        }
    }

    static func items(_ items: [SchemaItem], in scope: Scope) -> ContextValue {
        .list(items.flatMap { item -> [ContextValue] in
            switch item.element {
            case .group(let group): return [groupItem(group, item.occurs, in: scope)]
            case .field(let field): return fieldItems(field, item.occurs, in: scope)
            }
        })
    }

    private static func name(_ id: String, instance: Int, in scope: Scope) -> String {
        scope.prefix + id + (instance > 1 ? "~\(instance)" : "")
    }

    private static func groupItem(_ group: SchemaGroup, _ occurs: Occurrence, in scope: Scope) -> ContextValue {
        let optional = scope.optional || occurs.isOptional
        // Without JavaScript the minimum number of instances is on the page (at least one).
        let shown = max(occurs.min, 1)
        let instances = (1...shown).map { n -> ContextValue in
            let path = name(group.id, instance: n, in: scope)
            let inner = Scope(prefix: path + ".", optional: optional, optionalGroup: occurs.isOptional ? path : scope.optionalGroup,
                              level: scope.level + 1)
            // Every flag set on every level: Mustache looks a missing key up in the enclosing
            // contexts, so a nested group would otherwise take over its parent's number.
            let shownRules = group.rules.filter(\.shown)
            var c: Context = [
                "id": .string(path), "label": .string(group.label), "level": .int(min(scope.level, 4)),
                "optional": .bool(optional), "fields": items(group.items, in: inner),
                "numbered": .bool(occurs.repeats), "number": .int(n), "removable": .bool(occurs.repeats && n > occurs.min),
                "has_rules": .bool(!shownRules.isEmpty), "rules": .list(shownRules.map { .string($0.text) }),
            ]
            if let hint = group.hint { c["hint"] = .string(hint); c["hint_id"] = .string(path + "-hinweis") }
            return .object(c)
        }
        var c: Context = ["is_group": true, "is_field": false, "is_text": false, "is_repeat": .bool(occurs.repeats), "instances": .list(instances)]
        if occurs.repeats {
            c["repeat_id"] = .string(name(group.id, instance: 1, in: scope))
            c["label"] = .string(group.label)
            c["repeat_min"] = .int(occurs.min)
            if let max = occurs.max { c["repeat_max"] = .int(max) }
            c["bounds"] = .string(bounds(occurs))
        }
        return .object(c)
    }

    /// "2 bis 5 Angaben", "mindestens 1 Angabe", "bis zu 3 Angaben", "beliebig viele Angaben".
    static func bounds(_ o: Occurrence) -> String {
        func count(_ n: Int) -> String { n == 1 ? "1 Angabe" : "\(n) Angaben" }
        switch (o.min, o.max) {
        case (0, nil): return "Sie können beliebig viele Angaben machen."
        case (let lo, nil): return "Machen Sie mindestens \(count(lo)); weitere sind möglich."
        case (0, let hi?): return "Sie können bis zu \(count(hi)) machen."
        case (let lo, let hi?) where lo == hi: return "Machen Sie genau \(count(lo))."
        case (let lo, let hi?): return "Machen Sie \(lo) bis \(count(hi))."
        }
    }

    private static func fieldItems(_ f: SchemaField, _ occurs: Occurrence, in scope: Scope) -> [ContextValue] {
        let optional = scope.optional || occurs.isOptional
        let path = scope.prefix + f.id
        switch f.kind {
        case .hidden:
            return []
        case .label:
            let text = f.content ?? f.label
            return [.object(["is_text": true, "is_group": false, "is_field": false, "text": .string(text), "id": .string(path)])]
        default:
            break
        }
        var c: Context = [
            "is_field": true, "is_group": false, "is_text": false, "id": .string(path), "name": .string(path), "label": .string(f.label),
            "required": .bool(!optional), "optional": .bool(optional), "error_id": .string(path + "-fehler"),
        ]
        // Optional only through its group: due once the citizen begins that group.
        if !occurs.isOptional, let group = scope.optionalGroup { c["required_in"] = .string(group) }
        var hints: [String] = []
        if let hint = f.hint { hints.append(hint) }
        hints += f.rules.filter(\.shown).map(\.text)
        if let v = f.minLength, v > 0 { c["minlength"] = .int(v) }
        if let v = f.maxLength { c["maxlength"] = .int(v) }
        if let v = f.pattern { c["pattern"] = .string(v) }

        if f.kind == .locked {
            c["is_input"] = true
            c["kind"] = "text"
            c["input_type"] = "text"
            c["readonly"] = true
            c["value"] = .string(f.content ?? "")
            if f.content == nil { hints.append("Dieses Feld füllt die Behörde aus.") }
            // A read-only value is never the citizen's to give: no check applies. It still says
            // "(optional)" where its path makes it so (the contract's rule has no exception).
            c["required"] = false
            c["required_in"] = nil
            return [finish(c, hints, path)]
        }

        if f.kind == .select {
            if f.values.isEmpty {
                // The code list is not available: ask for the value as text, never invent choices.
                c["is_input"] = true
                c["kind"] = "text"
                c["input_type"] = "text"
                hints.append("Die Auswahlliste für diese Angabe ist hier nicht verfügbar. Geben Sie den Wert als Text ein.")
                return [finish(c, hints, path)]
            }
            // A choice that may be made several times: checkboxes sharing the name.
            let multiple = occurs.repeats
            if multiple || f.values.count <= radioLimit {
                c[multiple ? "is_checkboxes" : "is_radio"] = true
                c["kind"] = .string(multiple ? "checkboxes" : "radio")
                if multiple, f.values.count > filterFrom {
                    // Hundreds of boxes (a code list): written here, not through a Mustache
                    // section per box, which cost the sample build a tenth of its time.
                    c["options"] = .list([])
                    c["options_html"] = .string(f.values.enumerated().map { i, v in
                        let id = HTML.escape(i == 0 ? path : "\(path)-\(i + 1)")
                        return "<div class=\"choice\"><input id=\"\(id)\" name=\"\(HTML.escape(path))\" type=\"checkbox\" value=\"\(HTML.escape(v.code))\"><label for=\"\(id)\">\(HTML.escape(v.name))\(v.help.map { $0 == v.name ? "" : " <span class=\"option-hint\">\(HTML.escape($0))</span>" } ?? "")</label></div>"
                    }.joined())
                } else {
                    c["options"] = .list(f.values.enumerated().map { i, v in
                        var option: Context = ["value": .string(v.code), "label": .string(v.name), "id": .string(i == 0 ? path : "\(path)-\(i + 1)"), "name": .string(path)]
                        if let help = v.help, help != v.name { option["help"] = .string(help) }
                        return .object(option)
                    })
                }
                if multiple {
                    count(&c, occurs, &hints, what: ("Auswahl", "Auswahlen"))
                    if f.values.count > filterFrom { c["filter"] = true }
                }
            } else {
                c["is_select"] = true
                c["kind"] = "select"
                if f.values.count > filterFrom {
                    c["filter"] = true
                    c["options"] = .list([])
                    c["options_html"] = .string(f.values.map { "<option value=\"\(HTML.escape($0.code))\">\(HTML.escape($0.name))</option>" }.joined())
                } else {
                    c["options"] = .list(f.values.map { ["value": .string($0.code), "label": .string($0.name)] })
                }
            }
            if let list = f.codeList, let version = list.usedVersion {
                c["codelist"] = .string(list.list + (version.isEmpty ? "" : "_" + version))
            }
            return [finish(c, hints, path)]
        }

        if occurs.repeats, f.dataType != .file, f.dataType != .obj, f.dataType != .bool {
            return [finish(lines(c, f, occurs, path: path, hints: &hints), hints, path)]
        }

        switch f.dataType {
        case .text, .textLatin:
            if let max = f.maxLength, max > 250 {
                c["is_textarea"] = true
                c["kind"] = "textarea"
            } else {
                c["is_input"] = true
                c["kind"] = "text"
                c["input_type"] = "text"
            }
        case .num, .numInt, .numCurrency:
            c["is_input"] = true
            c["kind"] = .string(f.dataType == .numInt ? "integer" : "number")
            c["input_type"] = "text"
            c["inputmode"] = .string(f.dataType == .numInt ? "numeric" : "decimal")
            if let v = f.minValue { c["min"] = .string(v) }
            if let v = f.maxValue { c["max"] = .string(v) }
            if f.dataType == .numCurrency { c["label"] = .string(f.label + " (in Euro)") }
        case .date:
            return [finish(date(c, path: path), hints, path)]
        case .time:
            c["is_input"] = true
            c["kind"] = "text"
            c["input_type"] = "text"
            c["inputmode"] = "numeric"
            c["pattern"] = "([01]?[0-9]|2[0-3]):[0-5][0-9]"
            hints.append("Uhrzeit als Stunden und Minuten, zum Beispiel 14:30")
        case .datetime:
            var time = c
            time["id"] = .string(path + "-zeit")
            time["name"] = .string(path + "-zeit")
            time["error_id"] = .string(path + "-zeit-fehler")
            time["label"] = .string(f.label + ": Uhrzeit")
            time["is_input"] = true
            time["kind"] = "text"
            time["input_type"] = "text"
            time["inputmode"] = "numeric"
            time["pattern"] = "([01]?[0-9]|2[0-3]):[0-5][0-9]"
            return [finish(date(c, path: path), hints, path),
                    finish(time, ["Stunden und Minuten, zum Beispiel 14:30"], path + "-zeit")]
        case .bool:
            c["is_radio"] = true
            c["kind"] = "radio"
            c["options"] = .list([
                ["value": "true", "label": "Ja", "id": .string(path), "name": .string(path)],
                ["value": "false", "label": "Nein", "id": .string(path + "-nein"), "name": .string(path)],
            ])
        case .file, .obj:
            c["is_file"] = true
            c["kind"] = "file"
            if !f.mediaTypes.isEmpty {
                c["accept"] = .string(f.mediaTypes.joined(separator: ","))
                hints.append("Erlaubte Dateiarten: " + f.mediaTypes.map(fileKind).joined(separator: ", ") + ".")
            }
            if let size = f.maxSize {
                hints.append("Höchstens \(megabytes(size)) je Datei.")
                c["max_size"] = .int(size)
            }
            if occurs.repeats {
                c["multiple"] = true
                count(&c, occurs, &hints, what: ("Datei", "Dateien"))
            }
        }
        return [finish(c, hints, path)]
    }

    /// A field that repeats (e.g. `ZeileAnschrift` 2:5): its minimum number of inputs (at
    /// least one), sharing the name; "add another" with JavaScript up to the maximum.
    private static func lines(_ field: Context, _ f: SchemaField, _ occurs: Occurrence, path: String, hints: inout [String]) -> Context {
        var c = field
        c["is_lines"] = true
        c["kind"] = "lines"
        count(&c, occurs, &hints, what: ("Angabe", "Angaben"))
        let inputmode: String? = f.dataType == .numInt ? "numeric" : f.dataType == .num || f.dataType == .numCurrency ? "decimal" : nil
        c["lines"] = .list((1...max(occurs.min, 1)).map { n -> ContextValue in
            var line: Context = ["id": .string(n == 1 ? path : "\(path)-\(n)"), "label": .string("\(f.label) \(n)"), "name": .string(path)]
            if let inputmode { line["inputmode"] = .string(inputmode) }
            return .object(line)
        })
        if occurs.max.map({ $0 > max(occurs.min, 1) }) ?? true { c["line_add"] = .string("Weitere Angabe hinzufügen: \(f.label)") }
        return c
    }

    /// How many values a repeating field takes, for the check in the browser and as a hint.
    private static func count(_ c: inout Context, _ occurs: Occurrence, _ hints: inout [String], what: (String, String)) {
        c["count_min"] = .int(occurs.min)
        if let max = occurs.max { c["count_max"] = .int(max) }
        func n(_ k: Int) -> String { "\(k) \(k == 1 ? what.0 : what.1)" }
        switch (occurs.min, occurs.max) {
        case (let lo, let hi?) where lo > 1 && lo == hi: hints.append("Genau \(n(lo)).")
        case (let lo, let hi?) where lo > 1: hints.append("\(lo) bis \(n(hi)).")
        case (_, let hi?): hints.append("Höchstens \(n(hi)).")
        case (let lo, nil) where lo > 1: hints.append("Mindestens \(n(lo)).")
        default: hints.append("Mehrere \(what.1) möglich.")
        }
    }

    private static func date(_ field: Context, path: String) -> Context {
        var c = field
        c["is_date"] = true
        c["kind"] = "date"
        c["parts"] = .list([("tag", "Tag", 2), ("monat", "Monat", 2), ("jahr", "Jahr", 4)].enumerated().map { i, part -> ContextValue in
            ["name": .string("\(path)-\(part.0)"), "id": .string(i == 0 ? path : "\(path)-\(part.0)"), "label": .string(part.1), "width": .int(part.2)]
        })
        return c
    }

    /// Keys `form-field` asks for without a leading dot. A key missing from a field is looked up
    /// in every enclosing context up to the page (Mustache's rule), and a field of a FIM form sits
    /// a dozen contexts deep: set to false here, each lookup ends at the field. That took the
    /// sample build's form pages from a quarter of a CPU second in Mustache to a few hundredths.
    private static let fieldKeys = ["is_input", "is_textarea", "is_select", "is_file", "is_checkbox", "is_radio", "is_checkboxes",
                                    "is_date", "is_lines", "autocomplete", "inputmode", "maxlength", "accept", "pattern", "min", "max"]

    private static func finish(_ field: Context, _ hints: [String], _ path: String) -> ContextValue {
        var c = field
        for key in fieldKeys where c[key] == nil { c[key] = false }
        if !hints.isEmpty {
            // Hints from different sources read as sentences one after the other.
            c["hint"] = .string(hints.map { h in h.last.map { ".!?:".contains($0) } ?? true ? h : h + "." }.joined(separator: " "))
            c["hint_id"] = .string(path + "-hinweis")
        }
        c["described_by"] = .string(hints.isEmpty ? "" : path + "-hinweis")
        return .object(c)
    }

    private static func fileKind(_ mediaType: String) -> String {
        switch mediaType.lowercased() {
        case "application/pdf": return "PDF"
        case "image/jpeg": return "JPEG"
        case "image/png": return "PNG"
        case "image/tiff": return "TIFF"
        default: return mediaType
        }
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(max(1, bytes / 1_000)) kB"
    }
}
