import Foundation
import Mustache
import PortalModel
import PortalSupport
import PortalTheme

/// The templates and assets of a build: the built-in theme, with any file of the user's
/// `--templates` folder taking the place of the built-in file of the same name.
public struct Theme: Sendable {
    public let library: MustacheLibrary
    /// The same templates with `StencilContent` escaping, for `PageStencils`; parsed when first
    /// needed (a body edit renders two pages and mostly does not need them).
    private let stencilTemplates: StencilLibrary
    /// Whether no template looks into a value (see `PageStencils`); otherwise every page is rendered.
    package let stencilsAllowed: Bool
    /// Asset file name → file contents, e.g. `portal.css`.
    public let assets: [String: Data]
    /// Search vocabulary files (`search/synonyms.txt`), by name.
    public let searchFiles: [String: String]
    /// Per template name, a digest of its source and of every template it includes or extends,
    /// so an incremental build renders again exactly the pages a template change touches.
    package let templateDigests: [String: String]

    /// Everything of the theme a page can depend on, for the quick rebuild after body edits.
    package var digest: String {
        var f = Fingerprint()
        f.add(stencilsAllowed ? 1 : 0)
        for (name, digest) in templateDigests.sorted(by: { $0.key < $1.key }) { f.add(name); f.add(digest) }
        for (name, data) in assets.sorted(by: { $0.key < $1.key }) { f.add(name); f.add(data) }
        for (name, text) in searchFiles.sorted(by: { $0.key < $1.key }) { f.add(name); f.add(text) }
        return f.hex
    }

    /// Template names every theme provides.
    package static let requiredTemplates = ["base", "home", "services", "service", "form", "form-field", "authority-card", "finder", "topic", "authority", "places", "place", "gemeinde", "gemeinde-row", "search", "page", "notfound", "open-data", "easy-language"]

    /// - Parameter overrides: the user's folder (with `layouts/` and `assets/`, or templates directly in it), if any.
    public static func load(overrides: URL?, displayPath: String?) throws(ContentErrors) -> Theme {
        var diagnostics = Diagnostics()
        var sources: [String: (text: String, path: String)] = [:]
        var assets: [String: Data] = [:]
        var search: [String: Data] = [:]
        if let dir = PortalTheme.searchDirectory { collect(assetsIn: dir, into: &search) }
        if let dir = PortalTheme.layoutsDirectory { collect(templatesIn: dir, display: "(eingebautes Theme)/layouts", into: &sources) }
        if let dir = PortalTheme.assetsDirectory { collect(assetsIn: dir, into: &assets) }
        if let overrides {
            let shown = displayPath ?? overrides.path
            let layouts = overrides.appendingPathComponent("layouts")
            collect(templatesIn: FileManager.default.fileExists(atPath: layouts.path) ? layouts : overrides,
                    display: FileManager.default.fileExists(atPath: layouts.path) ? "\(shown)/layouts" : shown, into: &sources)
            collect(assetsIn: overrides.appendingPathComponent("assets"), into: &assets)
            collect(assetsIn: overrides.appendingPathComponent("search"), into: &search)
        }
        var library = MustacheLibrary()
        _ = PortalContentTypes.registered
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: HTMLContent.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Line numbers count the pragma line put before the source.
                diagnostics.error(SourceLocation(path: source.path, line: error.context.lineNumber - 1, column: error.context.columnNumber + 1),
                                  "Vorlage kann nicht gelesen werden: \(Self.explain(error.error))")
            } catch {
                diagnostics.error(SourceLocation(path: source.path), "Vorlage kann nicht gelesen werden: \(error)")
            }
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.error(SourceLocation(path: displayPath ?? "Templates"), "Vorlage „\(name).mustache“ fehlt")
        }
        if diagnostics.hasErrors { throw ContentErrors(diagnostics.items) }
        return Theme(library: library, stencilTemplates: StencilLibrary(sources.mapValues(\.text)), stencilsAllowed: allowsStencils(sources.values.map(\.text)), assets: assets, searchFiles: search.compactMapValues { String(data: $0, encoding: .utf8) },
                     templateDigests: digests(sources.mapValues(\.text)))
    }

    /// Stencils fill leaves in as they are; templates must not transform them (`{{f(x)}}`), pick
    /// partials by a value (`{{>*x}}`), switch escaping (`{{% CONTENT_TYPE …}}`), change the
    /// delimiters (`{{=…=}}`, which would hide all of these) or contain marker characters.
    package static func allowsStencils(_ sources: [String]) -> Bool {
        let looksInside = try! NSRegularExpression(pattern: "\\{\\{[^}]*\\(|\\{\\{\\s*[<>$]\\s*\\*|\\{\\{\\s*=|\\{\\{\\s*%|[\u{E000}-\u{E004}]")
        return sources.allSatisfy { text in
            looksInside.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) == nil
        }
    }

    /// `{{> partial}}` and `{{< parent}}` references, followed transitively.
    package static func digests(_ sources: [String: String]) -> [String: String] {
        let reference = try! NSRegularExpression(pattern: "\\{\\{\\s*[<>]\\s*([A-Za-z0-9_.-]+)")
        var direct: [String: Set<String>] = [:]
        for (name, text) in sources {
            let ns = text as NSString
            direct[name] = Set(reference.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) })
        }
        var result: [String: String] = [:]
        for name in sources.keys {
            var seen: Set<String> = [name], stack = [name]
            while let next = stack.popLast() {
                for used in direct[next] ?? [] where seen.insert(used).inserted { stack.append(used) }
            }
            var f = Fingerprint()
            for used in seen.sorted() { f.add(used); f.add(sources[used] ?? "") }
            result[name] = f.hex
        }
        return result
    }

    /// Mustache parser errors in words a theme author understands.
    package static func explain(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: return "{{/…}} schließt einen anderen Abschnitt als den zuletzt geöffneten"
        case .unfinishedName: return "ein {{…}}-Ausdruck wird nicht geschlossen"
        case .expectedSectionEnd: return "ein {{#…}}- oder {{^…}}-Abschnitt wird nicht mit {{/…}} geschlossen"
        default: return "\(error)"
        }
    }

    private static func collect(templatesIn dir: URL, display: String, into sources: inout [String: (text: String, path: String)]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names where name.hasSuffix(".mustache") {
            let url = dir.appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) {
                sources[String(name.dropLast(".mustache".count))] = (text, "\(display)/\(name)")
            }
        }
    }

    private static func collect(assetsIn dir: URL, into assets: inout [String: Data]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return }
        for name in names where !name.hasPrefix(".") {
            if let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) { assets[name] = data }
        }
    }

    /// Mustache sees the context as `Any` values; everything before this point is typed.
    package func render(_ context: Context, template: String) -> String {
        library.render(context.anyValue, withTemplate: template) ?? ""
    }

    package func renderStencil(_ context: Context, template: String) -> String {
        stencilTemplates.library.render(context.anyValue, withTemplate: template) ?? ""
    }
}

/// The theme's templates parsed with the stencil escaping, once, by whoever needs them first.
/// They parsed without errors with the other escaping, and the pragma line is all that differs.
private final class StencilLibrary: @unchecked Sendable {
    private let sources: [String: String]
    private let lock = NSLock()
    private var parsed: MustacheLibrary?

    package init(_ sources: [String: String]) {
        self.sources = sources
    }

    package var library: MustacheLibrary {
        lock.withLock {
            if let parsed { return parsed }
            var library = MustacheLibrary()
            for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
                if let template = try? MustacheTemplate(string: StencilContent.pragma + text) { library.register(template, named: name) }
            }
            parsed = library
            return library
        }
    }
}
