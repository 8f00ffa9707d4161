import Foundation
import PortalModel

/// Reads one FIM Stammdatenschema (XDatenfelder 3.0.0) into a `FormSchema`: the structure in its
/// order, each element with what shapes a form. Every problem is reported with the line and
/// column the XML parser gave for the element.
package struct XDFSchemaLoader {
    package static let namespace = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0"
    package static let rootName = "xdatenfelder.stammdatenschema.0102"
    /// Groups inside groups, at most (documented): deeper structures are refused, not cut.
    package static let maxGroupDepth = 12
    /// Elements of XDF 3 that shape no form (relations between elements, descriptions for
    /// modellers, release metadata): parsed, checked for well-formedness, not kept.
    static let unread: Set<String> = ["relation", "beschreibung", "definition", "bezeichnungAusgabe", "hilfetextAusgabe", "versionshinweis",
                                      "freigabestatus", "statusGesetztAm", "statusGesetztDurch", "veroeffentlichungsdatum", "letzteAenderung",
                                      "stichwort", "schemaelementart", "fachlicherErsteller", "ableitungsmodifikationenStruktur",
                                      "ableitungsmodifikationenRepraesentation", "dokumentsteckbrief", "header"]

    let map: XMLSourceMap
    let relativePath: String
    let codeLists: CodeLists
    /// Every element defined in the file (with more than its `identifikation`), by id: what a
    /// reference (an element with only its `identifikation`) points at. Collected at the first
    /// reference (real exports define everything in place and have none).
    private let definitions: Definitions

    final class Definitions {
        let root: XMLTreeElement
        private var byID: [String: XMLTreeElement]?
        init(_ root: XMLTreeElement) { self.root = root }

        subscript(id: String) -> XMLTreeElement? {
            if byID == nil {
                var found: [String: XMLTreeElement] = [:]
                func collect(_ e: XMLTreeElement) {
                    for child in e.children {
                        if child.name == "datenfeld" || child.name == "datenfeldgruppe", child.children.contains(where: { $0.name != "identifikation" }),
                           let id = child.first("identifikation")?.value("id"), found[id] == nil {
                            found[id] = child
                        }
                        collect(child)
                    }
                }
                collect(root)
                byID = found
            }
            return byID?[id]
        }
    }

    /// - Parameters: `path` as shown in messages; `relativePath` as the service names it.
    package static func load(_ data: Data, path: String, relativePath: String, codeLists: CodeLists,
                             into diagnostics: inout Diagnostics) -> FormSchema? {
        guard let (root, map) = XMLTree.parse(data, path: path, skipping: Self.unread, into: &diagnostics) else { return nil }
        let loader = XDFSchemaLoader(map: map, relativePath: relativePath, codeLists: codeLists, definitions: Definitions(root))
        return loader.read(root, into: &diagnostics)
    }

    private func at(_ e: XMLTreeElement) -> SourceLocation { map.location(e) }

    private func read(_ root: XMLTreeElement, into diagnostics: inout Diagnostics) -> FormSchema? {
        guard root.namespace == Self.namespace, root.name == Self.rootName else {
            if root.namespace.hasPrefix("urn:xoev-de:fim:standard:xdatenfelder_2") {
                diagnostics.error(at(root), "XDatenfelder 2 wird nicht unterstützt (Namensraum \(root.namespace)): erwartet wird ein Stammdatenschema in XDatenfelder 3.0.0; das FIM-Portal bietet Schemata auch in dieser Fassung an")
            } else {
                diagnostics.error(at(root), "kein FIM-Stammdatenschema: Wurzelelement „\(root.name)“ im Namensraum „\(root.namespace)“, erwartet „\(Self.rootName)“ im Namensraum \(Self.namespace)")
            }
            return nil
        }
        guard let schema = root.first("stammdatenschema") else {
            diagnostics.error(at(root), "das Element „stammdatenschema“ fehlt")
            return nil
        }
        let before = diagnostics.errors.count
        let id = schema.first("identifikation")?.value("id") ?? ""
        if id.isEmpty { diagnostics.error(at(schema), "das Stammdatenschema hat keine „identifikation/id“") }
        let items = structure(of: schema, groups: [], into: &diagnostics)
        guard diagnostics.errors.count == before else { return nil }
        return FormSchema(id: id, version: schema.first("identifikation")?.value("version") ?? "", name: schema.value("name") ?? id,
                          path: relativePath, legalBasis: legalBasis(schema), rules: rules(of: schema), items: items)
    }

    /// The `struktur` entries of a schema or group. `groups` is the path of groups above, to
    /// find a group that contains itself.
    private func structure(of parent: XMLTreeElement, groups: [String], into diagnostics: inout Diagnostics) -> [SchemaItem] {
        var items: [SchemaItem] = []
        for entry in parent.all("struktur") {
            guard let occurs = occurrence(entry, into: &diagnostics) else { continue }
            guard let content = entry.first("enthaelt"), let element = content.children.first(where: { $0.name == "datenfeld" || $0.name == "datenfeldgruppe" }) else {
                diagnostics.error(at(entry), "„struktur“ ohne „enthaelt“ mit einem Datenfeld oder einer Datenfeldgruppe")
                continue
            }
            guard let definition = resolve(element, into: &diagnostics) else { continue }
            let id = definition.first("identifikation")?.value("id") ?? ""
            if definition.name == "datenfeldgruppe" {
                if groups.contains(id) {
                    diagnostics.error(at(element), "Zyklus in der Struktur: die Datenfeldgruppe \(id) enthält sich selbst (\((groups + [id]).joined(separator: " → ")))")
                    continue
                }
                if groups.count >= Self.maxGroupDepth {
                    diagnostics.error(at(element), "Datenfeldgruppen sind zu tief verschachtelt (mehr als \(Self.maxGroupDepth) Ebenen)")
                    continue
                }
                let group = SchemaGroup(id: id, label: label(definition), hint: definition.value("hilfetextEingabe"), rules: rules(of: definition),
                                        items: structure(of: definition, groups: groups + [id], into: &diagnostics))
                items.append(SchemaItem(element: .group(group), occurs: occurs, legalBasis: legalBasis(entry)))
            } else if let field = field(definition, id: id, into: &diagnostics) {
                items.append(SchemaItem(element: .field(field), occurs: occurs, legalBasis: legalBasis(entry)))
            }
        }
        return items
    }

    /// An element with only its `identifikation` refers to one defined elsewhere in the file.
    private func resolve(_ element: XMLTreeElement, into diagnostics: inout Diagnostics) -> XMLTreeElement? {
        guard let id = element.first("identifikation")?.value("id") else {
            diagnostics.error(at(element), "„\(element.name)“ ohne „identifikation/id“")
            return nil
        }
        if element.children.contains(where: { $0.name != "identifikation" }) { return element }
        guard let definition = definitions[id], definition.name == element.name else {
            diagnostics.error(at(element), "\(element.name == "datenfeld" ? "Datenfeld" : "Datenfeldgruppe") \(id) wird verwendet, ist aber in der Datei nicht definiert")
            return nil
        }
        return definition
    }

    private func occurrence(_ entry: XMLTreeElement, into diagnostics: inout Diagnostics) -> Occurrence? {
        let text = entry.value("anzahl") ?? ""
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, let min = Int(parts[0]), min >= 0 {
            if parts[1] == "*" { return Occurrence(min: min, max: nil) }
            if let max = Int(parts[1]), max >= min, max >= 1 { return Occurrence(min: min, max: max) }
        }
        diagnostics.error(at(entry.first("anzahl") ?? entry), "„anzahl“ muss „min:max“ sein (z. B. „0:1“, „1:*“, „2:5“), nicht „\(text)“")
        return nil
    }

    private func label(_ e: XMLTreeElement) -> String {
        e.value("bezeichnungEingabe") ?? e.value("name") ?? e.first("identifikation")?.value("id") ?? ""
    }

    private func field(_ e: XMLTreeElement, id: String, into diagnostics: inout Diagnostics) -> SchemaField? {
        let kindCode = e.first("feldart")?.value("code") ?? ""
        let typeCode = e.first("datentyp")?.value("code") ?? ""
        guard let kind = SchemaField.Kind(rawValue: kindCode) else {
            diagnostics.error(at(e.first("feldart") ?? e), kindCode.isEmpty ? "Datenfeld \(id) ohne „feldart“"
                : "Datenfeld \(id): unbekannte Feldart „\(kindCode)“ (bekannt: \(SchemaField.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let dataType = SchemaField.DataType(rawValue: typeCode) else {
            diagnostics.error(at(e.first("datentyp") ?? e), typeCode.isEmpty ? "Datenfeld \(id) ohne „datentyp“"
                : "Datenfeld \(id): unbekannter Datentyp „\(typeCode)“ (bekannt: \(SchemaField.DataType.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        var f = SchemaField(id: id, label: label(e), hint: e.value("hilfetextEingabe"), kind: kind, dataType: dataType)
        if let p = e.first("praezisierung") {
            f.minLength = p.attributes["minLength"].flatMap { Int($0) }
            f.maxLength = p.attributes["maxLength"].flatMap { Int($0) }
            f.minValue = p.attributes["minValue"]
            f.maxValue = p.attributes["maxValue"]
            f.pattern = p.attributes["pattern"].flatMap { $0.isEmpty ? nil : $0 }
        }
        f.content = e.value("inhalt")
        f.rules = rules(of: e)
        if let prefill = e.first("vorbefuellung")?.value("code"), prefill != "keine" { f.prefill = prefill }
        f.mediaTypes = e.all("mediaType").compactMap { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        f.maxSize = e.value("maxSize").flatMap { Int($0) }
        f.values = (e.first("werte")?.all("wert") ?? []).compactMap { w in
            guard let code = w.value("code") else { return nil }
            return CodeValue(code: code, name: w.value("name") ?? code, help: w.value("hilfe"))
        }
        if let reference = e.first("codelisteReferenz"), f.values.isEmpty {
            guard let list = reference.value("canonicalIdentification") else {
                diagnostics.error(at(reference), "Datenfeld \(id): „codelisteReferenz“ ohne „canonicalIdentification“")
                return nil
            }
            let resolved = codeLists.resolve(list: list, version: reference.value("version"))
            f.codeList = resolved.use
            f.values = resolved.values
            if !resolved.use.isResolved {
                diagnostics.warning(at(reference), "Codeliste „\(list)“\(reference.value("version").map { " (Version \($0))" } ?? "") fehlt in forms/codelists/: das Feld „\(f.label)“ fragt den Wert als Text ab")
            }
        }
        if kind == .select, f.values.isEmpty, f.codeList == nil {
            diagnostics.error(at(e), "Datenfeld \(id) „\(f.label)“ ist eine Auswahl (select) ohne Werte und ohne Codeliste")
            return nil
        }
        if let pattern = f.pattern, (try? NSRegularExpression(pattern: "^(?:\(pattern))$")) == nil {
            // Real schemas come from many editors: a broken pattern loses its check, not the form.
            diagnostics.warning(at(e.first("praezisierung") ?? e), "Datenfeld \(id): das Muster (pattern) „\(pattern)“ ist kein gültiger regulärer Ausdruck und wird nicht geprüft")
            f.pattern = nil
        }
        return f
    }

    private func legalBasis(_ e: XMLTreeElement) -> [LegalReference] {
        e.all("bezug").compactMap { b in
            let text = b.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return nil }
            let link = b.attributes["link"].flatMap { Validators.isAbsoluteHTTPURL($0) ? $0 : nil }
            return LegalReference(text: text, link: link)
        }
    }

    private func rules(of e: XMLTreeElement) -> [FormRule] {
        e.all("regel").map { r in
            let id = r.first("identifikation")?.value("id") ?? ""
            let text = FormRuleText.readable(r.value("freitextRegel") ?? "")
            let (shown, reason) = FormRuleText.decide(text)
            return FormRule(id: id, name: r.value("name") ?? id, text: text, shown: shown, reason: reason)
        }
    }
}
