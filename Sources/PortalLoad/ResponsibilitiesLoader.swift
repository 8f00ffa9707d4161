import Foundation
import PortalModel
import PortalSupport

/// Reads `responsibilities.csv` and checks every reference and conflict.
package enum ResponsibilitiesLoader {
    package static func load(_ file: SourceFile, services: Set<String>, regions: Set<String>?, authorities: Set<String>,
                     memo: ParseMemo? = nil, into diagnostics: inout Diagnostics) -> [Responsibility]? {
        guard let table = CSVTable.parse(file, header: ["service", "region", "authority"], memo: memo, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        var seen: [String: Int] = [:]
        var rules: [Responsibility] = []
        let serviceList = services.sorted(), authorityList = authorities.sorted()
        for row in table.rows {
            let (service, region, authority) = (row.fields[0], row.fields[1], row.fields[2])
            let at = SourceLocation(path: file.path, line: row.line)
            var ok = true
            if !services.contains(service) {
                diagnostics.error(at, "unbekannte Leistung „\(service)“ (keine Datei services/\(service).md)\(Suggestion.hint(for: service, in: serviceList))")
                ok = false
            }
            if let regions, !regions.contains(region) {
                diagnostics.error(at, "unbekannter Ort „\(region)“ (nicht in regions.csv)")
                ok = false
            }
            if !authorities.contains(authority) {
                diagnostics.error(at, "unbekannte Behörde „\(authority)“ (keine Datei authorities/\(authority).yml)\(Suggestion.hint(for: authority, in: authorityList))")
                ok = false
            }
            let key = service + "\u{0}" + region
            if let first = seen[key] {
                diagnostics.error(at, "widersprüchliche Regel: für „\(service)“ in \(region) gibt es schon eine Regel (Zeile \(first))")
                ok = false
            }
            seen[key] = seen[key] ?? row.line
            if ok { rules.append(Responsibility(service: service, region: region, authority: authority, line: row.line)) }
        }
        return diagnostics.errors.count == before ? rules : nil
    }
}
