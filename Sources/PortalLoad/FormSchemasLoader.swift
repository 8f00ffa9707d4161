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

    package func load(_ references: [Reference], into diagnostics: inout Diagnostics) -> [String: FormSchema] {
        var firstUse: [String: SourceLocation] = [:]
        for reference in references where firstUse[reference.path] == nil { firstUse[reference.path] = reference.location }
        guard !firstUse.isEmpty else { return [:] }
        let codeLists = readCodeLists(into: &diagnostics)
        let paths = firstUse.keys.sorted()
        let root = self.root, display = self.display
        let read = ParallelMap.map(paths) { path -> (FormSchema?, Diagnostics) in
            var local = Diagnostics()
            let url = root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return (nil, local)
            }
            let schema = XDFSchemaLoader.load(data, path: display(path), relativePath: path, codeLists: codeLists, into: &local)
            return (schema, local)
        }
        var schemas: [String: FormSchema] = [:]
        for (path, (schema, local)) in zip(paths, read) {
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
