import Foundation
import PortalModel
import PortalSupport

/// Reads `regions.csv` and checks the AGS structure.
package enum RegionsLoader {
    package static func load(_ file: SourceFile, state: String?, memo: ParseMemo? = nil, into diagnostics: inout Diagnostics) -> [Region]? {
        guard let table = CSVTable.parse(file, header: ["ags", "name", "postal_codes"], memo: memo, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        var regions: [Region] = []
        var lineOf: [String: Int] = [:]
        var outside: Set<String> = []
        for row in table.rows {
            let (ags, name, codes) = (row.fields[0], row.fields[1], row.fields[2])
            let at = SourceLocation(path: file.path, line: row.line)
            guard Validators.isDigits(ags), [2, 5, 8].contains(ags.count) else {
                diagnostics.error(at, "„\(ags)“ ist kein Gemeindeschlüssel: erwartet werden 2 (Land), 5 (Kreis) oder 8 Ziffern (Gemeinde)")
                continue
            }
            if let first = lineOf[ags] {
                diagnostics.error(at, "Gemeindeschlüssel \(ags) ist doppelt (zuerst in Zeile \(first))")
                continue
            }
            if name.isEmpty { diagnostics.error(at, "Ort \(ags) hat keinen Namen") }
            if let state, !ags.hasPrefix(state) {
                diagnostics.error(at, "Ort \(ags) liegt nicht im Land \(state) (site.yml „state“)")
                outside.insert(ags)
            }
            let postalCodes = codes.split(separator: " ").map(String.init)
            for code in postalCodes where !Validators.isDigits(code, count: 5) {
                diagnostics.error(at, "„\(code)“ ist keine fünfstellige Postleitzahl")
            }
            if !postalCodes.isEmpty && ags.count != 8 {
                diagnostics.error(at, "Postleitzahlen gehören zu Gemeinden (8-stelliger Schlüssel), nicht zu \(ags)")
            }
            lineOf[ags] = row.line
            regions.append(Region(ags: ags, name: name, postalCodes: postalCodes, line: row.line))
        }
        // The parent of a place is the longest shorter AGS that is its prefix (the spec's rule). A
        // place with no parent at all is an error; a Gemeinde whose Kreis is missing is allowed
        // (e.g. gemeindefreie Gebiete directly under a Land) but said, since it is often a typo.
        for region in regions where region.level != .land && !outside.contains(region.ags) {
            let at = SourceLocation(path: file.path, line: region.line)
            let land = String(region.ags.prefix(2))
            if region.level == .gemeinde, lineOf[String(region.ags.prefix(5))] == nil {
                if lineOf[land] != nil {
                    diagnostics.warning(at, "Ort \(region.ags) („\(region.name)“): Kreis \(region.ags.prefix(5)) fehlt in regions.csv; der Ort gehört direkt zum Land \(land)")
                } else {
                    diagnostics.error(at, "Ort \(region.ags) („\(region.name)“): übergeordneter Ort fehlt in regions.csv (weder Kreis \(region.ags.prefix(5)) noch Land \(land))")
                }
            } else if lineOf[land] == nil {
                diagnostics.error(at, "Ort \(region.ags) („\(region.name)“): übergeordneter Ort \(land) fehlt in regions.csv")
            }
        }
        if regions.isEmpty, diagnostics.errors.count == before {
            diagnostics.error(SourceLocation(path: file.path), "regions.csv enthält keine Orte")
        }
        return regions
    }
}
