import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PortalModel

/// An XML file read into elements with their line and column, by FoundationXML's `XMLParser`
/// (libxml2 underneath, shipped with every Swift toolchain on Linux, so no system-library
/// target is needed). A document type declaration is refused before parsing: FIM files never
/// carry one, and without it there are no entities to expand (no XXE, no billion laughs);
/// external entities are off in `XMLParser` as well.
package final class XMLTreeElement {
    package let name: String
    package let namespace: String
    package let attributes: [String: String]
    /// Byte offset of the element's `<` in the file (`XMLSourceMap` turns it into line and column).
    package let offset: Int
    package var children: [XMLTreeElement] = []
    package var text = ""

    init(name: String, namespace: String, attributes: [String: String], offset: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.offset = offset
    }

    /// Children with this local name.
    package func all(_ name: String) -> [XMLTreeElement] { children.filter { $0.name == name } }
    package func first(_ name: String) -> XMLTreeElement? { children.first { $0.name == name } }
    /// The trimmed text of a child, nil when absent or empty.
    package func value(_ name: String) -> String? {
        guard let t = first(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }
}

package enum XMLTree {
    /// Documented in docs/content-format.md: a schema or code list larger than this, or nested
    /// deeper, is refused.
    package static let maxBytes = 20_000_000
    package static let maxDepth = 64
    package static let maxElements = 500_000

    /// The root element and the map to its lines, or nil with the error in `diagnostics`.
    /// - Parameter skipping: names of elements whose whole subtree the caller never reads; they
    ///   are parsed (and count toward the limits) but not kept. A FIM schema's `relation`s are 19 of
    ///   20 elements of the 3.5 MB one.
    package static func parse(_ data: Data, path: String, skipping: Set<String> = [], into diagnostics: inout Diagnostics) -> (root: XMLTreeElement, map: XMLSourceMap)? {
        guard data.count <= maxBytes else {
            diagnostics.error(SourceLocation(path: path), "Datei ist zu groß (\(data.count) Bytes, höchstens \(maxBytes) Bytes)")
            return nil
        }
        // FoundationXML traps on a name that is not UTF-8 (libxml2 lets some through): a file
        // that is not UTF-16 must be valid UTF-8, as FIM's and XRepository's exports are.
        let littleEndian = data.starts(with: [0xFF, 0xFE])
        if littleEndian || data.starts(with: [0xFE, 0xFF]) {
            if let offset = firstInvalidUTF16(in: data, littleEndian: littleEndian) {
                diagnostics.error(SourceLocation(path: path), "ungültiges UTF-16 bei Byte \(offset); speichern Sie die Datei als UTF-8")
                return nil
            }
        } else if String(validatingUTF8Data: data) == nil || find([0], in: data) != nil {
            // A NUL byte is valid UTF-8 but never XML; without a byte order mark it would let
            // libxml2 guess UTF-16 and read names this check never saw.
            let (offset, line, column) = SourceFile.firstInvalidUTF8(in: data, refusingNUL: true)
            diagnostics.error(SourceLocation(path: path, line: line, column: column), "ungültiges UTF-8 bei Byte \(offset); speichern Sie die Datei als UTF-8")
            return nil
        }
        // In whichever encoding the file declares: UTF-8 (and ASCII), or UTF-16 either way round.
        let ascii: [UInt8] = Array("<!DOCTYPE".utf8)
        let doctype: [[UInt8]] = [ascii, ascii.flatMap { [$0, 0] }, ascii.flatMap { [0, $0] }]
        if let at = doctype.lazy.compactMap({ find($0, in: data) }).first {
            let (line, column) = position(of: at, in: data)
            diagnostics.error(SourceLocation(path: path, line: line, column: column),
                              "Dokumenttyp-Deklaration (<!DOCTYPE>) ist nicht erlaubt: sie kann Entitäten definieren, die beim Lesen wachsen oder fremde Dateien einbinden")
            return nil
        }
        let map = XMLSourceMap(data, path: path)
        let builder = TreeBuilder(map, skipping: skipping)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        // `parse()` answers true on Linux even after an error; the error itself is reliable.
        let ok = parser.parse()
        if let (line, column, message) = builder.failure {
            diagnostics.error(SourceLocation(path: path, line: line, column: column), message)
            return nil
        }
        if let (code, line, column) = builder.parseError ?? (parser.parserError as NSError?).map({ ($0.code, parser.lineNumber, parser.columnNumber) }) {
            diagnostics.error(SourceLocation(path: path, line: line, column: column), "kein wohlgeformtes XML: \(describe(code))")
            return nil
        }
        guard ok, let root = builder.root else {
            diagnostics.error(SourceLocation(path: path), "kein wohlgeformtes XML: kein Wurzelelement")
            return nil
        }
        return (root, map)
    }

    /// libxml2's error codes (the message itself does not reach Swift on Linux), the common ones in words.
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: return "das Dokument ist leer"
        case 5: return "das Dokument endet vorzeitig (fehlt ein schließendes Tag?)"
        case 9: return "ungültiges Zeichen"
        case 26, 27: return "unbekannte Entität (erlaubt sind nur &lt; &gt; &amp; &quot; &apos; und Zeichenreferenzen)"
        case 38, 39, 40, 41: return "fehlerhaftes Attribut (Wert in Anführungszeichen?)"
        case 68: return "Name erwartet (steht ein „<“ oder „&“ unmaskiert im Text?)"
        case 73: return "„>“ fehlt"
        case 76: return "das schließende Tag passt nicht zum öffnenden"
        case 77: return "ein Tag ist nicht abgeschlossen"
        case 201: return "Namensraum-Präfix ohne Deklaration"
        default: return "Fehler \(code) des XML-Parsers (libxml2)"
        }
    }

    /// The first offset of `needle` in `data`, jumping from one candidate first byte to the next
    /// with `memchr` (`Data.range(of:)` took a tenth of the time to read a 3.5 MB schema).
    static func find(_ needle: [UInt8], in data: Data) -> Int? {
        guard let first = needle.first else { return nil }
        return data.withUnsafeBytes { (haystack: UnsafeRawBufferPointer) -> Int? in
            guard let base = haystack.baseAddress else { return nil }
            var from = 0
            while from + needle.count <= haystack.count,
                  let hit = memchr(base + from, Int32(first), haystack.count - from - needle.count + 1) {
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, needle, needle.count) == 0 { return at }
                from = at + 1
            }
            return nil
        }
    }

    /// The byte offset of the first code unit that is not part of valid UTF-16 (a lone or
    /// reversed surrogate, or an odd last byte), nil when the whole file after the BOM is valid.
    static func firstInvalidUTF16(in data: Data, littleEndian: Bool) -> Int? {
        let bytes = [UInt8](data)
        var i = 2
        while i < bytes.count {
            guard i + 1 < bytes.count else { return i }
            let unit = littleEndian ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            switch unit {
            case 0xD800...0xDBFF:
                guard i + 3 < bytes.count else { return i }
                let next = littleEndian ? UInt16(bytes[i + 2]) | UInt16(bytes[i + 3]) << 8 : UInt16(bytes[i + 2]) << 8 | UInt16(bytes[i + 3])
                guard (0xDC00...0xDFFF).contains(next) else { return i }
                i += 4
            case 0xDC00...0xDFFF, 0:
                return i
            default:
                i += 2
            }
        }
        return nil
    }

    static func position(of offset: Int, in data: Data) -> (Int, Int) {
        var line = 1, column = 1
        for byte in data[data.startIndex..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }
}

