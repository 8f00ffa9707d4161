import PortalModel
import PortalSupport

/// A loader's result for one file with the messages it gave: what `ParseMemo` keeps per file.
package struct Parsed<Value: BinaryCodable>: BinaryCodable {
    package var value: Value?
    package var diagnostics: Diagnostics

    package init(_ value: Value?, _ diagnostics: Diagnostics) {
        self.value = value
        self.diagnostics = diagnostics
    }

    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        value = try r.optionalValue(Value.self)
        diagnostics = try r.value(Diagnostics.self)
    }

    package func write(into w: inout BinaryWriter) { w.optionalValue(value); w.value(diagnostics) }
}

extension MarkdownDocument.Link: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(url: try r.string(), location: try r.value(SourceLocation.self))
    }

    package func write(into w: inout BinaryWriter) { w.string(url); w.value(location) }
}

extension ServiceLoader.Loaded: BinaryCodable {
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        let service = try r.value(Service.self)
        let topicLocation = try r.value(SourceLocation.self)
        let lebenslageLocations = try r.values(SourceLocation.self)
        let internalLinks = try r.values(MarkdownDocument.Link.self)
        let digests = ServiceLoader.Digests(frontMatter: try r.string(), body: try r.string(), summary: try r.string())
        let formSchemaLocation = try r.bool() ? try r.value(SourceLocation.self) : nil
        self.init(service: service, topicLocation: topicLocation, lebenslageLocations: lebenslageLocations,
                  internalLinks: internalLinks, digests: digests, formSchemaLocation: formSchemaLocation)
    }

    package func write(into w: inout BinaryWriter) {
        w.value(service); w.value(topicLocation); w.values(lebenslageLocations); w.values(internalLinks)
        w.string(digests.frontMatter); w.string(digests.body); w.string(digests.summary)
        w.bool(formSchemaLocation != nil)
        if let formSchemaLocation { w.value(formSchemaLocation) }
    }
}

extension CSVTable: BinaryCodable {
    /// Each distinct text once, as a fresh parse keeps it: the 900,000 fields of a
    /// `responsibilities.csv` with 300,000 rules hold a few thousand slugs and ids, and decoded
    /// one string each they cost 40 MB more than parsed.
    package init(from r: inout BinaryReader) throws(BinaryReader.Corrupt) {
        self.init(rows: [])
        columns = try r.strings()
        let n = try r.count()
        rows.reserveCapacity(n)
        var texts: [String: String] = [:]
        for _ in 0..<n {
            let count = try r.count()
            var fields: [String] = []
            fields.reserveCapacity(count)
            for _ in 0..<count { fields.append(CSVTable.intern(try r.string(), in: &texts)) }
            rows.append(Row(fields: fields, line: try r.int()))
        }
    }

    package func write(into w: inout BinaryWriter) {
        w.strings(columns)
        w.int(rows.count)
        for row in rows { w.strings(row.fields); w.int(row.line) }
    }
}
