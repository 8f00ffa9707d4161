/// A value of a page's context or of a JSON data file: text, whole number, yes/no, list or object.
/// Typed, so that everything that walks a context (shapes, fingerprints, the build cache, JSON,
/// the hand-over to Mustache) switches over it instead of casting `Any`; profiles of the
/// `[String: Any]` contexts put a fifth of a clean build's CPU time into Swift's dynamic casts.
package enum ContextValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([ContextValue])
    case object([String: ContextValue])

    /// The text, if this is one.
    package var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// As swift-mustache takes it: String, Int, Bool, arrays and dictionaries of those.
    package var anyValue: Any {
        switch self {
        case .string(let s): return s
        case .int(let i): return i
        case .bool(let b): return b
        case .list(let items): return items.map(\.anyValue)
        case .object(let object): return object.mapValues(\.anyValue)
        }
    }

    package static func strings(_ list: [String]) -> ContextValue { .list(list.map(ContextValue.string)) }
    package static func strings(_ object: [String: String]) -> ContextValue { .object(object.mapValues(ContextValue.string)) }
}

/// A page's context: what its template sees.
package typealias Context = [String: ContextValue]

extension [String: ContextValue] {
    /// As swift-mustache takes it.
    package var anyValue: [String: Any] { mapValues(\.anyValue) }
}

extension ContextValue: ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(stringInterpolation: DefaultStringInterpolation) { self = .string(String(stringInterpolation: stringInterpolation)) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: ContextValue...) { self = .list(elements) }
    package init(dictionaryLiteral elements: (String, ContextValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
