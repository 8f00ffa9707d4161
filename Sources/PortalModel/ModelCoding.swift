import PortalSupport

// The content types in the build cache's binary form, so a build can take over what the previous
// one parsed from files that did not change (`ParseMemo`). Field order is the format: change it
// together with `ParseMemo.format`.

extension SourceLocation: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(path: try r.string(), line: try r.int(), column: try r.int())
    }

    package func write(into w: inout BinaryWriter) { w.string(path); w.int(line); w.int(column) }
}

extension Diagnostic: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let path = try r.string(), line = try r.int(), column = try r.int()
        let severity: Severity = try r.bool() ? .warning : .error
        self.init(path: path, line: line, column: column, severity: severity, message: try r.string())
    }

    package func write(into w: inout BinaryWriter) {
        w.string(path); w.int(line); w.int(column); w.bool(severity == .warning); w.string(message)
    }
}

extension Diagnostics: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init()
        for item in try r.values(Diagnostic.self) { append(item) }
    }

    package func write(into w: inout BinaryWriter) { w.values(items) }
}

extension TemplateValue: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        switch try r.int() {
        case 0: self = .string(try r.string())
        case 1: self = .bool(try r.bool())
        case 2: self = .list(try r.values(TemplateValue.self))
        case 3:
            var map: [String: TemplateValue] = [:]
            for _ in 0..<(try r.count()) { map[try r.string()] = try r.value(TemplateValue.self) }
            self = .map(map)
        case 4: self = .null
        default: throw BinaryReader.Corrupt()
        }
    }

    package func write(into w: inout BinaryWriter) {
        switch self {
        case .string(let s): w.int(0); w.string(s)
        case .bool(let b): w.int(1); w.bool(b)
        case .list(let l): w.int(2); w.values(l)
        case .map(let m):
            w.int(3); w.int(m.count)
            for (key, value) in m.sorted(by: { $0.key < $1.key }) { w.string(key); w.value(value) }
        case .null: w.int(4)
        }
    }
}

extension FormField: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let id = try r.string(), label = try r.string()
        guard let kind = Kind(rawValue: try r.string()) else { throw BinaryReader.Corrupt() }
        let required = try r.bool()
        let hint = try r.optionalString(), autocomplete = try r.optionalString(), pattern = try r.optionalString()
        let min = try r.optionalString(), max = try r.optionalString()
        let maxlength = try r.optional { (r: inout BinaryReader) throws(BinaryReader.Corrupt) in try r.int() }
        let accept = try r.optionalString()
        self.init(id: id, label: label, kind: kind, required: required, hint: hint, autocomplete: autocomplete, pattern: pattern,
                  min: min, max: max, maxlength: maxlength, accept: accept, options: try r.strings())
    }

    package func write(into w: inout BinaryWriter) {
        w.string(id); w.string(label); w.string(kind.rawValue); w.bool(required)
        w.optionalString(hint); w.optionalString(autocomplete); w.optionalString(pattern); w.optionalString(min); w.optionalString(max)
        w.optional(maxlength) { $0.int($1) }
        w.optionalString(accept); w.strings(options)
    }
}

extension FormGroup: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(id: try r.string(), label: try r.string(), hint: try r.optionalString(), fields: try r.values(FormField.self))
    }

    package func write(into w: inout BinaryWriter) { w.string(id); w.string(label); w.optionalString(hint); w.values(fields) }
}

extension FormItem: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self = try r.bool() ? .group(try r.value(FormGroup.self)) : .field(try r.value(FormField.self))
    }

    package func write(into w: inout BinaryWriter) {
        switch self {
        case .field(let f): w.bool(false); w.value(f)
        case .group(let g): w.bool(true); w.value(g)
        }
    }
}

extension Form: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(title: try r.optionalString(), items: try r.values(FormItem.self))
    }

    package func write(into w: inout BinaryWriter) { w.optionalString(title); w.values(items) }
}

extension Section: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(title: try r.string(), id: try r.string(), html: try r.string(), text: try r.string())
    }

    package func write(into w: inout BinaryWriter) { w.string(title); w.string(id); w.string(html); w.string(text) }
}

extension Service: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let slug = try r.string(), title = try r.string(), summary = try r.string(), topic = try r.string()
        let lebenslagen = try r.strings(), leika = try r.optionalString(), ozgID = try r.optionalString()
        let keywords = try r.strings(), onlineService = try r.optionalString(), fees = try r.optionalString()
        let processingTime = try r.optionalString(), updated = try r.optionalString()
        let form = try r.optionalValue(Form.self), formSchemaPath = try r.optionalString(), extra = try r.optionalValue(TemplateValue.self)
        let sections = try r.values(Section.self), sourcePath = try r.string()
        var versions: [DatedText] = []
        for _ in 0..<(try r.count()) { versions.append(DatedText(text: try r.string(), validity: try Validity(from: &r))) }
        let feesFrom = try r.optionalString()
        let lifecycle = try Lifecycle(from: &r)
        self.init(slug: slug, title: title, summary: summary, topic: topic, lebenslagen: lebenslagen, leika: leika, ozgID: ozgID,
                  keywords: keywords, onlineService: onlineService, fees: fees, processingTime: processingTime, updated: updated,
                  form: form, formSchemaPath: formSchemaPath, extra: extra, sections: sections, sourcePath: sourcePath, feeVersions: versions, feesFrom: feesFrom,
                  lifecycle: lifecycle)
    }

    package func write(into w: inout BinaryWriter) {
        w.string(slug); w.string(title); w.string(declaredSummary); w.string(topic); w.strings(lebenslagen)
        w.optionalString(leika); w.optionalString(ozgID); w.strings(keywords); w.optionalString(onlineService)
        w.optionalString(fees); w.optionalString(processingTime); w.optionalString(updated)
        w.optionalValue(form); w.optionalString(formSchemaPath); w.optionalValue(extra); w.values(sections); w.string(sourcePath)
        w.int(feeVersions.count)
        for version in feeVersions { w.string(version.text); version.validity.write(into: &w) }
        w.optionalString(feesFrom)
        lifecycle.write(into: &w)
    }
}

extension Validity {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(from: try r.optionalString(), until: try r.optionalString())
    }

    package func write(into w: inout BinaryWriter) { w.optionalString(from); w.optionalString(until) }
}

extension Lifecycle {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let validity = try Validity(from: &r), reviewed = try r.optionalString()
        let line = try r.int()
        self.init(validity: validity, reviewed: reviewed, reviewedLine: line > 0 ? line : nil)
    }

    package func write(into w: inout BinaryWriter) { validity.write(into: &w); w.optionalString(reviewed); w.int(reviewedLine ?? 0) }
}

extension Authority: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let id = try r.string(), name = try r.string()
        let address = Address(street: try r.string(), postalCode: try r.string(), city: try r.string())
        let phone = try r.optionalString(), email = try r.optionalString(), website = try r.optionalString()
        let openingHours = try r.strings(), accessibility = try r.optionalString()
        self.init(id: id, name: name, address: address, phone: phone, email: email, website: website,
                  openingHours: openingHours, accessibility: accessibility, sourcePath: try r.string())
    }

    package func write(into w: inout BinaryWriter) {
        let d = storedDetails
        w.string(id); w.string(name); w.string(d.address.street); w.string(d.address.postalCode); w.string(d.address.city)
        w.optionalString(d.phone); w.optionalString(d.email); w.optionalString(d.website); w.strings(d.openingHours)
        w.optionalString(d.accessibility); w.string(sourcePath)
    }
}
