import PortalModel
import PortalSupport
import Yams

/// Parses YAML text into a node tree whose marks are mapped to lines of the containing file.
package enum YAMLDocument {
    /// Refuses documents nested deeper than this; real content is a few levels deep.
    package static let maximumDepth = 64
    /// Refuses documents with more nodes than this, counting aliases as often as they are used,
    /// so a "billion laughs" alias bomb is refused instead of being expanded.
    package static let maximumNodes = 100_000

    /// - Parameter firstLine: the file line on which `yaml` starts (2 for front matter).
    package static func parse(_ yaml: String, path: String, firstLine: Int, into diagnostics: inout Diagnostics) -> YAMLNode? {
        do {
            // No implicit typing (every scalar is text to us, the loaders convert) and UTF-8 named
            // explicitly: Yams' defaults match regexes per scalar and read the environment per parse.
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else {
                diagnostics.error(SourceLocation(path: path, line: firstLine), "keine Angaben gefunden (leeres YAML)")
                return nil
            }
            let root = YAMLNode(node: node, path: path, lineOffset: firstLine - 1)
            switch root.shapeProblem(maximumDepth: maximumDepth, maximumNodes: maximumNodes) {
            case .tooDeep(let node):
                diagnostics.error(node.location, "YAML ist tiefer als \(maximumDepth) Ebenen verschachtelt")
                return nil
            case .tooLarge(let node):
                diagnostics.error(node.location, "YAML enthält mehr als \(maximumNodes) Einträge (zum Beispiel durch verschachtelte Verweise mit & und *); so große Angaben sind nicht erlaubt")
                return nil
            case nil:
                break
            }
            return root
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, path: path, lineOffset: firstLine - 1))
            return nil
        } catch {
            diagnostics.error(SourceLocation(path: path, line: firstLine), "YAML kann nicht gelesen werden: \(error)")
            return nil
        }
    }

    package static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            if problem.hasPrefix("Maximum nesting level reached") {
                return Diagnostic(path: path, line: mark.line + lineOffset, column: mark.column,
                                  message: "YAML ist tiefer als \(maximumDepth) Ebenen verschachtelt")
            }
            var message = "YAML-Fehler: \(problem)"
            if let context { message += " (\(context.text))" }
            return Diagnostic(path: path, line: mark.line + lineOffset, column: mark.column, message: message)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return make(problem, context, mark)
        case .parser(let context, let problem, let mark, _): return make(problem, context, mark)
        case .composer(let context, let problem, let mark, _): return make(problem, context, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(path: path, line: context.mark.line + lineOffset, column: context.mark.column,
                              message: "Schlüssel mehrfach angegeben: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, let offset, _, _):
            return Diagnostic(path: path, line: 1 + lineOffset, column: 1, message: "YAML kann nicht gelesen werden: \(problem) (Byte \(offset ?? 0))")
        default:
            return Diagnostic(path: path, line: 1 + lineOffset, column: 1, message: "YAML kann nicht gelesen werden: \(error)")
        }
    }
}

