import PortalModel

/// Turns form fields into template data following the GOV.UK / KERN patterns: a visible label
/// per control, hints tied by `aria-describedby`, fieldsets for groups, radios, checkboxes and
/// dates, the date as Tag/Monat/Jahr, "(optional)" in words.
package enum FormView {
    package static func items(_ form: Form) -> [[String: Any]] {
        form.items.map { item -> [String: Any] in
            switch item {
            case .field(let f): return field(f)
            case .group(let g):
                var group: [String: Any] = ["is_group": true, "id": g.id, "label": g.label, "fields": g.fields.map(field)]
                if let hint = g.hint { group["hint"] = hint; group["hint_id"] = "\(g.id)-hinweis" }
                return group
            }
        }
    }

    package static func field(_ f: FormField) -> [String: Any] {
        var c: [String: Any] = [
            "is_field": true, "id": f.id, "name": f.id, "label": f.label, "kind": f.kind.rawValue,
            "required": f.required, "optional": !f.required, "error_id": "\(f.id)-fehler",
        ]
        var describedBy: [String] = []
        if let hint = f.hint { c["hint"] = hint; c["hint_id"] = "\(f.id)-hinweis"; describedBy.append("\(f.id)-hinweis") }
        c["described_by"] = describedBy.joined(separator: " ")
        if let v = f.autocomplete { c["autocomplete"] = v }
        if let v = f.pattern { c["pattern"] = v }
        if let v = f.min { c["min"] = v }
        if let v = f.max { c["max"] = v }
        if let v = f.maxlength { c["maxlength"] = v }
        if let v = f.accept { c["accept"] = v }
        switch f.kind {
        case .text, .email, .tel, .number:
            c["is_input"] = true
            // Numbers as text with a numeric keyboard: type=number mangles IDs and rejects commas.
            c["input_type"] = f.kind == .number ? "text" : f.kind.rawValue
            if f.kind == .number || f.pattern == "[0-9]{5}" { c["inputmode"] = "numeric" }
            if f.kind == .email, f.autocomplete == nil { c["autocomplete"] = "email" }
            if f.kind == .tel, f.autocomplete == nil { c["autocomplete"] = "tel" }
        case .textarea: c["is_textarea"] = true
        case .select:
            c["is_select"] = true
            c["options"] = f.options.enumerated().map { i, o in ["value": o, "label": o, "id": "\(f.id)-\(i + 1)"] }
        case .radio, .checkboxes:
            c[f.kind == .radio ? "is_radio" : "is_checkboxes"] = true
            c["options"] = f.options.enumerated().map { i, o in ["value": o, "label": o, "id": i == 0 ? f.id : "\(f.id)-\(i + 1)"] }
        case .checkbox: c["is_checkbox"] = true
        case .file: c["is_file"] = true
        case .date:
            c["is_date"] = true
            let birthday = f.autocomplete == "bday"
            c["parts"] = [("tag", "Tag", "bday-day", 2), ("monat", "Monat", "bday-month", 2), ("jahr", "Jahr", "bday-year", 4)]
                .enumerated().map { i, part -> [String: Any] in
                    var p: [String: Any] = ["name": "\(f.id)-\(part.0)", "id": i == 0 ? f.id : "\(f.id)-\(part.0)", "label": part.1, "width": part.3]
                    if birthday { p["autocomplete"] = part.2 }
                    return p
                }
        }
        return c
    }

    package static func hasFiles(_ form: Form) -> Bool { form.allFields.contains { $0.kind == .file } }
}
