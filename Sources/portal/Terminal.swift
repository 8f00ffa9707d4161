import Foundation

/// Where the CLI's text goes, and whether it may use colours: only on a terminal, and not when
/// `NO_COLOR` is set (https://no-color.org). Logs in CI stay plain text.
enum Terminal {
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1
    static let colours = stderrIsTTY && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    enum Style: String {
        case bold = "1", red = "1;31", yellow = "1;33", cyan = "36", dim = "2"
    }

    static func paint(_ text: String, _ style: Style) -> String {
        colours ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}
