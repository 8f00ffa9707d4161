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

    package init(title: String? = nil, items: [FormItem]) {
        self.title = title
        self.items = items
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
    /// As `FormField.labelLanguage` and `hintLanguage`.
    public var labelLanguage: String?
    public var hintLanguage: String?

    package init(id: String, label: String, hint: String? = nil, fields: [FormField]) {
        self.id = id
        self.label = label
        self.hint = hint
        self.fields = fields
    }
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
    /// The options' labels where they differ from the values sent (a translated form).
    public var optionLabels: [String]?
    /// The language of `label` and of `hint` where it is not the page's (a translated form whose
    /// translation lacks this field, or its hint).
    public var labelLanguage: String?
    public var hintLanguage: String?

    package init(id: String, label: String, kind: Kind, required: Bool, hint: String? = nil, autocomplete: String? = nil, pattern: String? = nil, min: String? = nil, max: String? = nil, maxlength: Int? = nil, accept: String? = nil, options: [String]) {

        self.id = id

        self.label = label

        self.kind = kind

        self.required = required

        self.hint = hint

        self.autocomplete = autocomplete

        self.pattern = pattern

        self.min = min

        self.max = max

        self.maxlength = maxlength

        self.accept = accept

        self.options = options

    }

}