/// A YAML node with its position in the file, and typed accessors that report wrong types.
package struct YAMLNode {
    package let node: Node
    package let path: String
    package let lineOffset: Int

    package var location: SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: 1 + lineOffset) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    package func child(_ node: Node) -> YAMLNode { YAMLNode(node: node, path: path, lineOffset: lineOffset) }

    package var isNull: Bool {
        // YAML's null spellings, for plain (unquoted) scalars only: `key: "~"` stays text.
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null", "Null", "NULL"].contains(s.string) { return true }
        return false
    }

    /// The entries of a mapping in file order, or nil (with an error) when this is not a mapping.
    package func mapping(_ what: String, into diagnostics: inout Diagnostics) -> [(key: String, keyLocation: SourceLocation, value: YAMLNode)]? {
        guard case .mapping(let mapping) = node else {
            diagnostics.error(location, "\(what) muss eine Zuordnung (Schlüssel: Wert) sein, nicht \(kindName)")
            return nil
        }
        return mapping.map { pair in
            let key = child(pair.key)
            return (pair.key.string ?? "", key.location, child(pair.value))
        }
    }

    package var kindName: String {
        switch node {
        case .scalar: return isNull ? "leer" : "ein einzelner Wert"
        case .mapping: return "eine Zuordnung"
        case .sequence: return "eine Liste"
        case .alias: return "ein Verweis"
        }
    }

    /// The text of a scalar. Numbers and dates are taken as written, so "01067" keeps its zero.
    package func string(_ key: String, into diagnostics: inout Diagnostics) -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            diagnostics.error(location, "„\(key)“ muss ein Text sein, nicht \(kindName)")
            return nil
        }
        return scalar.string
    }

    package func bool(_ key: String, into diagnostics: inout Diagnostics) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string {
            case "true", "True", "TRUE", "yes", "ja": return true
            case "false", "False", "FALSE", "no", "nein": return false
            default: break
            }
        }
        diagnostics.error(location, "„\(key)“ muss true oder false sein")
        return nil
    }

    package func sequence(_ key: String, into diagnostics: inout Diagnostics) -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.error(location, "„\(key)“ muss eine Liste sein, nicht \(kindName)")
            return nil
        }
        return sequence.map { child($0) }
    }

    package func stringList(_ key: String, into diagnostics: inout Diagnostics) -> [String]? {
        guard let items = sequence(key, into: &diagnostics) else { return nil }
        var result: [String] = []
        for item in items {
            guard let s = item.string("\(key)“-Eintrag „", into: &diagnostics) else { continue }
            result.append(s)
        }
        return result
    }

    /// Converts free data (`extra:`) with a budget, so an alias bomb cannot expand without bound.
    package func templateValue(budget: inout Int) -> TemplateValue? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let s):
            if isNull { return .null }
            if s.style == .plain, let b = Bool(s.string.lowercased()) { return .bool(b) }
            return .string(s.string)
        case .sequence(let seq):
            var list: [TemplateValue] = []
            for n in seq {
                guard let v = child(n).templateValue(budget: &budget) else { return nil }
                list.append(v)
            }
            return .list(list)
        case .mapping(let map):
            var dict: [String: TemplateValue] = [:]
            for pair in map {
                guard let v = child(pair.value).templateValue(budget: &budget) else { return nil }
                dict[pair.key.string ?? ""] = v
            }
            return .map(dict)
        case .alias:
            return .null
        }
    }

    package enum ShapeProblem {
        case tooDeep(YAMLNode)
        case tooLarge(YAMLNode)
    }

    /// Walks the tree with a node budget: the first node nested too deep, or where the budget ran out.
    package func shapeProblem(maximumDepth: Int, maximumNodes: Int) -> ShapeProblem? {
        var budget = maximumNodes
        func visit(_ n: Node, _ depth: Int) -> ShapeProblem? {
            budget -= 1
            if budget < 0 { return .tooLarge(child(n)) }
            if depth > maximumDepth { return .tooDeep(child(n)) }
            switch n {
            case .sequence(let s): for c in s { if let hit = visit(c, depth + 1) { return hit } }
            case .mapping(let m): for p in m { if let hit = visit(p.value, depth + 1) { return hit } }
            default: break
            }
            return nil
        }
        return visit(node, 0)
    }
}

/// Checks a mapping's keys against the format: unknown keys (with a suggestion) and missing required ones.
package struct KeyChecker {
    package let what: String
    package let allowed: [String]
    package let required: [String]

    /// Returns the values by key; reports every unknown and missing key.
    package func check(_ node: YAMLNode, into diagnostics: inout Diagnostics) -> [String: YAMLNode]? {
        guard let entries = node.mapping(what, into: &diagnostics) else { return nil }
        var values: [String: YAMLNode] = [:]
        for entry in entries {
            if allowed.contains(entry.key) {
                values[entry.key] = entry.value
            } else {
                diagnostics.error(entry.keyLocation, "unbekannter Schlüssel „\(entry.key)“ in \(what)\(Suggestion.hint(for: entry.key, in: allowed))")
            }
        }
        for key in required where values[key] == nil || values[key]!.isNull {
            diagnostics.error(node.location, "Pflichtangabe „\(key)“ fehlt in \(what)")
        }
        return values
    }
}
