import CCmarkGFM
import Foundation
import PortalModel
import PortalSupport

/// Markdown parsed by cmark-gfm (tables, autolinks, strikethrough, task lists), made safe for the
/// portal: raw HTML becomes visible text, links with foreign schemes and images are refused, task
/// lists become labelled checklists (`Checklist`), and root-relative links stay as written for the
/// page to make relative to itself (`Routes.relativeLinks`).
package struct MarkdownDocument {
    package struct Link: Sendable {
        package var url: String
        package var location: SourceLocation

        package init(url: String, location: SourceLocation) {
            self.url = url
            self.location = location
        }
    }

    /// The rendered sections: text before the first H2 has an empty title.
    package var sections: [(title: String, html: String, text: String)] = []
    /// Root-relative links (`/leistungen/x/`) as the editor wrote them, for the link check.
    package var internalLinks: [Link] = []

    /// URL schemes an editor may link to.
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    private static let lock = NSLock()

    private static let extensionsRegistered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// - Parameters:
    ///   - firstLine: file line of the Markdown's first line, so messages point into the file.
    ///
    /// Internal links stay root-relative (`/leistungen/x/`): the page that shows the HTML makes
    /// them relative to itself (`Routes.relativeLinks`), so Markdown need not know where it lands.
    package init(markdown: String, path: String, firstLine: Int, into diagnostics: inout Diagnostics) {
        _ = Self.extensionsRegistered
        if let (line, columns, cells) = Self.oversizedTable(markdown) {
            diagnostics.error(SourceLocation(path: path, line: line + firstLine - 1, column: 1),
                              "Tabelle ist zu groß (\(columns) Spalten, \(cells) Zellen; erlaubt sind \(Self.maximumTableColumns) Spalten und \(Self.maximumTableCells) Zellen)")
            return
        }
        if let (line, levels) = Self.tooDeeplyNested(markdown) {
            diagnostics.error(SourceLocation(path: path, line: line + firstLine - 1, column: 1),
                              "Text ist zu tief verschachtelt (\(levels) Ebenen aus Listen oder Zitaten; erlaubt sind \(Self.maximumNesting))")
            return
        }
        // cmark-gfm keeps the inline parser's table of special characters in a global that
        // attaching and freeing extensions change: parsers running at the same time made the
        // autolink extension miss links now and then (3 builds in 10 differed). So parsing and
        // freeing a parser happen one at a time; walking and rendering the tree do not use the
        // table and run in parallel.
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE
        let parsed: (parser: OpaquePointer, document: OpaquePointer?)? = Self.lock.withLock {
            guard let parser = cmark_parser_new(options) else { return nil }
            for name in ["table", "autolink", "strikethrough", "tasklist"] {
                if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
            }
            markdown.withCString { cmark_parser_feed(parser, $0, strlen($0)) }
            return (parser, cmark_parser_finish(parser))
        }
        guard let parsed else { return }
        let parser = parsed.parser
        defer { Self.lock.withLock { cmark_parser_free(parser) } }
        guard let document = parsed.document else { return }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        func location(_ node: OpaquePointer) -> SourceLocation {
            SourceLocation(path: path, line: Int(cmark_node_get_start_line(node)) + firstLine - 1,
                           column: Int(max(1, cmark_node_get_start_column(node))))
        }

        // Collect first, change afterwards: the iterator must not see a tree being edited.
        var htmlNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var imageNodes: [OpaquePointer] = []
        var topHeadings: [OpaquePointer] = []
        var taskItems: [OpaquePointer] = []
        let tasklist = cmark_find_syntax_extension("tasklist")
        let iterator = cmark_iter_new(document)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: htmlNodes.append(node)
            case CMARK_NODE_LINK: linkNodes.append(node)
            case CMARK_NODE_IMAGE: imageNodes.append(node)
            case CMARK_NODE_HEADING where cmark_node_get_heading_level(node) == 1: topHeadings.append(node)
            case CMARK_NODE_ITEM where tasklist != nil && cmark_node_get_syntax_extension(node) == tasklist: taskItems.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)

        for node in htmlNodes {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            diagnostics.warning(location(node), "HTML ist in Texten nicht erlaubt und wird als Text angezeigt: „\(Self.abbreviate(literal))“")
            let text = cmark_node_new(CMARK_NODE_TEXT)
            cmark_node_set_literal(text, literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
        for node in linkNodes {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            switch Self.classify(url) {
            case .external, .fragment:
                break
            case .forbidden(let scheme):
                diagnostics.error(location(node), "Link-Schema „\(scheme):“ ist nicht erlaubt (erlaubt: http, https, mailto, tel)")
                cmark_node_set_url(node, "")
            case .rootRelative:
                internalLinks.append(Link(url: url, location: location(node)))
            case .relative:
                diagnostics.error(location(node), "relativer Link „\(url)“: Links innerhalb des Portals beginnen mit „/“, z. B. „/\(Routes.service("personalausweis-beantragen"))“")
            }
        }
        for node in imageNodes {
            diagnostics.error(location(node), "Bilder werden in Texten nicht unterstützt (Bilder fremder Server würden Daten der Besucher preisgeben)")
        }
        for node in topHeadings {
            diagnostics.warning(location(node), "Überschriften der Ebene 1 („# …“) sind dem Seitentitel vorbehalten; sie werden als Abschnitt („## …“) gezeigt")
            cmark_node_set_heading_level(node, 2)
        }
        for node in taskItems where !Checklist.hasText(node) {
            diagnostics.error(location(node), "leerer Punkt in einer Checkliste: nach „[ ]“ oder „[x]“ gehört ein Text, der sagt, was abzuhaken ist")
        }

        var checkboxes = 0
        // Split the top-level blocks into sections at each H2.
        var groups: [(title: String, nodes: [OpaquePointer])] = [("", [])]
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            if cmark_node_get_type(node) == CMARK_NODE_HEADING, cmark_node_get_heading_level(node) == 2 {
                groups.append((Self.plainText(node, extensions).trimmingCharacters(in: .whitespacesAndNewlines), []))
                cmark_node_unlink(node)
                cmark_node_free(node)
            } else {
                groups[groups.count - 1].nodes.append(node)
            }
        }
        for group in groups {
            if group.title.isEmpty && group.nodes.isEmpty { continue }
            guard let sectionRoot = cmark_node_new(CMARK_NODE_DOCUMENT) else { continue }
            for node in group.nodes {
                cmark_node_unlink(node)
                cmark_node_append_child(sectionRoot, node)
            }
            // The text for search and the form stub is taken before the checklist's own markup goes in.
            let text = Self.plainText(sectionRoot, extensions)
            let ours = Checklist.makeAccessible(in: sectionRoot, tasklist: tasklist, numbering: &checkboxes)
            let html = Self.html(sectionRoot, extensions, withOwnHTML: ours)
            cmark_node_free(sectionRoot)
            sections.append((group.title, html, text))
        }
        Self.numberTables(&sections)
    }

    /// Each table sits in a scrollable region labelled "Tabelle"; with several tables on one page
    /// the regions need different names (axe: landmark-unique), so they are numbered in order.
    private static func numberTables(_ sections: inout [(title: String, html: String, text: String)]) {
        let label = "aria-label=\"Tabelle\""
        // Most documents have no table or one: strstr first, splitting only where tables are.
        let withTables = sections.indices.filter { i in sections[i].html.withCString { strstr($0, label) != nil } }
        guard let first = withTables.first,
              withTables.count > 1 || sections[first].html.components(separatedBy: label).count > 2 else { return }
        var number = 0
        for i in withTables {
            var parts = sections[i].html.components(separatedBy: label)
            var out = parts.removeFirst()
            for part in parts {
                number += 1
                out += "aria-label=\"Tabelle \(number)\"" + part
            }
            sections[i].html = out
        }
    }

    /// Lists and quotes may nest this deep; real texts use three or four levels. cmark-gfm's time
    /// grows with the square of the nesting, so deeper input is refused before it is parsed.
    package static let maximumNesting = 32

    /// The first line (1-based) whose leading list and quote markers, or indentation, exceed the
    /// limit, and how many levels it has.
    package static func tooDeeplyNested(_ markdown: String) -> (line: Int, levels: Int)? {
        var lineNumber = 0
        for line in markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var levels = 0, indent = 0, i = line.startIndex
            while i < line.endIndex {
                let byte = line[i]
                if byte == 0x20 { indent += 1 }
                else if byte == 0x09 { indent += 4 }
                else if byte == 0x3E { levels += 1 }                                   // >
                else if byte == 0x2D || byte == 0x2A || byte == 0x2B {                  // - * +
                    let next = line.index(after: i)
                    if next < line.endIndex, line[next] != 0x20, line[next] != 0x09 { break }
                    levels += 1
                } else if (0x30...0x39).contains(byte) {                                // 1. 1)
                    var j = i
                    while j < line.endIndex, (0x30...0x39).contains(line[j]) { j = line.index(after: j) }
                    guard j < line.endIndex, line[j] == 0x2E || line[j] == 0x29 else { break }
                    levels += 1
                    i = j
                } else { break }
                i = line.index(after: i)
            }
            // Nesting by indentation alone takes at least two columns per level.
            let deepest = max(levels, indent / 2)
            if deepest > maximumNesting { return (lineNumber, deepest) }
        }
        return nil
    }

    /// cmark-gfm pads every table row to the header's width, and its time grows faster than the
    /// number of cells (a 19 KB table took over a minute and 2.8 GB). Fee tables have a handful
    /// of columns; these limits are far above any real table.
    package static let maximumTableColumns = 64
    package static let maximumTableCells = 20_000

    /// The first line of a table (or of any line) that exceeds the limits: `|` per line, and
    /// columns × rows for a header followed by a delimiter row.
    package static func oversizedTable(_ markdown: String) -> (line: Int, columns: Int, cells: Int)? {
        let lines = markdown.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        /// Cells of a table row: the pipes, plus one, less the outer pipes.
        func cells(_ line: Substring.UTF8View.SubSequence) -> Int {
            let pipes = line.reduce(0) { $0 + ($1 == 0x7C ? 1 : 0) }
            guard pipes > 0 else { return 0 }
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            let leading = trimmed.last == 0x7C ? 1 : 0, trailing = trimmed.first == 0x7C ? 1 : 0
            return max(1, pipes + 1 - leading - trailing)
        }
        func isDelimiterRow(_ line: Substring.UTF8View.SubSequence) -> Bool {
            line.contains(0x2D) && line.contains(0x7C) && line.allSatisfy { [0x7C, 0x2D, 0x3A, 0x20, 0x09, 0x0D].contains($0) }
        }
        var i = 0
        while i < lines.count {
            let count = cells(lines[i])
            if count > maximumTableColumns { return (i + 1, count, count) }
            if count > 0, i + 1 < lines.count, isDelimiterRow(lines[i + 1]) {
                let columns = max(count, cells(lines[i + 1]))
                var rows = 2
                var j = i + 2
                while j < lines.count, !lines[j].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { rows += 1; j += 1 }
                if columns * rows > maximumTableCells { return (i + 1, columns, columns * rows) }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }

    package enum LinkKind: Equatable {
        case external, fragment, rootRelative, relative
        case forbidden(String)
    }

    package static func classify(_ url: String) -> LinkKind {
        // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
        let compact = String(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        if compact.hasPrefix("#") { return .fragment }
        if compact.hasPrefix("//") { return .external }
        if compact.hasPrefix("/") { return .rootRelative }
        if let colon = compact.firstIndex(of: ":") {
            let scheme = compact[..<colon]
            if !scheme.isEmpty, !scheme.contains(where: { "/?#".contains($0) }) {
                let lower = scheme.lowercased()
                return allowedSchemes.contains(lower) ? .external : .forbidden(lower)
            }
        }
        return compact.isEmpty ? .forbidden("leer") : .relative
    }

    /// - Parameter withOwnHTML: the tree holds HTML nodes the build made (`Checklist`), which the
    ///   default (safe) rendering would drop; editors' HTML is always turned into text first.
    package static func html(_ node: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?, withOwnHTML: Bool = false) -> String {
        guard let raw = cmark_render_html(node, withOwnHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT, extensions) else { return "" }
        defer { free(raw) }
        return wrapTables(String(cString: raw))
    }

    package static func plainText(_ node: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        guard let raw = cmark_render_plaintext(node, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Wide fee tables scroll inside their own focusable region instead of the whole page (WCAG 1.4.10).
    package static func wrapTables(_ html: String) -> String {
        // strstr: Foundation's `contains` (CFString) and the generic `firstRange(of:)` both showed in profiles.
        guard html.withCString({ strstr($0, "<table>") != nil }) else { return html }
        var out = html
            .replacingOccurrences(of: "<table>", with: "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Tabelle\"><table>")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
        // Column alignment as classes (portal.css): cmark-gfm's `align="…"` is obsolete HTML, and
        // its `style` alternative is blocked by the CSP. Text cannot contain `align="` (quotes are
        // escaped), so these are cmark's attributes. Left is the default.
        if out.withCString({ strstr($0, " align=\"") != nil }) {
            out = out.replacingOccurrences(of: " align=\"left\"", with: "")
                .replacingOccurrences(of: " align=\"center\"", with: " class=\"align-center\"")
                .replacingOccurrences(of: " align=\"right\"", with: " class=\"align-right\"")
        }
        return out
    }

    package static func abbreviate(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        return flat.count > 40 ? String(flat.prefix(40)) + "…" : flat
    }
}
