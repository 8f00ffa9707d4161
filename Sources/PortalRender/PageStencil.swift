import Foundation
import Mustache
import PortalSupport

/// Renders each distinct *shape* of page once through Mustache and fills in the values of every
/// further page of that shape by concatenation. Rendering a Mustache tag costs about 3 µs in
/// swift-mustache (a third of it dynamic casts), and 2,000 form pages that differ only in their
/// texts run the same ~500 tags each.
///
/// A shape is everything Mustache decides by: the template, every dictionary's keys, every list's
/// length, every boolean, and for each text whether it is empty and whether it ends with a line
/// break (partial indentation depends on both). Texts and numbers are the *leaves*. The stencil of
/// a shape is its page rendered with a unique marker in place of each leaf; a marker that passed
/// through `{{…}}` comes out in a second form (see `StencilContent`), so filling knows which
/// leaves to escape. Within a shape Mustache runs the same tokens the same way and only copies
/// leaves, which is why filling gives the same bytes.
///
/// Safety: the theme must not use what looks *into* a value (transforms such as `uppercased(x)`,
/// dynamic partials, other content types, changed delimiters; see `Theme.stencilsAllowed`), and a
/// shape's stencil is only used after it reproduced the second page of that shape exactly.
package final class PageStencils: @unchecked Sendable {
    private let theme: Theme
    private let lock = NSLock()
    private var shapes: [[UInt8]: State] = [:]
    private var filledCount = 0
    /// How many pages were filled from a stencil, for the verbose summary and the tests.
    package var filled: Int { lock.withLock { filledCount } }
    /// Distinct shapes seen.
    package var shapeCount: Int { lock.withLock { shapes.count } }

    private enum State {
        /// Seen once. Nothing of that page is kept: most shapes of large sites occur once (a
        /// Kreis page with its own list of services), and keeping their leaves cost ~30 MiB at
        /// Germany scale. The second page of a shape checks the stencil against itself.
        case seen
        case stencil(Stencil)
        /// The stencil did not reproduce a page: this shape is always rendered directly.
        case direct
    }

    package init(theme: Theme) {
        self.theme = theme
    }

    /// - Parameter shape: `Shape(context, template:)` if the caller has it already.
    package func render(_ context: Context, template: String, shape known: Shape? = nil) -> String {
        InputReads.noteTemplate(template)
        guard theme.stencilsAllowed else { return theme.render(context, template: template) }
        let shape = known ?? Shape(context, template: template)
        switch lock.withLock({ shapes[shape.key] }) {
        case nil:
            let html = theme.render(context, template: template)
            lock.withLock { if shapes[shape.key] == nil { shapes[shape.key] = .seen } }
            return html
        case .seen:
            // The second page of a shape: rendered directly, and the stencil is kept only if it
            // gives exactly these bytes.
            let html = theme.render(context, template: template)
            let stencil = Stencil(theme.renderStencil(Shape.markers(context), template: template), leafCount: shape.leaves.count)
            guard let stencil, stencil.fill(shape.leaves) == html else {
                lock.withLock { shapes[shape.key] = .direct }
                return html
            }
            lock.withLock { shapes[shape.key] = .stencil(stencil) }
            return html
        case .stencil(let stencil):
            lock.withLock { filledCount += 1 }
            return stencil.fill(shape.leaves)
        case .direct:
            return theme.render(context, template: template)
        }
    }

    /// Marker of leaf `k` as put into the context, and as it comes out of `{{…}}` (escaped).
    package static let rawOpen: Unicode.Scalar = "\u{E000}", rawClose: Unicode.Scalar = "\u{E001}"
    package static let escapedOpen: Unicode.Scalar = "\u{E002}", escapedClose: Unicode.Scalar = "\u{E003}"

    package static func marker(_ k: Int) -> String { "\u{E000}\u{0}\(k)\u{E001}" }
}

