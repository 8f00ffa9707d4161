import Foundation
import PortalModel

/// Reads one `authorities/<id>.yml`.
package enum AuthorityLoader {
    package static let keys = KeyChecker(
        what: "der Behörde",
        allowed: ["name", "address", "phone", "email", "website", "opening_hours", "accessibility"],
        required: ["name", "address"]
    )
    package static let addressKeys = KeyChecker(what: "„address“", allowed: ["street", "postal_code", "city"], required: ["street", "postal_code", "city"])

    package static func load(_ file: SourceFile, id: String, into diagnostics: inout Diagnostics) -> Authority? {
        guard let root = YAMLDocument.parse(file.text, path: file.path, firstLine: 1, into: &diagnostics),
              let values = keys.check(root, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        func text(_ key: String, in dict: [String: YAMLNode]) -> String? {
            guard let n = dict[key], !n.isNull else { return nil }
            return n.string(key, into: &diagnostics)?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        /// A required value: present (checked by the key checker) and not empty or null.
        func filled(_ key: String, in dict: [String: YAMLNode]) -> String {
            let value = text(key, in: dict) ?? ""
            if value.isEmpty, let n = dict[key] { diagnostics.error(n.location, "„\(key)“ ist leer") }
            return value
        }
        let name = filled("name", in: values)
        var address = Authority.Address(street: "", postalCode: "", city: "")
        if let node = values["address"], !node.isNull, let a = addressKeys.check(node, into: &diagnostics) {
            address = Authority.Address(street: filled("street", in: a), postalCode: filled("postal_code", in: a), city: filled("city", in: a))
            if let n = a["postal_code"], !address.postalCode.isEmpty, !Validators.isDigits(address.postalCode, count: 5) {
                diagnostics.error(n.location, "„postal_code“ muss eine fünfstellige Postleitzahl sein, nicht „\(address.postalCode)“")
            }
        }
        let email = text("email", in: values)
        if let email, let n = values["email"], !Validators.isEmail(email) {
            diagnostics.error(n.location, "„email“ ist keine gültige E-Mail-Adresse: „\(email)“")
        }
        let website = text("website", in: values)
        if let website, let n = values["website"], !Validators.isAbsoluteHTTPURL(website) {
            diagnostics.error(n.location, "„website“ muss eine vollständige http(s)-Adresse sein, nicht „\(website)“")
        }
        var hours: [String] = []
        if let n = values["opening_hours"], !n.isNull { hours = n.stringList("opening_hours", into: &diagnostics) ?? [] }
        guard diagnostics.errors.count == before else { return nil }
        return Authority(id: id, name: name, address: address, phone: text("phone", in: values),
                         email: email, website: website, openingHours: hours,
                         accessibility: text("accessibility", in: values), sourcePath: file.path)
    }
}
