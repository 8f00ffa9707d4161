/// A form from a FIM Stammdatenschema (XDatenfelder 3.0.0, `form_schema:` in a service's front
/// matter, spec v2): the schema's structure in its order, with what of each element shapes a form.
/// Code lists are already resolved (or known to be missing) when the load stage hands it on.
public struct FormSchema: Sendable {
    public var id: String
    public var version: String
    public var name: String
    /// Relative to the content folder: `forms/<file>.xdf.xml`.
    public var path: String
    public var legalBasis: [LegalReference]
    /// Rules of the schema itself (not of a group): shown above the form.
    public var rules: [FormRule]
    public var items: [SchemaItem]

    package init(id: String, version: String, name: String, path: String, legalBasis: [LegalReference], rules: [FormRule], items: [SchemaItem]) {
        self.id = id
        self.version = version
        self.name = name
        self.path = path
        self.legalBasis = legalBasis
        self.rules = rules
        self.items = items
    }

    /// Every element occurrence, depth first, in form order.
    public func forEach(_ body: (SchemaItem, _ depth: Int) -> Void) {
        func walk(_ items: [SchemaItem], _ depth: Int) {
            for item in items {
                body(item, depth)
                if case .group(let g) = item.element { walk(g.items, depth + 1) }
            }
        }
        walk(items, 0)
    }
}

/// One `struktur` entry: an element and how often it occurs there (`anzahl` "min:max").
public struct SchemaItem: Sendable {
    public enum Element: Sendable {
        case group(SchemaGroup)
        case field(SchemaField)
    }

    public var element: Element
    public var occurs: Occurrence
    /// `bezug` of the `struktur` entry: the legal basis of using the element here.
    public var legalBasis: [LegalReference]

    package init(element: Element, occurs: Occurrence, legalBasis: [LegalReference] = []) {
        self.element = element
        self.occurs = occurs
        self.legalBasis = legalBasis
    }

    public var id: String {
        switch element {
        case .group(let g): return g.id
        case .field(let f): return f.id
        }
    }
}

/// `anzahl` "min:max"; `max` nil for `*`.
public struct Occurrence: Sendable, Equatable {
    public var min: Int
    public var max: Int?

    package init(min: Int, max: Int?) {
        self.min = min
        self.max = max
    }

    public var isOptional: Bool { min == 0 }
    public var repeats: Bool { max.map { $0 > 1 } ?? true }
}

/// A `datenfeldgruppe`: a fieldset with a legend.
public struct SchemaGroup: Sendable {
    public var id: String
    public var label: String
    public var hint: String?
    public var rules: [FormRule]
    public var items: [SchemaItem]

    package init(id: String, label: String, hint: String?, rules: [FormRule], items: [SchemaItem]) {
        self.id = id
        self.label = label
        self.hint = hint
        self.rules = rules
        self.items = items
    }
}

/// A `datenfeld`.
public struct SchemaField: Sendable {
    /// `feldart`.
    public enum Kind: String, Sendable, CaseIterable {
        case input, select, label, hidden, locked
    }

    /// `datentyp`.
    public enum DataType: String, Sendable, CaseIterable {
        case text, textLatin = "text_latin", date, time, datetime, bool, num, numInt = "num_int", numCurrency = "num_currency", file, obj
    }

    public var id: String
    public var label: String
    public var hint: String?
    public var kind: Kind
    public var dataType: DataType
    public var minLength: Int?
    public var maxLength: Int?
    public var minValue: String?
    public var maxValue: String?
    public var pattern: String?
    /// `inhalt`: the fixed text of a label field, or the value of a locked one.
    public var content: String?
    /// `mediaType` of a file field (several allowed).
    public var mediaTypes: [String]
    /// `maxSize` of a file field, in bytes.
    public var maxSize: Int?
    /// The choices of a select: inline `werte`, or the rows of a resolved code list.
    public var values: [CodeValue]
    /// The `codelisteReferenz`, if the choices come from a code list.
    public var codeList: CodeListUse?
    /// Rules of the field itself (shown as hints at the field where `shown`).
    public var rules: [FormRule] = []
    /// `vorbefuellung` other than `keine`: the value may come from another source (an account,
    /// a register). A static form has none; the report names these fields.
    public var prefill: String?

    package init(id: String, label: String, hint: String?, kind: Kind, dataType: DataType, minLength: Int? = nil, maxLength: Int? = nil,
                 minValue: String? = nil, maxValue: String? = nil, pattern: String? = nil, content: String? = nil,
                 mediaTypes: [String] = [], maxSize: Int? = nil, values: [CodeValue] = [], codeList: CodeListUse? = nil) {
        self.id = id
        self.label = label
        self.hint = hint
        self.kind = kind
        self.dataType = dataType
        self.minLength = minLength
        self.maxLength = maxLength
        self.minValue = minValue
        self.maxValue = maxValue
        self.pattern = pattern
        self.content = content
        self.mediaTypes = mediaTypes
        self.maxSize = maxSize
        self.values = values
        self.codeList = codeList
    }
}

/// One choice: the code is what is sent, the name what a citizen reads.
public struct CodeValue: Sendable, Equatable {
    public var code: String
    public var name: String
    public var help: String?

    package init(code: String, name: String, help: String? = nil) {
        self.code = code
        self.name = name
        self.help = help
    }
}

/// A `codelisteReferenz` and what the build made of it.
public struct CodeListUse: Sendable {
    /// `canonicalIdentification`, e.g. `urn:de:bund:destatis:bevoelkerungsstatistik:schluessel:staat`.
    public var list: String
    /// The version the schema names, if any.
    public var wantedVersion: String?
    /// The code list file used (`forms/codelists/<file>`), its name and version; nil when no file
    /// for the list exists: the form then asks for the value as text.
    public var file: String?
    public var listName: String?
    public var usedVersion: String?

    package init(list: String, wantedVersion: String?, file: String? = nil, listName: String? = nil, usedVersion: String? = nil) {
        self.list = list
        self.wantedVersion = wantedVersion
        self.file = file
        self.listName = listName
        self.usedVersion = usedVersion
    }

    public var isResolved: Bool { file != nil }
}

/// A `regel`: its prose (`freitextRegel`), and whether the form shows it.
public struct FormRule: Sendable {
    public var id: String
    public var name: String
    public var text: String
    /// Shown as a hint at its group (or above the form); when false, `reason` says why not, and
    /// `portal check --verbose` lists it.
    public var shown: Bool
    public var reason: String?

    package init(id: String, name: String, text: String, shown: Bool, reason: String? = nil) {
        self.id = id
        self.name = name
        self.text = text
        self.shown = shown
        self.reason = reason
    }
}

/// A `bezug`: the text of a legal reference and its link, if any.
public struct LegalReference: Sendable, Equatable {
    public var text: String
    public var link: String?

    package init(text: String, link: String?) {
        self.text = text
        self.link = link
    }
}
