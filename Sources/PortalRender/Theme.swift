import Foundation
import Mustache
import PortalModel
import PortalSupport
import PortalTheme

/// The templates and assets of a build: the built-in theme, with any file of the user's
/// `--templates` folder taking the place of the built-in file of the same name.
public struct Theme: Sendable {
    /// The templates with the German interface texts (`i18n/de.yml`), parsed when the theme
    /// loads: every build renders a page, and a template that does not parse stops it there.
    private let german: LanguageLibrary
    private var library: MustacheLibrary { german.parsed.library }
    /// The same templates with the texts of another language, by language (`en`); a page of
    /// that language names its template `en/<name>` (`Theme.template(_:language:)`). Parsed when
    /// first needed: a site that does not publish the language, and a quick rebuild that renders
    /// no page of it, never parse them.
    private let languageLibraries: [String: LanguageLibrary]
    /// The same templates with `StencilContent` escaping, for `PageStencils`; parsed when first
    /// needed (a body edit renders two pages and mostly does not need them).
    private let stencilTemplates: StencilLibrary
    private let languageStencilTemplates: [String: StencilLibrary]
    /// The interface texts, for what the build writes itself (titles, labels).
    package let texts: ThemeTexts
    /// Per language other than German, the text keys templates use that its file lacks, and the
    /// templates its texts broke: a site that publishes the language cannot be built
    /// (`Theme.checkTexts`); one that does not is not bothered.
    package let missingTexts: [String: [String]]
    package func languageErrors(_ language: String) -> [Diagnostic] { languageLibraries[language]?.parsed.errors ?? [] }
    /// Whether no template looks into a value (see `PageStencils`); otherwise every page is rendered.
    package let stencilsAllowed: Bool
    /// Asset file name → file contents, e.g. `portal.css`.
    public let assets: [String: Data]
    /// Search vocabulary files (`search/synonyms.txt`), by name.
    public let searchFiles: [String: String]
    /// Per template name, a digest of its source and of every template it includes or extends,
    /// so an incremental build renders again exactly the pages a template change touches.
    package let templateDigests: [String: String]
    /// What `load` derived anew, for `saveMemo`.
    private let unsaved: (ThemeMemo, String, ThemeMemo.Derived)?

    /// Everything of the theme a page can depend on but the templates (whose digests are
    /// `templateDigests`): the quick rebuild after body or template edits (`BodyEdits`) needs it
    /// unchanged.
    package var digestWithoutTemplates: String {
        var f = Fingerprint()
        f.add(stencilsAllowed ? 1 : 0)
        for (name, data) in assets.sorted(by: { $0.key < $1.key }) { f.add(name); f.add(data) }
        for (name, text) in searchFiles.sorted(by: { $0.key < $1.key }) { f.add(name); f.add(text) }
        // Texts the build writes itself (crumbs, labels) reach pages outside the templates.
        for (language, table) in texts.texts.sorted(by: { $0.key < $1.key }) {
            for (key, text) in table.sorted(by: { $0.key < $1.key }) { f.add(language); f.add(key); f.add(text) }
        }
        return f.hex
    }

    /// The names of the templates whose digest differs from `previous` (added and removed ones too).
    package func changedTemplates(since previous: [String: String]) -> Set<String> {
        Set(templateDigests.keys).union(previous.keys).filter { templateDigests[$0] != previous[$0] }
    }

    /// Template names every theme provides.
    package static let requiredTemplates = ["base", "home", "services", "service", "form", "form-field", "authority-card", "finder", "topic", "authority", "places", "place", "gemeinde", "gemeinde-row", "search", "page", "notfound", "open-data", "easy-language"]

