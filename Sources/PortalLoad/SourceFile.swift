import Foundation
import PortalModel

/// A content file read from disk as UTF-8 text, with the checks every file gets.
package struct SourceFile {
    /// Files larger than this are refused before they are parsed, so a stray huge file cannot
    /// exhaust memory. A 20 MB Markdown file still builds.
    package static let maximumSize = 32 * 1024 * 1024

    package let path: String
    package let text: String

    /// Reads `url`, reporting unreadable, oversized, empty or non-UTF-8 files into `diagnostics`.
    package static func read(_ url: URL, displayPath: String, allowEmpty: Bool = false, into diagnostics: inout Diagnostics) -> SourceFile? {
        let location = SourceLocation(path: displayPath)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maximumSize {
            diagnostics.error(location, "Datei ist zu groß (\(size) Bytes); erlaubt sind höchstens \(maximumSize / 1_048_576) MiB (\(maximumSize) Bytes)")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.error(location, "Datei kann nicht gelesen werden")
            return nil
        }
        if data.isEmpty && !allowEmpty {
            diagnostics.error(location, "Datei ist leer")
            return nil
        }
        guard let text = String(validatingUTF8Data: data) else {
            let (offset, line, column) = firstInvalidUTF8(in: data)
            diagnostics.error(SourceLocation(path: displayPath, line: line, column: column),
                              "ungültiges UTF-8 bei Byte \(offset); speichern Sie die Datei als UTF-8")
            return nil
        }
        // A byte order mark is invisible in editors; drop it rather than let it break the first key.
        let clean = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        return SourceFile(path: displayPath, text: clean)
    }

    /// Byte offset, line and column (in bytes, 1-based) of the first byte that is not valid UTF-8.
    package static func firstInvalidUTF8(in data: Data, refusingNUL: Bool = false) -> (offset: Int, line: Int, column: Int) {
        let bytes = [UInt8](data)
        var i = 0, line = 1, lineStart = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00 where refusingNUL: return (i, line, i - lineStart + 1)
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, line, i - lineStart + 1)
            }
            if i + length > bytes.count { return (i, line, i - lineStart + 1) }
            var valid = true
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { valid = false }
            // Overlong and surrogate forms.
            if length == 3 && ((b == 0xE0 && bytes[i + 1] < 0xA0) || (b == 0xED && bytes[i + 1] > 0x9F)) { valid = false }
            if length == 4 && ((b == 0xF0 && bytes[i + 1] < 0x90) || (b == 0xF4 && bytes[i + 1] > 0x8F)) { valid = false }
            if !valid { return (i, line, i - lineStart + 1) }
            if b == 0x0A { line += 1; lineStart = i + 1 }
            i += length
        }
        return (bytes.count, line, 1)
    }
}

extension String {
    /// Strict UTF-8 decoding: nil instead of replacement characters.
    package init?(validatingUTF8Data data: Data) {
        guard let s = String(bytes: data, encoding: .utf8) else { return nil }
        self = s
    }
}
