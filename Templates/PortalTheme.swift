import Foundation

/// Locates the default theme that ships with the tool (this folder's `layouts/` and `assets/`).
public enum PortalTheme {
    /// The folder holding the built-in Mustache layouts.
    public static var layoutsDirectory: URL? { Bundle.module.url(forResource: "layouts", withExtension: nil) }
    /// The folder holding the built-in CSS and JavaScript.
    public static var assetsDirectory: URL? { Bundle.module.url(forResource: "assets", withExtension: nil) }
    /// The folder holding the search vocabulary (synonyms).
    public static var searchDirectory: URL? { Bundle.module.url(forResource: "search", withExtension: nil) }
    /// The folder holding the interface texts, one file per language (`de.yml`, `en.yml`).
    public static var i18nDirectory: URL? { Bundle.module.url(forResource: "i18n", withExtension: nil) }
    /// The folder holding what only `portal serve` adds to pages (reload script, error overlay).
    public static var previewDirectory: URL? { Bundle.module.url(forResource: "preview", withExtension: nil) }
}
