import Foundation
import PortalModel
import PortalSupport
import PortalTheme
import Yams

/// The interface texts of a theme, one file per language (`i18n/de.yml`, `i18n/en.yml`): the
/// built-in theme's, with each key of a user's `i18n/<language>.yml` taking the place of the
/// built-in text. Templates name a text as `{{t.key}}`; `localized` puts the text in before
/// Mustache parses the template, so a page of one language costs what it cost before texts
/// were translatable (and a German page is byte for byte what the German template gave).
package struct ThemeTexts: Sendable {
    /// Language → key → text (HTML, like the templates it goes into).
    package private(set) var texts: [String: [String: String]] = [:]

    package static let reference = try! NSRegularExpression(pattern: #"\{\{\s*t\.([A-Za-z0-9_]+)\s*\}\}"#)
    /// The scripts that take their messages from the page (`data-texts`): `finder.js`, `search.js`, `form.js`.
    package static let scripts = ["finder", "search", "form"]
    /// Language → script → its `<script>_js_*` texts without the prefix, as JSON; made once
    /// when the theme loads, not on every page that carries them.
    package private(set) var scriptJSON: [String: [String: String]] = [:]

    /// One `i18n/<language>.yml` as read from disk (nil: unreadable), before parsing.
    package struct File: Sendable {
        package let language: String
        package let shown: String
        package let data: Data?
    }

    /// The built-in theme's files, then the user's, each folder's in name order: a later file's
    /// key takes the place of an earlier one's.
    package static func files(overrides: URL?, displayPath: String?) -> [File] {
        func read(_ dir: URL, display: String) -> [File] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
            return names.sorted().filter { $0.hasSuffix(".yml") && !$0.hasPrefix(".") }.map { name in
                let url = dir.appendingPathComponent(name)
                return File(language: String(name.dropLast(4)), shown: "\(display)/\(name)", data: FileManager.default.contents(atPath: url.path))
            }
        }
        var files: [File] = []
        if let dir = PortalTheme.i18nDirectory { files += read(dir, display: "(eingebautes Theme)/i18n") }
        if let overrides { files += read(overrides.appendingPathComponent("i18n"), display: "\(displayPath ?? overrides.path)/i18n") }
        return files
    }

    /// The texts of a theme's files, parsed. Each file is parsed on its own core: YAML parsing of
    /// the built-in German and English texts was a tenth of a quick rebuild.
    package static func load(_ files: [File], into diagnostics: inout Diagnostics) -> ThemeTexts {
        var result = ThemeTexts()
        let parsed = ParallelMap.map(files) { file in Self.parse(file) }
        for (file, (table, problems)) in zip(files, parsed) {
            diagnostics.append(contentsOf: problems)
            for (key, text) in table { result.texts[file.language, default: [:]][key] = text }
        }
        for (language, table) in result.texts {
            for script in scripts {
                let prefix = script + "_js_"
                let object = Dictionary(uniqueKeysWithValues: table.filter { $0.key.hasPrefix(prefix) }.map { (String($0.key.dropFirst(prefix.count)), $0.value) })
                let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
                result.scriptJSON[language, default: [:]][script] = String(decoding: data, as: UTF8.self)
            }
        }
        return result
    }

    /// The texts as a `ThemeMemo` kept them.
    package init(texts: [String: [String: String]], scriptJSON: [String: [String: String]]) {
        self.texts = texts
        self.scriptJSON = scriptJSON
    }

    private init() {}

    /// A script's messages in `language` as JSON, for `data-texts`; on the site's language the
    /// scripts use their own.
    package func scriptTexts(_ language: String, _ script: String) -> String { scriptJSON[language]?[script] ?? "{}" }

    private static func parse(_ file: File) -> (table: [String: String], problems: Diagnostics) {
        var problems = Diagnostics(), table: [String: String] = [:]
        let shown = file.shown
        guard let data = file.data, let text = String(data: data, encoding: .utf8) else {
            problems.error(SourceLocation(path: shown), "Datei kann nicht gelesen werden (UTF-8?)")
            return (table, problems)
        }
        do {
            guard let map = try Yams.load(yaml: text) as? [String: Any] else {
                problems.error(SourceLocation(path: shown), "erwartet wird eine Liste „Schlüssel: Text“")
                return (table, problems)
            }
            for (key, value) in map {
                guard let string = value as? String ?? (value as? Int).map(String.init) else {
                    problems.error(SourceLocation(path: shown), "„\(key)“ muss ein Text sein")
                    continue
                }
                table[key] = string
            }
        } catch let error as YamlError {
            let (line, column) = Self.position(error)
            problems.error(SourceLocation(path: shown, line: line, column: column), "YAML-Fehler: \(error)")
        } catch {
            problems.error(SourceLocation(path: shown), "YAML-Fehler: \(error)")
        }
        return (table, problems)
    }

    private static func position(_ error: YamlError) -> (Int, Int) {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return (mark.line, mark.column)
        default: return (1, 1)
        }
    }

    package var languages: [String] { texts.keys.sorted() }

    package func text(_ key: String, _ language: String) -> String { texts[language]?[key] ?? texts["de"]?[key] ?? key }

    /// The template with every `{{t.key}}` replaced by the text; keys the language lacks are
    /// returned (the build refuses a language whose texts are incomplete only if the site uses it).
    package func localized(_ source: String, _ language: String) -> (text: String, missing: [String]) {
        let table = texts[language] ?? [:]
        let ns = source as NSString
        var out = "", last = 0, missing: [String] = []
        for match in Self.reference.matches(in: source, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let key = ns.substring(with: match.range(at: 1))
            if let value = table[key] { out += value } else { missing.append(key) }
            last = match.range.location + match.range.length
        }
        out += ns.substring(from: last)
        return (out, missing)
    }
}
