import Foundation
import PortalModel
import PortalSupport

/// `forms/`: the FIM Stammdatenschemata that services name in `form_schema:` (each read once,
/// however many services name it) and the genericode lists in `forms/codelists/` they refer to.
/// Code lists are read only when some service names a schema.
package struct FormSchemasLoader {
    let root: URL
    let display: @Sendable (String) -> String

    package struct Reference: Sendable {
        package var path: String
        package var location: SourceLocation
    }

    /// What `readAhead()` found: every schema file directly in `forms/`, read, and the code lists.
    package struct ReadAhead: Sendable {
        var codeLists = CodeLists()
        var codeListDiagnostics = Diagnostics()
        var schemas: [String: (FormSchema?, Diagnostics)] = [:]
    }

    /// Reads every `forms/*.xdf.xml` before anyone knows which ones services name: started in the
    /// background at the beginning of loading (`BackgroundWork`), it overlaps the service files.
    package func readAhead() -> ReadAhead {
        var ahead = ReadAhead()
        let folder = root.appendingPathComponent("forms")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".xdf.xml") && !$0.hasPrefix(".") }.sorted()
        guard !names.isEmpty else { return ahead }
        ahead.codeLists = readCodeLists(into: &ahead.codeListDiagnostics)
        let paths = names.map { "forms/\($0)" }
        let read = ParallelMap.map(paths) { [self, codeLists = ahead.codeLists] path in self.read(path, codeLists: codeLists) }
        for (path, result) in zip(paths, read) { ahead.schemas[path] = result }
        return ahead
    }

    private func read(_ path: String, codeLists: CodeLists) -> (FormSchema?, Diagnostics) {
        var local = Diagnostics()
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return (nil, local) }
        return (XDFSchemaLoader.load(data, path: display(path), relativePath: path, codeLists: codeLists, into: &local), local)
    }

    /// The schemas services name, from what was read ahead (a schema in a subfolder of `forms/`
    /// is read now). Problems are reported only for named schemas; a schema file no service
    /// names gets a warning.
    package func load(_ references: [Reference], ahead: ReadAhead, into diagnostics: inout Diagnostics) -> [String: FormSchema] {
        var firstUse: [String: SourceLocation] = [:]
        for reference in references where firstUse[reference.path] == nil { firstUse[reference.path] = reference.location }
        for path in ahead.schemas.keys.sorted() where firstUse[path] == nil {
            diagnostics.warning(SourceLocation(path: display(path)), "wird von keiner Leistung verwendet (form_schema: \(path))")
        }
        guard !firstUse.isEmpty else { return [:] }
        // Read ahead only with a schema directly in forms/; schemas in subfolders need the lists too.
        var ahead = ahead
        if ahead.schemas.isEmpty { ahead.codeLists = readCodeLists(into: &ahead.codeListDiagnostics) }
        diagnostics.append(contentsOf: ahead.codeListDiagnostics)
        var schemas: [String: FormSchema] = [:]
        for path in firstUse.keys.sorted() {
            let (schema, local) = ahead.schemas[path] ?? read(path, codeLists: ahead.codeLists)
            diagnostics.append(contentsOf: local)
            if let schema {
                schemas[path] = schema
            } else if local.errors.isEmpty, let at = firstUse[path] {
                let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
                diagnostics.error(at, exists ? "„form_schema“: \(path) kann nicht gelesen werden" : "„form_schema“: die Datei \(path) gibt es nicht")
            }
        }
        return schemas
    }

    private func readCodeLists(into diagnostics: inout Diagnostics) -> CodeLists {
        let folder = root.appendingPathComponent("forms/codelists")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return CodeLists() }
        let files = names.filter { $0.hasSuffix(".xml") && !$0.hasPrefix(".") }.sorted()
        let display = self.display
        let read = ParallelMap.map(files) { name -> (CodeLists.List?, Diagnostics) in
            var local = Diagnostics()
            let relative = "forms/codelists/\(name)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                local.error(SourceLocation(path: display(relative)), "Datei kann nicht gelesen werden")
                return (nil, local)
            }
            return (CodeLists.read(data, path: display(relative), relativePath: relative, into: &local), local)
        }
        for (_, local) in read { diagnostics.append(contentsOf: local) }
        return CodeLists(read.compactMap(\.0))
    }
}
