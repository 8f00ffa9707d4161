/// A service's form definition (`form:` in the front matter).
public struct Form: Sendable {
    public var title: String?
    public var items: [FormItem]

    /// Every field, groups flattened, in order.
    public var allFields: [FormField] {
        items.flatMap { item -> [FormField] in
            switch item {
            case .field(let f): return [f]
            case .group(let g): return g.fields
            }
        }
    }
}

public enum FormItem: Sendable {
    case field(FormField)
    case group(FormGroup)
}

/// A group of fields, shown as a fieldset with a legend.
public struct FormGroup: Sendable {
    public var id: String
    public var label: String
    public var hint: String?
    public var fields: [FormField]
}

public struct FormField: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case text, email, tel, number, date, textarea, select, radio, checkboxes, checkbox, file
    }

    public var id: String
    public var label: String
    public var kind: Kind
    public var required: Bool
    public var hint: String?
    public var autocomplete: String?
    public var pattern: String?
    public var min: String?
    public var max: String?
    public var maxlength: Int?
    public var accept: String?
    public var options: [String]
}
