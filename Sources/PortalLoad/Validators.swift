import Foundation

/// Small value checks shared by the loaders.
package enum Validators {
    package static func isDigits(_ s: String, count: Int? = nil) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { (0x30...0x39).contains($0) } && (count == nil || s.utf8.count == count)
    }

    /// An absolute http(s) URL with a host.
    package static func isAbsoluteHTTPURL(_ s: String) -> Bool {
        guard let url = URL(string: s), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, !s.contains(where: { $0.isWhitespace }) else { return false }
        return true
    }

    /// `YYYY-MM-DD` naming a real day.
    package static func isISODate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }

    package static func isEmail(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !s.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    /// A simple BCP 47 shape check: `de`, `de-DE`, `de-Latn-DE`.
    package static func isLanguageTag(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// A path inside the content folder, below `folder`, ending in `suffix`: no `..`, no absolute
    /// path, no hidden segment, so a service cannot name a file outside its content.
    package static func isContentRelativePath(_ s: String, folder: String, suffix: String) -> Bool {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts[0] == folder && s.hasSuffix(suffix) && s.count > folder.count + 1 + suffix.count
            && parts.allSatisfy { !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") }
    }
}
