import PortalModel
import PortalSupport

/// Turns form fields into template data following the GOV.UK / KERN patterns: a visible label
/// per control, hints tied by `aria-describedby`, fieldsets for groups, radios, checkboxes and
/// dates, the date as Tag/Monat/Jahr, "(optional)" in words.
package enum FormView {
    /// The words the view adds itself, in the page's language.
    package struct Texts: Sendable {
        package var day, month, year: String
        package static let german = Texts(day: "Tag", month: "Monat", year: "Jahr")

        package init(day: String, month: String, year: String) {
            self.day = day
            self.month = month
            self.year = year
        }
    }

    package static func items(_ form: Form, texts: Texts = .german) -> ContextValue {
        .list(form.items.map { item -> ContextValue in
            switch item {
            case .field(let f): return field(f, texts: texts)
            case .group(let g):
                var group: [String: ContextValue] = ["is_group": true, "id": .string(g.id), "label": .string(g.label), "fields": .list(g.fields.map { field($0, texts: texts) })]
                if let hint = g.hint { group["hint"] = .string(hint); group["hint_id"] = "\(g.id)-hinweis" }
                if let language = g.labelLanguage { group["label_lang"] = .string(language) }
                if let language = g.hintLanguage { group["hint_lang"] = .string(language) }
                return .object(group)
            }
        })
    }

    package static func field(_ f: FormField, texts: Texts = .german) -> ContextValue {
        var c: [String: ContextValue] = [
            "is_field": true, "id": .string(f.id), "name": .string(f.id), "label": .string(f.label), "kind": .string(f.kind.rawValue),
            "required": .bool(f.required), "optional": .bool(!f.required), "error_id": "\(f.id)-fehler",
        ]
        var describedBy: [String] = []
        if let hint = f.hint { c["hint"] = .string(hint); c["hint_id"] = "\(f.id)-hinweis"; describedBy.append("\(f.id)-hinweis") }
        c["described_by"] = .string(describedBy.joined(separator: " "))
        if let language = f.labelLanguage { c["label_lang"] = .string(language) }
        if let language = f.hintLanguage { c["hint_lang"] = .string(language) }
        if let v = f.autocomplete { c["autocomplete"] = .string(v) }
        if let v = f.pattern { c["pattern"] = .string(v) }
        if let v = f.min { c["min"] = .string(v) }
        if let v = f.max { c["max"] = .string(v) }
        if let v = f.maxlength { c["maxlength"] = .int(v) }
        if let v = f.accept { c["accept"] = .string(v) }
        switch f.kind {
        case .text, .email, .tel, .number:
            c["is_input"] = true
            // Numbers as text with a numeric keyboard: type=number mangles IDs and rejects commas.
            c["input_type"] = .string(f.kind == .number ? "text" : f.kind.rawValue)
            if f.kind == .number || f.pattern == "[0-9]{5}" { c["inputmode"] = "numeric" }
            if f.kind == .email, f.autocomplete == nil { c["autocomplete"] = "email" }
            if f.kind == .tel, f.autocomplete == nil { c["autocomplete"] = "tel" }
        case .textarea: c["is_textarea"] = true
        case .select:
            c["is_select"] = true
            c["options"] = .list(f.options.enumerated().map { i, o in ["value": .string(o), "label": .string(f.optionLabels?[i] ?? o), "id": "\(f.id)-\(i + 1)"] })
        case .radio, .checkboxes:
            c[f.kind == .radio ? "is_radio" : "is_checkboxes"] = true
            c["options"] = .list(f.options.enumerated().map { i, o in
                ["value": .string(o), "label": .string(f.optionLabels?[i] ?? o), "id": .string(i == 0 ? f.id : "\(f.id)-\(i + 1)")]
            })
        case .checkbox: c["is_checkbox"] = true
        case .file: c["is_file"] = true
        case .date:
            c["is_date"] = true
            let birthday = f.autocomplete == "bday"
            c["parts"] = .list([("tag", texts.day, "bday-day", 2), ("monat", texts.month, "bday-month", 2), ("jahr", texts.year, "bday-year", 4)]
                .enumerated().map { i, part -> ContextValue in
                    var p: [String: ContextValue] = ["name": "\(f.id)-\(part.0)", "id": .string(i == 0 ? f.id : "\(f.id)-\(part.0)"),
                                                     "label": .string(part.1), "width": .int(part.3)]
                    if birthday { p["autocomplete"] = .string(part.2) }
                    return .object(p)
                })
        }
        return .object(c)
    }

    package static func hasFiles(_ form: Form) -> Bool { form.allFields.contains { $0.kind == .file } }
}
