import Foundation
import PortalModel

/// The genericode code lists in `forms/codelists/`, matched to a schema's `codelisteReferenz`:
/// - a file matches when its `Identification/CanonicalUri` is the reference's
///   `canonicalIdentification`;
/// - of several matching files, the one whose `Version` the reference names, otherwise the
///   highest version; `portal check --verbose` names every such substitution, and a `<select>`
///   carries the list and version used in `data-codelist` (never silently another list);
/// - the value is the key column (`ColumnSet/Key/ColumnRef`); the label is, among the columns
///   other than the key that have a text in every row, in this order: the one named like the
///   list (`…:staatsangehoerigkeit` → `Staatsangehoerigkeit`), the first (in `ColumnSet` order)
///   whose id contains "name", then "bezeichnung", then the first of them; else the key itself.
package struct CodeLists: Sendable {
    package struct List: Sendable {
        package var file: String
        package var canonicalURI: String
        package var version: String
        package var name: String
        package var values: [CodeValue]
    }

    package var lists: [String: [List]] = [:]

    package init(_ lists: [List] = []) {
        for list in lists { self.lists[list.canonicalURI, default: []].append(list) }
    }

    package func resolve(list: String, version: String?) -> (use: CodeListUse, values: [CodeValue]) {
        let candidates = lists[list] ?? []
        guard let chosen = candidates.first(where: { $0.version == version })
                ?? candidates.max(by: { $0.version.compare($1.version, options: .numeric) == .orderedAscending }) else {
            return (CodeListUse(list: list, wantedVersion: version), [])
        }
        return (CodeListUse(list: list, wantedVersion: version, file: chosen.file, listName: chosen.name, usedVersion: chosen.version), chosen.values)
    }

    /// Reads one genericode file; nil with the problem in `diagnostics`.
    package static func read(_ data: Data, path: String, relativePath: String, into diagnostics: inout Diagnostics) -> List? {
        guard let (root, map) = XMLTree.parse(data, path: path, into: &diagnostics) else { return nil }
        func at(_ e: XMLTreeElement) -> SourceLocation { map.location(e) }
        guard root.name == "CodeList", let identification = root.first("Identification"),
              let uri = identification.value("CanonicalUri") else {
            diagnostics.error(at(root), "keine genericode-Codeliste: erwartet „CodeList“ mit „Identification/CanonicalUri“")
            return nil
        }
        guard let columnSet = root.first("ColumnSet"), let rows = root.first("SimpleCodeList")?.all("Row") else {
            diagnostics.error(at(root), "Codeliste ohne „ColumnSet“ oder „SimpleCodeList“")
            return nil
        }
        let columns = columnSet.all("Column").compactMap { $0.attributes["Id"] }
        guard let key = columnSet.first("Key")?.first("ColumnRef")?.attributes["Ref"] ?? columns.first else {
            diagnostics.error(at(columnSet), "Codeliste ohne Spalten")
            return nil
        }
        let table: [[String: String]] = rows.map { row in
            var cells: [String: String] = [:]
            for value in row.all("Value") {
                if let column = value.attributes["ColumnRef"], let text = value.value("SimpleValue") { cells[column] = text }
            }
            return cells
        }
        let complete = columns.filter { c in c != key && table.allSatisfy { $0[c] != nil } }
        let listWord = String(uri.split(separator: ":").last ?? "").lowercased()
        let label = complete.first { $0.lowercased() == listWord }
            ?? complete.first { $0.lowercased().contains("name") }
            ?? complete.first { $0.lowercased().contains("bezeichnung") }
            ?? complete.first
            ?? key
        var values: [CodeValue] = []
        for (cells, row) in zip(table, rows) {
            guard let code = cells[key] else {
                diagnostics.error(at(row), "Zeile ohne Wert in der Schlüsselspalte „\(key)“")
                return nil
            }
            values.append(CodeValue(code: code, name: cells[label] ?? code))
        }
        return List(file: relativePath, canonicalURI: uri, version: identification.value("Version") ?? "",
                    name: identification.value("LongName") ?? identification.value("ShortName") ?? uri, values: values)
    }
}