/// The shape key and the leaves of one context, in a fixed walk order (dictionary keys sorted).
/// The key is bytes, not a digest: two shapes must never share a stencil, whatever editors write.
package struct Shape {
    package var key: [UInt8]
    package var leaves: [String]

    package init(_ context: Context, template: String) {
        var key: [UInt8] = []
        key.reserveCapacity(1024)
        key.append(contentsOf: template.utf8)
        key.append(0)
        var leaves: [String] = []
        Self.walk(.object(context), key: &key, leaves: &leaves)
        self.key = key
        self.leaves = leaves
    }

    private static func leaf(_ text: String, key: inout [UInt8], leaves: inout [String]) {
        // Empty and ending in a line break change how Mustache indents partials: part of the shape.
        key.append(text.isEmpty ? UInt8(ascii: "e") : text.utf8.last == 0x0A ? UInt8(ascii: "n") : UInt8(ascii: "s"))
        leaves.append(text)
    }

    private static func walk(_ value: ContextValue, key: inout [UInt8], leaves: inout [String]) {
        switch value {
        case .string(let s):
            leaf(s, key: &key, leaves: &leaves)
        case .bool(let b):
            key.append(b ? UInt8(ascii: "T") : UInt8(ascii: "F"))
        case .int(let i):
            // Mustache prints an Int as String(describing:) gives it.
            leaf(String(i), key: &key, leaves: &leaves)
        case .object(let object):
            key.append(UInt8(ascii: "{"))
            for (k, v) in object.sorted(by: { $0.key < $1.key }) {
                // Length-prefixed: keys come from editors too (`extra:`), and `{a:{b:` must not
                // read the same as a key that contains those characters.
                let count = k.utf8.count
                for shift in [24, 16, 8, 0] { key.append(UInt8(truncatingIfNeeded: count >> shift)) }
                key.append(contentsOf: k.utf8)
                walk(v, key: &key, leaves: &leaves)
            }
            key.append(UInt8(ascii: "}"))
        case .list(let list):
            key.append(UInt8(ascii: "["))
            for item in list { walk(item, key: &key, leaves: &leaves) }
            key.append(UInt8(ascii: "]"))
        }
    }

    /// The context with each leaf replaced by its marker (same walk order as `init`).
    package static func markers(_ context: Context) -> Context {
        var k = 0
        func replace(_ value: ContextValue) -> ContextValue {
            switch value {
            case .string, .int:
                defer { k += 1 }
                return .string(PageStencils.marker(k))
            case .object(let object):
                var out: [String: ContextValue] = [:]
                for key in object.keys.sorted() { out[key] = replace(object[key]!) }
                return .object(out)
            case .list(let list):
                return .list(list.map(replace))
            case .bool:
                return value
            }
        }
        var out: Context = [:]
        for key in context.keys.sorted() { out[key] = replace(context[key]!) }
        return out
    }
}

/// A page rendered with markers, cut into text and leaf references.
package struct Stencil {
    package enum Piece {
        case text(String)
        case raw(Int)
        case escaped(Int)
    }

    package let pieces: [Piece]
    /// Bytes of text outside the leaves.
    package let size: Int

    /// Nil if a marker is malformed or names a leaf that does not exist.
    package init?(_ rendered: String, leafCount: Int) {
        var pieces: [Piece] = []
        var text = String.UnicodeScalarView()
        var scalars = rendered.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == PageStencils.rawOpen || scalar == PageStencils.escapedOpen else {
                // Any other marker character (a poisoned value, see `StencilContent`): no stencil.
                if (0xE000...0xE004).contains(scalar.value) { return nil }
                text.append(scalar)
                continue
            }
            // A marker is open, NUL, decimal digits, close. Anything else (such as a marker that
            // went through `String(describing:)`, which writes NUL as `\0`) refuses the stencil.
            let close = scalar == PageStencils.rawOpen ? PageStencils.rawClose : PageStencils.escapedClose
            guard scalars.next() == "\u{0}" else { return nil }
            var number = 0, digits = 0
            var closed = false
            while let d = scalars.next() {
                if d == close { closed = true; break }
                guard d.value >= 0x30, d.value <= 0x39, digits < 9 else { return nil }
                number = number * 10 + Int(d.value - 0x30)
                digits += 1
            }
            guard closed, digits > 0, number < leafCount else { return nil }
            if !text.isEmpty { pieces.append(.text(String(text))); text = String.UnicodeScalarView() }
            pieces.append(scalar == PageStencils.rawOpen ? .raw(number) : .escaped(number))
        }
        if !text.isEmpty { pieces.append(.text(String(text))) }
        self.pieces = pieces
        size = pieces.reduce(0) { if case .text(let s) = $1 { return $0 + s.utf8.count }; return $0 }
    }

    package func fill(_ leaves: [String]) -> String {
        var out = ""
        out.reserveCapacity(size + leaves.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces {
            switch piece {
            case .text(let s): out += s
            case .raw(let k): out += leaves[k]
            case .escaped(let k): out += HTML.escape(leaves[k])
            }
        }
        return out
    }
}

/// The escaping of stencil renders (`PageStencils`): a value that is exactly one leaf marker comes
/// out as the escaped form of that marker, so filling knows to escape the leaf there. Any other
/// value is escaped as `HTMLContent` does; if it contains marker characters anyway (a list printed
/// whole), it becomes a poison character and the stencil is refused.
package struct StencilContent: PortalContentType {
    package static let name = "PORTAL_STENCIL"

    package func escapeText(_ text: String) -> String {
        let scalars = text.unicodeScalars
        if scalars.first == PageStencils.rawOpen, scalars.last == PageStencils.rawClose,
           !scalars.dropFirst().dropLast().contains(where: { $0 == PageStencils.rawOpen || $0 == PageStencils.rawClose }) {
            var out = String.UnicodeScalarView()
            out.append(PageStencils.escapedOpen)
            out.append(contentsOf: scalars.dropFirst().dropLast())
            out.append(PageStencils.escapedClose)
            return String(out)
        }
        if scalars.contains(where: { (0xE000...0xE003).contains($0.value) }) { return "\u{E004}" }
        return HTML.escape(text)
    }
}
