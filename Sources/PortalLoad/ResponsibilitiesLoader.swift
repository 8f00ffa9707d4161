import Foundation
import PortalModel
import PortalSupport

/// Reads `responsibilities.csv` and checks every reference and conflict.
package enum ResponsibilitiesLoader {
    package static func load(_ file: SourceFile, services: Set<String>, regions: Set<String>?, authorities: Set<String>,
                     memo: ParseMemo? = nil, into diagnostics: inout Diagnostics) -> [Responsibility]? {
        guard let table = CSVTable.parse(file, header: ["service", "region", "authority"], memo: memo, into: &diagnostics) else { return nil }
        let before = diagnostics.errors.count
        var seen: [String: [String: Int]] = [:]
        var rules: [Responsibility] = []
        // Exactly: grown by doubling, the list of 300,000 rules held room for 524,288 all build long.
        rules.reserveCapacity(table.rows.count)
        let serviceList = services.sorted(), authorityList = authorities.sorted()
        for row in table.rows {
            var (service, region, authority) = (row.fields[0], row.fields[1], row.fields[2])
            let at = SourceLocation(path: file.path, line: row.line)
            var ok = true
            // The known slug and id themselves, not the row's copies: 300,000 rules then share
            // a few thousand strings instead of holding 600,000 of their own.
            let knownService = services.firstIndex(of: service), knownAuthority = authorities.firstIndex(of: authority)
            if let knownService { service = services[knownService] }
            if let knownAuthority { authority = authorities[knownAuthority] }
            if knownService == nil {
                diagnostics.error(at, "unbekannte Leistung „\(service)“ (keine Datei services/\(service).md)\(Suggestion.hint(for: service, in: serviceList))")
                ok = false
            }
            if let regions, !regions.contains(region) {
                diagnostics.error(at, "unbekannter Ort „\(region)“ (nicht in regions.csv)")
                ok = false
            }
            if knownAuthority == nil {
                diagnostics.error(at, "unbekannte Behörde „\(authority)“ (keine Datei authorities/\(authority).yml)\(Suggestion.hint(for: authority, in: authorityList))")
                ok = false
            }
            // By service, then region (a short key needs no string of its own).
            if let first = seen[service]?[region] {
                diagnostics.error(at, "widersprüchliche Regel: für „\(service)“ in \(region) gibt es schon eine Regel (Zeile \(first))")
                ok = false
            } else {
                seen[service, default: [:]][region] = row.line
            }
            if ok { rules.append(Responsibility(service: service, region: region, authority: authority, line: row.line)) }
        }
        return diagnostics.errors.count == before ? rules : nil
    }
}
