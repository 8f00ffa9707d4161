import Foundation

/// Content-hashed file names for assets (`portal.css` → `assets/portal.3f2a9c01d4e5b6a7.css`), so
/// browsers may cache them forever and still see every change.
package enum AssetNames {
    /// FNV-1a, 64 bit: enough to tell versions of a file apart; this is cache busting, not security.
    package static func hash(_ data: Data) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        // Through the raw bytes: iterating `Data` itself costs a call per byte.
        data.withUnsafeBytes { raw in
            for byte in raw {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    package static func hashedName(_ name: String, _ data: Data) -> String {
        let ext = (name as NSString).pathExtension
        let base = (name as NSString).deletingPathExtension
        return "\(base).\(hash(data)).\(ext)"
    }

    /// Template key for an asset: `portal.css` → `portal_css`.
    package static func key(_ name: String) -> String {
        name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
    }
}
