import Foundation
import PortalModel

/// The form stub for a service without its own `form:`: who applies, how to reach them, what
/// they ask for, the documents the service lists, and consent.
package enum DefaultForm {
    /// The form's words in one language; the German ones are the built-in theme's `form_default_*`.
    package struct Texts: Sendable {
        package var person, firstName, lastName, birthDate, birthDateHint, address, street, postalCode, place: String
        package var contact, contactHint, email, phone, concern, concernHint, documents, documentsHint, consent: String

        package static let german = Texts(
            person: "Angaben zur Person", firstName: "Vorname", lastName: "Nachname", birthDate: "Geburtsdatum", birthDateHint: "Zum Beispiel 27 3 1990",
            address: "Anschrift", street: "Straße und Hausnummer", postalCode: "Postleitzahl", place: "Ort",
            contact: "Kontakt", contactHint: "Die Behörde meldet sich bei Rückfragen auf diesem Weg.", email: "E-Mail-Adresse", phone: "Telefonnummer",
            concern: "Ihr Anliegen", concernHint: "Beschreiben Sie kurz, was Sie beantragen möchten.",
            documents: "Unterlagen", documentsHint: "Sie können die Unterlagen auch später nachreichen.",
            consent: "Ich bin damit einverstanden, dass meine Angaben zur Bearbeitung dieses Antrags verarbeitet werden.")

        /// From a text table by the keys `form_default_<name>` (snake case).
        package init(_ text: (String) -> String) {
            self.init(person: text("person"), firstName: text("first_name"), lastName: text("last_name"), birthDate: text("birth_date"),
                      birthDateHint: text("birth_date_hint"), address: text("address"), street: text("street"), postalCode: text("postal_code"),
                      place: text("place"), contact: text("contact"), contactHint: text("contact_hint"), email: text("email"), phone: text("phone"),
                      concern: text("concern"), concernHint: text("concern_hint"), documents: text("documents"), documentsHint: text("documents_hint"),
                      consent: text("consent"))
        }

        package init(person: String, firstName: String, lastName: String, birthDate: String, birthDateHint: String, address: String, street: String,
                     postalCode: String, place: String, contact: String, contactHint: String, email: String, phone: String, concern: String,
                     concernHint: String, documents: String, documentsHint: String, consent: String) {
            self.person = person; self.firstName = firstName; self.lastName = lastName; self.birthDate = birthDate; self.birthDateHint = birthDateHint
            self.address = address; self.street = street; self.postalCode = postalCode; self.place = place
            self.contact = contact; self.contactHint = contactHint; self.email = email; self.phone = phone
            self.concern = concern; self.concernHint = concernHint; self.documents = documents; self.documentsHint = documentsHint; self.consent = consent
        }
    }

    package static func make(for service: Service) -> Form {
        make(title: "Antrag: \(service.title)", documents: requiredDocuments(in: service.sections, heading: "Erforderliche Unterlagen"), texts: .german)
    }

    /// The stub in the language of `texts`, asking for `documents` as uploads.
    package static func make(title: String, documents: [String], texts t: Texts) -> Form {
        var items: [FormItem] = [
            .group(FormGroup(id: "antragsteller", label: t.person, hint: nil, fields: [
                field("vorname", t.firstName, .text, required: true, autocomplete: "given-name"),
                field("nachname", t.lastName, .text, required: true, autocomplete: "family-name"),
                field("geburtsdatum", t.birthDate, .date, required: true, hint: t.birthDateHint, autocomplete: "bday"),
            ])),
            .group(FormGroup(id: "anschrift", label: t.address, hint: nil, fields: [
                field("strasse", t.street, .text, required: true, autocomplete: "address-line1"),
                field("plz", t.postalCode, .text, required: true, autocomplete: "postal-code", pattern: "[0-9]{5}"),
                field("ort", t.place, .text, required: true, autocomplete: "address-level2"),
            ])),
            .group(FormGroup(id: "kontakt", label: t.contact, hint: t.contactHint, fields: [
                field("email", t.email, .email, required: true, autocomplete: "email"),
                field("telefon", t.phone, .tel, required: false, autocomplete: "tel"),
            ])),
            .field(field("anliegen", t.concern, .textarea, required: true, hint: t.concernHint)),
        ]
        if !documents.isEmpty {
            items.append(.group(FormGroup(
                id: "unterlagen", label: t.documents, hint: t.documentsHint,
                fields: documents.enumerated().map { i, name in
                    var f = field("unterlage-\(i + 1)", name, .file, required: false)
                    f.accept = "application/pdf,image/jpeg,image/png"
                    return f
                }
            )))
        }
        items.append(.field(field("einwilligung", t.consent, .checkbox, required: true)))
        return Form(title: title, items: items)
    }

    package static func field(_ id: String, _ label: String, _ kind: FormField.Kind, required: Bool, hint: String? = nil,
                      autocomplete: String? = nil, pattern: String? = nil) -> FormField {
        FormField(id: id, label: label, kind: kind, required: required, hint: hint, autocomplete: autocomplete, pattern: pattern,
                  min: nil, max: nil, maxlength: nil, accept: nil, options: [])
    }

    /// The items of the section headed `heading` ("Erforderliche Unterlagen"), one per list line;
    /// at most 10.
    package static func requiredDocuments(in sections: [Section], heading: String) -> [String] {
        guard let section = sections.first(where: { $0.title == heading }) else { return [] }
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