/// Lines of an XML file: where each starts, so that an element's byte offset becomes the line
/// and column (in characters) of a message, computed only for the elements that have one.
package struct XMLSourceMap {
    let bytes: [UInt8]
    let lineStarts: [Int]
    let path: String

    init(_ data: Data, path: String) {
        bytes = [UInt8](data)
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == 0x0A { starts.append(i + 1) }
        lineStarts = starts
        self.path = path
    }

    /// libxml2 reports an element at the last byte of its start tag (line and byte column); the
    /// message should point at its `<`.
    func tagStart(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 0 }
        var i = min(lineStarts[line - 1] + max(column - 1, 0), bytes.count - 1)
        while i > 0, bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return max(i, 0)
    }

    package func location(_ element: XMLTreeElement) -> SourceLocation {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= element.offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        for byte in bytes[lineStarts[low]..<min(element.offset, bytes.count)] where byte & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(path: path, line: low + 1, column: column)
    }
}

/// Builds the element tree from `XMLParser`'s events, within the documented limits.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    let map: XMLSourceMap
    let skipping: Set<String>
    /// Depth inside a skipped subtree (0: keeping elements).
    var skipDepth = 0
    init(_ map: XMLSourceMap, skipping: Set<String>) {
        self.map = map
        self.skipping = skipping
    }

    var root: XMLTreeElement?
    var stack: [XMLTreeElement] = []
    var count = 0
    var failure: (Int, Int, String)?
    /// The first error libxml2 reported, where it was.
    var parseError: (Int, Int, Int)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if self.parseError == nil { self.parseError = ((parseError as NSError).code, parser.lineNumber, parser.columnNumber) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        count += 1
        if stack.count + skipDepth >= XMLTree.maxDepth || count > XMLTree.maxElements {
            failure = (parser.lineNumber, parser.columnNumber, stack.count + skipDepth >= XMLTree.maxDepth
                ? "XML ist zu tief verschachtelt (mehr als \(XMLTree.maxDepth) Ebenen)"
                : "XML hat zu viele Elemente (mehr als \(XMLTree.maxElements))")
            parser.abortParsing()
            return
        }
        if skipDepth > 0 || (!stack.isEmpty && skipping.contains(elementName)) {
            skipDepth += 1
            return
        }
        let element = XMLTreeElement(name: elementName, namespace: namespaceURI ?? "", attributes: attributes,
                                     offset: map.tagStart(line: parser.lineNumber, column: parser.columnNumber))
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if skipDepth > 0 { skipDepth -= 1 } else { stack.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if skipDepth == 0 { stack.last?.text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if skipDepth == 0 { stack.last?.text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