    /// - Parameter overrides: the user's folder (with `layouts/` and `assets/`, or templates directly in it), if any.
    /// - Parameter memo: where the build cache keeps what parsing the texts gave (`ThemeMemo`).
    public static func load(overrides: URL?, displayPath: String?, memo: ThemeMemo? = nil) throws(ContentErrors) -> Theme {
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
        let textFiles = ThemeTexts.files(overrides: overrides, displayPath: displayPath)
        _ = PortalContentTypes.registered
        var key = Fingerprint()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) { key.add(name); key.add(source.path); key.add(source.text) }
        for file in textFiles { key.add(file.shown); key.add(file.data.map { Data([1]) + $0 } ?? Data([0])) }
        let derived: ThemeMemo.Derived
        var unsaved: (ThemeMemo, String, ThemeMemo.Derived)?
        if let memo, let known = memo.read(key: key.hex) {
            derived = known
        } else {
            derived = derive(sources, textFiles, into: &diagnostics)
            if let memo { unsaved = (memo, key.hex, derived) }
        }
        let german = derived.localized["de"] ?? [:], paths = sources.mapValues(\.path)
        let germanLibrary = LanguageLibrary(language: "de", sources: german, paths: paths)
        for error in germanLibrary.parsed.errors { diagnostics.append(error) }
        var languageLibraries: [String: LanguageLibrary] = [:], languageStencils: [String: StencilLibrary] = [:]
        for (language, localized) in derived.localized where language != "de" {
            languageLibraries[language] = LanguageLibrary(language: language, sources: localized, paths: paths)
            languageStencils[language] = StencilLibrary(localized)
        }
        for name in requiredTemplates where sources[name] == nil {
            diagnostics.error(SourceLocation(path: displayPath ?? "Templates"), "Vorlage „\(name).mustache“ fehlt")
        }
        if diagnostics.hasErrors { throw ContentErrors(diagnostics.items) }
        return Theme(german: germanLibrary, languageLibraries: languageLibraries, stencilTemplates: StencilLibrary(german),
                     languageStencilTemplates: languageStencils, texts: ThemeTexts(texts: derived.texts, scriptJSON: derived.scriptJSON),
                     missingTexts: derived.missingTexts, stencilsAllowed: derived.stencilsAllowed, assets: assets,
                     searchFiles: search.compactMapValues { String(data: $0, encoding: .utf8) }, templateDigests: derived.templateDigests,
                     unsaved: unsaved)
    }

    /// Leaves what this load derived in the build cache for the next build (`ThemeMemo`), if it
    /// was not read from there; called when the build has succeeded.
    package func saveMemo() {
        if let (memo, key, derived) = unsaved { memo.write(key: key, derived) }
    }

    /// The texts parsed, the templates localized in every language the texts have, and what
    /// follows from those (`ThemeMemo` keeps it).
    private static func derive(_ sources: [String: (text: String, path: String)], _ textFiles: [ThemeTexts.File],
                               into diagnostics: inout Diagnostics) -> ThemeMemo.Derived {
        let texts = ThemeTexts.load(textFiles, into: &diagnostics)
        // German: every text a template names must be there.
        var german: [String: String] = [:]
        for (name, source) in sources {
            let (text, missing) = texts.localized(source.text, "de")
            for key in Set(missing).sorted() {
                diagnostics.error(SourceLocation(path: source.path), "Text „t.\(key)“ fehlt in i18n/de.yml")
            }
            german[name] = text
        }
        var localizedAll = ["de": german], missingTexts: [String: [String]] = [:]
        var allDigests = digests(german), allTexts = Array(german.values)
        for language in texts.languages where language != "de" {
            var localized: [String: String] = [:], missing: Set<String> = []
            for (name, source) in sources {
                let result = texts.localized(source.text, language)
                localized[name] = result.text
                missing.formUnion(result.missing)
            }
            if !missing.isEmpty { missingTexts[language] = missing.sorted() }
            localizedAll[language] = localized
            for (name, digest) in digests(localized) { allDigests[template(name, language: language)] = digest }
            allTexts += localized.values
        }
        return ThemeMemo.Derived(texts: texts.texts, scriptJSON: texts.scriptJSON, localized: localizedAll, missingTexts: missingTexts,
                                 stencilsAllowed: allowsStencils(allTexts), templateDigests: allDigests)
    }

    fileprivate static func register(_ sources: [String: String], paths: [String: String], into diagnostics: inout Diagnostics) -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: HTMLContent.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // Line numbers count the pragma line put before the source.
                diagnostics.error(SourceLocation(path: paths[name] ?? name, line: error.context.lineNumber - 1, column: error.context.columnNumber + 1),
                                  "Vorlage kann nicht gelesen werden: \(Self.explain(error.error))")
            } catch {
                diagnostics.error(SourceLocation(path: paths[name] ?? name), "Vorlage kann nicht gelesen werden: \(error)")
            }
        }
        return library
    }

    /// The name a page of `language` renders: `service` for German, `en/service` for English.
    package static func template(_ name: String, language: String) -> String { language == "de" ? name : "\(language)/\(name)" }

    /// Splits `en/service` into its language and `service`; a German name has no language.
    private func split(_ template: String) -> (language: String?, name: String) {
        guard let slash = template.firstIndex(of: "/") else { return (nil, template) }
        return (String(template[..<slash]), String(template[template.index(after: slash)...]))
    }

    /// Whether rendering a page of `template` can show the value under `key` of an object in its
    /// context, as far as its source and those of the templates it includes tell. A quick rebuild
    /// keeps a page whose lists changed only in values its template cannot show (`PagesStep`: the
    /// built-in A–Z, authority and form pages after a summary edit).
    package enum Showing: Equatable {
        /// No tag names the key, and no tag shows a whole value.
        case never
        /// A tag names the key, shows a whole value outside a section, or the theme looks into
        /// values (no stencils: a transform or a partial chosen by a value may show anything).
        case maybe
        /// No tag names the key, and each tag that shows a whole value (`{{.}}`) is directly
        /// inside a section of one of these names: the page cannot show the key if no value
        /// under these names holds an object (`PageRenderer.holdsOnlyTexts`).
        case throughSections(Set<String>)
    }

    package func showing(_ key: String, template: String) -> Showing {
        guard stencilsAllowed else { return .maybe }
        let (language, name) = split(template)
        let sources: [String: String]?
        if let language { sources = languageLibraries[language]?.sources } else { sources = german.sources }
        guard let sources else { return .maybe }
        var sections: Set<String> = [], seen: Set<String> = [name], stack = [name]
        while let next = stack.popLast() {
            guard let text = sources[next] else { continue }
            let ns = text as NSString
            // The sections open around the current tag, innermost last: a section pushes its
            // value (its name), an inverted one nothing (""), a block or parent (`{{$…}}`,
            // `{{<…}}`) renders in a context this file does not show (nil).
            var open: [String?] = []
            for match in Self.tag.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let sigil = ns.substring(with: match.range(at: 2)), tagName = ns.substring(with: match.range(at: 3))
                switch sigil {
                case "!": continue
                case "#": open.append(tagName)
                case "^": open.append("")
                case "$", "<": open.append(nil)
                case "/": _ = open.popLast()
                case ">": if seen.insert(tagName).inserted { stack.append(tagName) }
                default:
                    if tagName == "." {
                        // The innermost section that pushed a value; "." pushes the same top again.
                        guard let inner = open.last(where: { $0 != "" }), let section = inner, section != "." else { return .maybe }
                        sections.insert(String(section.split(separator: ".").last ?? Substring(section)))
                        continue
                    }
                }
                let components = tagName.split(separator: ".")
                if components.contains(where: { $0 == key }) { return .maybe }
            }
        }
        return sections.isEmpty ? .never : .throughSections(sections)
    }

    /// Whether the theme has every text of `language` its templates use.
    package func checkTexts(for languages: [String], into diagnostics: inout Diagnostics) {
        for language in languages where language != "de" {
            if languageLibraries[language] == nil {
                diagnostics.error(SourceLocation(path: "site.yml"), "das Theme hat keine Texte für die Sprache „\(language)“ (i18n/\(language).yml)")
            } else if let missing = missingTexts[language] {
                diagnostics.error(SourceLocation(path: "i18n/\(language).yml"), "es fehlen Texte, die die Vorlagen verwenden: \(missing.joined(separator: ", "))")
            }
            for error in languageErrors(language) { diagnostics.append(error) }
            // The finder and the form fall back to their German messages: a language names all of its own.
            for (prefix, what) in [("finder_js_", "den Zuständigkeitsfinder"), ("form_js_", "das Formular")] {
                let keys = (texts.texts["de"] ?? [:]).keys.filter { $0.hasPrefix(prefix) }
                let lacking = keys.filter { texts.texts[language]?[$0] == nil }.sorted()
                if languageLibraries[language] != nil, !lacking.isEmpty {
                    diagnostics.error(SourceLocation(path: "i18n/\(language).yml"), "es fehlen Texte für \(what): \(lacking.joined(separator: ", "))")
                }
            }
        }
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

    /// Every Mustache tag: triple brace, sigil, name.
    private static let tag = try! NSRegularExpression(pattern: #"\{\{(\{?)\s*([#^/&$<>!]?)\s*([^}]*?)\s*\}?\}\}"#)
    private static let reference = try! NSRegularExpression(pattern: "\\{\\{\\s*[<>]\\s*([A-Za-z0-9_.-]+)")

    /// The templates a template names in `{{> partial}}` and `{{< parent}}`.
    private static func references(in text: String) -> Set<String> {
        let ns = text as NSString
        return Set(reference.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) })
    }

    /// `{{> partial}}` and `{{< parent}}` references, followed transitively.
    package static func digests(_ sources: [String: String]) -> [String: String] {
        var direct: [String: Set<String>] = [:]
        for (name, text) in sources { direct[name] = references(in: text) }
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
        InputReads.noteTemplate(template)
        let (language, name) = split(template)
        let library = language.flatMap { languageLibraries[$0]?.parsed.library } ?? self.library
        return library.render(context.anyValue, withTemplate: name) ?? ""
    }

    package func renderStencil(_ context: Context, template: String) -> String {
        InputReads.noteTemplate(template)
        let (language, name) = split(template)
        let stencils = language.flatMap { languageStencilTemplates[$0] } ?? stencilTemplates
        return stencils.library.render(context.anyValue, withTemplate: name) ?? ""
    }
}

/// The theme's templates with the texts of another language, parsed once by whoever needs them
/// first; with what their parsing found wrong (`Theme.checkTexts` reports it for a site that
/// publishes the language).
private final class LanguageLibrary: @unchecked Sendable {
    private let language: String
    let sources: [String: String]
    private let paths: [String: String]
    private let lock = NSLock()
    private var made: (library: MustacheLibrary, errors: [Diagnostic])?

    init(language: String, sources: [String: String], paths: [String: String]) {
        self.language = language
        self.sources = sources
        self.paths = paths
    }

    var parsed: (library: MustacheLibrary, errors: [Diagnostic]) {
        lock.withLock {
            if let made { return made }
            var broken = Diagnostics()
            let library = Theme.register(sources, paths: paths, into: &broken)
            // German is the templates' own language: its errors need no word about the texts.
            let errors = language == "de" ? broken.items : broken.items.map { d in
                Diagnostic(path: d.path, line: d.line, column: d.column, message: "mit den Texten aus i18n/\(language).yml: " + d.message)
            }
            made = (library, errors)
            return (library, errors)
        }
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
