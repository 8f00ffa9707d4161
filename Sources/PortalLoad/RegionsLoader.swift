import Foundation
import PortalModel
import PortalSupport

/// Reads `regions.csv` and checks the AGS structure, and (spec v2) the Gemeindeverbände: 9-digit
/// rows and the optional `verband` column of Gemeinde rows.
package enum RegionsLoader {
    package static func load(_ file: SourceFile, state: String?, memo: ParseMemo? = nil, into diagnostics: inout Diagnostics) -> [Region]? {
        guard let table = CSVTable.parse(file, header: ["ags", "name", "postal_codes"], optional: ["verband"], memo: memo, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        var regions: [Region] = []
        var lineOf: [String: Int] = [:]
        var outside: Set<String> = []
        /// The line of each valid `verband` value, for the checks once every row is known.
        var verbandLine: [String: Int] = [:]
        /// Where a row's `verband` value stands. Found only for a diagnostic: it rescans the text
        /// up to that line, which for every row of a country would be quadratic.
        func verbandColumn(_ line: Int) -> SourceLocation {
            SourceLocation(path: file.path, line: line, column: CSVTable.column(ofField: 3, line: line, in: file.text))
        }
        for row in table.rows {
            let (ags, name, codes) = (row.fields[0], row.fields[1], row.fields[2])
            let verband = row.fields.count > 3 && !row.fields[3].isEmpty ? row.fields[3] : nil
            let at = SourceLocation(path: file.path, line: row.line)
            guard Validators.isDigits(ags), [2, 3, 5, 8, 9].contains(ags.count) else {
                diagnostics.error(at, "„\(ags)“ ist kein Gemeindeschlüssel: erwartet werden 2 (Land), 3 (Regierungsbezirk), 5 (Kreis) oder 8 Ziffern (Gemeinde), für einen Gemeindeverband 9 Ziffern (Regionalschlüssel)")
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
            if let verband {
                if ags.count != 8 {
                    diagnostics.error(verbandColumn(row.line), "nur eine Gemeinde (8-stelliger Schlüssel) gehört zu einem Gemeindeverband, nicht \(ags)")
                } else if !Validators.isDigits(verband, count: 9) {
                    diagnostics.error(verbandColumn(row.line), "„\(verband)“ ist kein Schlüssel eines Gemeindeverbands: erwartet werden 9 Ziffern (Land, Regierungsbezirk, Kreis und 4 Ziffern des Verbands)")
                } else {
                    verbandLine[ags] = row.line
                }
            }
            lineOf[ags] = row.line
            regions.append(Region(ags: ags, name: name, postalCodes: postalCodes, verband: verbandLine[ags] == nil ? nil : verband, line: row.line))
        }
        // The parent of a place is the longest shorter AGS that is its prefix (the spec's rule); a
        // Gemeindeverband's is its Kreis, its first 5 digits. A place with no parent at all is an
        // error; a Gemeinde whose Kreis is missing is allowed (e.g. gemeindefreie Gebiete directly
        // under a Land) but said, since it is often a typo.
        var members: Set<String> = []
        for region in regions where region.level != .land && !outside.contains(region.ags) {
            let at = SourceLocation(path: file.path, line: region.line)
            let land = String(region.ags.prefix(2))
            let kreis = String(region.ags.prefix(5))
            switch region.level {
            case .gemeinde where lineOf[kreis] == nil:
                if lineOf[land] != nil {
                    diagnostics.warning(at, "Ort \(region.ags) („\(region.name)“): Kreis \(kreis) fehlt in regions.csv; der Ort gehört direkt zum Land \(land)")
                } else {
                    diagnostics.error(at, "Ort \(region.ags) („\(region.name)“): übergeordneter Ort fehlt in regions.csv (weder Kreis \(kreis) noch Land \(land))")
                }
            case .verband where lineOf[kreis] == nil:
                diagnostics.error(at, "„\(region.ags)“ ist kein Gemeindeverband: seine ersten 5 Ziffern müssen ein Kreis aus regions.csv sein, \(kreis) ist keiner")
            default:
                if lineOf[land] == nil {
                    diagnostics.error(at, "Ort \(region.ags) („\(region.name)“): übergeordneter Ort \(land) fehlt in regions.csv")
                }
            }
            guard let verband = region.verband, let line = verbandLine[region.ags] else { continue }
            if lineOf[verband] == nil {
                diagnostics.error(verbandColumn(line), "Gemeindeverband \(verband) fehlt in regions.csv (Spalte „verband“ von \(region.ags) „\(region.name)“)")
            } else if !verband.hasPrefix(kreis) {
                diagnostics.error(verbandColumn(line), "Gemeindeverband \(verband) liegt im Kreis \(verband.prefix(5)), die Gemeinde \(region.ags) „\(region.name)“ im Kreis \(kreis)")
            } else {
                members.insert(verband)
            }
        }
        for region in regions where region.level == .verband && !members.contains(region.ags) && lineOf[String(region.ags.prefix(5))] != nil {
            diagnostics.warning(SourceLocation(path: file.path, line: region.line),
                                "Gemeindeverband \(region.ags) („\(region.name)“) hat keine Mitgliedsgemeinde: keine Gemeinde nennt ihn in der Spalte „verband“")
        }
        if regions.isEmpty, diagnostics.errors.count == before {
            diagnostics.error(SourceLocation(path: file.path), "regions.csv enthält keine Orte")
        }
        return regions
    }
}
