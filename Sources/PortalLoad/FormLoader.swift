import Foundation
import PortalModel

/// Reads a service's `form:` definition and checks what the spec demands of fields.
package enum FormLoader {
    package static let formKeys = KeyChecker(what: "„form“", allowed: ["title", "fields"], required: ["fields"])
    package static let fieldKeys = KeyChecker(
        what: "einem Formularfeld",
        allowed: ["id", "label", "type", "required", "hint", "autocomplete", "pattern", "min", "max", "maxlength", "accept", "options"],
        required: ["id", "label", "type"]
    )
    package static let groupKeys = KeyChecker(what: "einer Feldgruppe", allowed: ["id", "label", "hint", "fields"], required: ["id", "label", "fields"])

    package static func load(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> Form? {
        guard let values = formKeys.check(node, into: &diagnostics) else { return nil }
        var title: String?
        if let t = values["title"], !t.isNull { title = t.string("title", into: &diagnostics) }
        guard let fieldsNode = values["fields"], let entries = fieldsNode.sequence("fields", into: &diagnostics) else { return nil }
        if entries.isEmpty { diagnostics.error(fieldsNode.location, "„fields“ ist leer: ein Formular braucht mindestens ein Feld") }
        var seenIDs: [String: SourceLocation] = [:]
        var items: [FormItem] = []
        for entry in entries {
            if case .mapping(let m) = entry.node, m.keys.contains(where: { $0.string == "fields" }) {
                if let group = loadGroup(entry, seen: &seenIDs, into: &diagnostics) { items.append(.group(group)) }
            } else if let field = loadField(entry, seen: &seenIDs, into: &diagnostics) {
                items.append(.field(field))
            }
        }
        return Form(title: title, items: items)
    }

    package static func loadGroup(_ node: YAMLNode, seen: inout [String: SourceLocation], into diagnostics: inout Diagnostics) -> FormGroup? {
        guard let values = groupKeys.check(node, into: &diagnostics) else { return nil }
        let id = checkID(values["id"], seen: &seen, into: &diagnostics)
        let label = values["label"]?.string("label", into: &diagnostics)
        let hint = values["hint"].flatMap { $0.isNull ? nil : $0.string("hint", into: &diagnostics) }
        var fields: [FormField] = []
        if let list = values["fields"]?.sequence("fields", into: &diagnostics) {
            if list.isEmpty { diagnostics.error(values["fields"]!.location, "die Feldgruppe „\(id ?? "")“ enthält keine Felder") }
            for entry in list {
                if case .mapping(let m) = entry.node, m.keys.contains(where: { $0.string == "fields" }) {
                    diagnostics.error(entry.location, "Feldgruppen dürfen nicht verschachtelt werden")
                    continue
                }
                if let f = loadField(entry, seen: &seen, into: &diagnostics) { fields.append(f) }
            }
        }
        guard let id, let label else { return nil }
        return FormGroup(id: id, label: label, hint: hint, fields: fields)
    }

    package static func checkID(_ node: YAMLNode?, seen: inout [String: SourceLocation], into diagnostics: inout Diagnostics) -> String? {
        guard let node, let id = node.string("id", into: &diagnostics) else { return nil }
        guard isValidFieldID(id) else {
            diagnostics.error(node.location, "Feld-ID „\(id)“ ist ungültig: erlaubt sind Kleinbuchstaben a–z, Ziffern, „-“ und „_“, beginnend mit einem Buchstaben")
            return nil
        }
        if let first = seen[id] {
            diagnostics.error(node.location, "Feld-ID „\(id)“ ist doppelt vergeben (zuerst in Zeile \(first.line))")
            return nil
        }
        seen[id] = node.location
        return id
    }

    package static func isValidFieldID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, (0x61...0x7A).contains(first.value), id.count <= 64 else { return false }
        return id.unicodeScalars.allSatisfy { (0x61...0x7A).contains($0.value) || (0x30...0x39).contains($0.value) || $0 == "-" || $0 == "_" }
    }

    package static func loadField(_ node: YAMLNode, seen: inout [String: SourceLocation], into diagnostics: inout Diagnostics) -> FormField? {
        guard let values = fieldKeys.check(node, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        let id = checkID(values["id"], seen: &seen, into: &diagnostics)
        let label = values["label"].flatMap { $0.isNull ? nil : $0.string("label", into: &diagnostics) }
        var kind: FormField.Kind?
        if let typeNode = values["type"], let raw = typeNode.string("type", into: &diagnostics) {
            kind = FormField.Kind(rawValue: raw)
            if kind == nil {
                let names = FormField.Kind.allCases.map(\.rawValue)
                diagnostics.error(typeNode.location, "unbekannter Feldtyp „\(raw)“ (erlaubt: \(names.joined(separator: ", ")))\(Suggestion.hint(for: raw, in: names))")
            }
        }
        func optionalText(_ key: String) -> String? {
            guard let n = values[key], !n.isNull else { return nil }
            return n.string(key, into: &diagnostics)
        }
        let required = values["required"].flatMap { $0.isNull ? nil : $0.bool("required", into: &diagnostics) } ?? false
        var maxlength: Int?
        if let n = values["maxlength"], let raw = n.string("maxlength", into: &diagnostics) {
            maxlength = Int(raw)
            if maxlength == nil || maxlength! < 1 { diagnostics.error(n.location, "„maxlength“ muss eine positive ganze Zahl sein, nicht „\(raw)“") }
        }
        var options: [String] = []
        if let n = values["options"], !n.isNull {
            options = n.stringList("options", into: &diagnostics) ?? []
            if let kind, ![.select, .radio, .checkboxes].contains(kind) {
                diagnostics.error(n.location, "„options“ gilt nur für die Feldtypen select, radio und checkboxes, nicht für „\(kind.rawValue)“")
            }
            if Set(options).count != options.count { diagnostics.error(n.location, "„options“ enthält einen Eintrag doppelt") }
        }
        if let kind, [.select, .radio, .checkboxes].contains(kind), options.isEmpty {
            diagnostics.error(values["options"]?.location ?? node.location, "ein Feld vom Typ „\(kind.rawValue)“ braucht „options“ mit mindestens einer Auswahl")
        }
        let pattern = optionalText("pattern")
        if let pattern, let n = values["pattern"], (try? NSRegularExpression(pattern: "^(?:\(pattern))$")) == nil {
            diagnostics.error(n.location, "„pattern“ ist kein gültiger regulärer Ausdruck: „\(pattern)“")
        }
        let field = FormField(
            id: id ?? "", label: label ?? "", kind: kind ?? .text, required: required, hint: optionalText("hint"),
            autocomplete: optionalText("autocomplete"), pattern: pattern, min: optionalText("min"), max: optionalText("max"),
            maxlength: maxlength, accept: optionalText("accept"), options: options
        )
        return diagnostics.errors.count == before && id != nil && kind != nil ? field : nil
    }
}
