import Foundation
import PortalModel

/// The form stub for a service without its own `form:`: who applies, how to reach them, what
/// they ask for, the documents the service lists, and consent.
package enum DefaultForm {
    package static func make(for service: Service) -> Form {
        var items: [FormItem] = [
            .group(FormGroup(id: "antragsteller", label: "Angaben zur Person", hint: nil, fields: [
                field("vorname", "Vorname", .text, required: true, autocomplete: "given-name"),
                field("nachname", "Nachname", .text, required: true, autocomplete: "family-name"),
                field("geburtsdatum", "Geburtsdatum", .date, required: true, hint: "Zum Beispiel 27 3 1990", autocomplete: "bday"),
            ])),
            .group(FormGroup(id: "anschrift", label: "Anschrift", hint: nil, fields: [
                field("strasse", "Straße und Hausnummer", .text, required: true, autocomplete: "address-line1"),
                field("plz", "Postleitzahl", .text, required: true, autocomplete: "postal-code", pattern: "[0-9]{5}"),
                field("ort", "Ort", .text, required: true, autocomplete: "address-level2"),
            ])),
            .group(FormGroup(id: "kontakt", label: "Kontakt", hint: "Die Behörde meldet sich bei Rückfragen auf diesem Weg.", fields: [
                field("email", "E-Mail-Adresse", .email, required: true, autocomplete: "email"),
                field("telefon", "Telefonnummer", .tel, required: false, autocomplete: "tel"),
            ])),
            .field(field("anliegen", "Ihr Anliegen", .textarea, required: true, hint: "Beschreiben Sie kurz, was Sie beantragen möchten.")),
        ]
        let documents = requiredDocuments(of: service)
        if !documents.isEmpty {
            items.append(.group(FormGroup(
                id: "unterlagen", label: "Unterlagen", hint: "Sie können die Unterlagen auch später nachreichen.",
                fields: documents.enumerated().map { i, name in
                    var f = field("unterlage-\(i + 1)", name, .file, required: false)
                    f.accept = "application/pdf,image/jpeg,image/png"
                    return f
                }
            )))
        }
        items.append(.field(field("einwilligung", "Ich bin damit einverstanden, dass meine Angaben zur Bearbeitung dieses Antrags verarbeitet werden.", .checkbox, required: true)))
        return Form(title: "Antrag: \(service.title)", items: items)
    }

    package static func field(_ id: String, _ label: String, _ kind: FormField.Kind, required: Bool, hint: String? = nil,
                      autocomplete: String? = nil, pattern: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: kind, required: required, hint: hint, autocomplete: autocomplete, pattern: pattern,
                  min: nil, max: nil, maxlength: nil, accept: nil, options: [])
    }

    /// The items of the "Erforderliche Unterlagen" section, one per list line; at most 10.
    package static func requiredDocuments(of service: Service) -> [String] {
        guard let section = service.sections.first(where: { $0.title == "Erforderliche Unterlagen" }) else { return [] }
        var items: [String] = []
        for raw in section.text.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("- ") || line.hasPrefix("* ") || line.first?.isNumber == true else { continue }
            if let dot = line.firstIndex(where: { $0 == "." || $0 == ")" }), line.first?.isNumber == true {
                line = String(line[line.index(after: dot)...])
            } else {
                line = String(line.dropFirst(2))
            }
            line = line.trimmingCharacters(in: .whitespaces)
            // A checklist item (`- [ ] Ausweis`): the upload is named by the document, not the box.
            for box in ["[ ] ", "[x] ", "[X] "] where line.hasPrefix(box) { line = String(line.dropFirst(box.count)) }
            if !line.isEmpty, !items.contains(line) { items.append(String(line.prefix(200))) }
        }
        return Array(items.prefix(10))
    }
}
