import Foundation
import PortalModel
import PortalSupport

/// The box shown over the last good page while the content has errors: the same
/// `path:line:column: message` lines as `portal build` prints, escaped.
enum ErrorOverlay {
    static func html(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var out = """
            <section class="portal-preview-errors" role="alert" aria-labelledby="portal-preview-errors-title" data-portal-preview-errors>
            <h2 id="portal-preview-errors-title">\(errors.count) Fehler in den Inhalten</h2>
            <p>Die Vorschau zeigt den letzten fehlerfreien Stand. Nach dem Speichern der korrigierten Datei wird die Seite neu geladen.</p>
            <ol>
            """
        for d in diagnostics.prefix(200) {
            out += "<li class=\"\(d.severity.rawValue)\"><code>\(HTML.escape(d.path)):\(d.line):\(d.column): \(d.severity.rawValue):</code> \(HTML.escape(d.message))</li>\n"
        }
        if diagnostics.count > 200 { out += "<li>… und \(diagnostics.count - 200) weitere</li>\n" }
        return out + "</ol>\n</section>\n"
    }

    /// A page for when no build has succeeded yet: there is no last good site to show.
    static func page(_ diagnostics: [Diagnostic]) -> String {
        """
        <!DOCTYPE html>
        <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Vorschau: Fehler in den Inhalten</title></head>
        <body><main>
        \(html(diagnostics))</main></body></html>
        """
    }
}
