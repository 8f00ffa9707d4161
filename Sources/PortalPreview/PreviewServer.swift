import FlyingFox
import FlyingSocks
import Foundation
import PortalBuild
import PortalModel
import PortalSupport
import PortalTheme

/// `portal serve`: builds the site into a private folder, serves it on 127.0.0.1, rebuilds
/// (incrementally) whenever a file below the content or templates folder changes, and reloads
/// open browser tabs through server-sent events. The reload script and the error overlay are
/// added to pages as they are served; the files on disk are exactly what `portal build` writes.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: Pipeline.Options
        /// 0 picks a free port.
        public var port: UInt16

        public init(build: Pipeline.Options, port: UInt16) {
            self.build = build
            self.port = port
        }
    }

    let options: Options
    let state = PreviewState()
    let workFolder: URL
    let site: URL
    let log: @Sendable (String) -> Void
    let report: @Sendable ([Diagnostic]) -> Void

    /// - Parameters:
    ///   - log: one line for the person running the preview (URL, rebuilds).
    ///   - report: diagnostics of a build, printed like `portal build` does.
    public init(_ options: Options, log: @escaping @Sendable (String) -> Void, report: @escaping @Sendable ([Diagnostic]) -> Void) {
        workFolder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-vorschau-\(getpid())")
        site = workFolder.appendingPathComponent("site")
        var build = options.build
        build.output = site
        build.incremental = true
        build.progress = nil
        build.memo = ParseMemo()
        // Its own server sends files as they are: compressed forms would only cost time.
        build.precompress = false
        self.options = Options(build: build, port: options.port)
        self.log = log
        self.report = report
    }

    /// Removes the private build folder (on exit).
    public func cleanUp() {
        state.closeAll()
        try? FileManager.default.removeItem(at: workFolder)
    }

    /// Runs until the process is stopped.
    public func run() async throws {
        try? FileManager.default.removeItem(at: workFolder)
        let watcher = SourceWatcher(folders: [options.build.content] + (options.build.templates.map { [$0] } ?? []))
        var seen = watcher.snapshot()
        await rebuild(first: true)

        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: options.port), logger: .disabled,
                                handler: ClosureHTTPHandler { [self] request in await self.respond(to: request) })
        let serving = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw CancellationError() }
        log("Vorschau: http://127.0.0.1:\(port)/ – beobachtet \(options.build.contentDisplay)\(options.build.templatesDisplay.map { " und \($0)" } ?? ""); Strg+C beendet.")

        while !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 200_000_000)
            var now = watcher.snapshot()
            guard now != seen else { continue }
            // Let an editor finish writing (several files, atomic saves) before building.
            repeat {
                seen = now
                try? await Task.sleep(nanoseconds: 80_000_000)
                now = watcher.snapshot()
            } while now != seen
            await rebuild(first: false)
        }
        serving.cancel()
    }

    /// One build on its own thread (it uses every core and must not block the server's tasks).
    func rebuild(first: Bool) async {
        let buildOptions = options.build
        let started = Date()
        let outcome: (diagnostics: [Diagnostic], ok: Bool, summary: String) = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let result = try Pipeline.build(buildOptions)
                    continuation.resume(returning: (result.warnings, true, "\(result.filesWritten) Dateien neu, \(result.filesReused) übernommen"))
                } catch let errors as ContentErrors {
                    continuation.resume(returning: (errors.diagnostics, false, ""))
                } catch let failure as OutputFolder.WriteError {
                    continuation.resume(returning: ([Diagnostic(path: failure.path, line: 1, column: 1, message: "Datei kann nicht geschrieben werden: \(failure.reason)")], false, ""))
                } catch {
                    continuation.resume(returning: ([Diagnostic(path: buildOptions.contentDisplay, line: 1, column: 1, message: "\(error)")], false, ""))
                }
            }
        }
        let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
        state.finished(diagnostics: outcome.diagnostics, succeeded: outcome.ok)
        report(outcome.diagnostics)
        if outcome.ok {
            log(first ? "Gebaut in \(seconds) s." : "Neu gebaut in \(seconds) s (\(outcome.summary)); geöffnete Seiten werden neu geladen.")
        } else {
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            log("\(errors) Fehler – die Vorschau zeigt weiter den letzten fehlerfreien Stand.")
        }
    }

    // MARK: - HTTP

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else { return plain(.methodNotAllowed, "Nur GET.") }
        // The raw path keeps its trailing slash (`request.path` is standardised without it);
        // dot segments are refused in `serveFile`.
        let path = request.target.path(percentEncoded: false)
        switch path {
        case "/__portal/events":
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventBytes(events: state.subscribe())))
        case "/__portal/reload.js", "/__portal/overlay.css":
            let name = String(path.dropFirst("/__portal/".count))
            guard let folder = PortalTheme.previewDirectory,
                  let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return plain(.notFound, "Nicht gefunden.") }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(name), .cacheControl: "no-store"], body: data)
        case "/__portal/status":
            let snapshot = state.snapshot
            let body = try? JSONSerialization.data(withJSONObject: [
                "generation": snapshot.generation, "ok": !snapshot.failed,
                "diagnostics": snapshot.diagnostics.map(\.description),
            ], options: [.sortedKeys])
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: body ?? Data())
        default:
            return serveFile(path)
        }
    }

    func serveFile(_ requestPath: String) -> HTTPResponse {
        let snapshot = state.snapshot
        guard snapshot.hasGoodSite else {
            return html(.ok, ErrorOverlay.page(snapshot.diagnostics), snapshot: snapshot, overlay: false)
        }
        let parts = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        // Nothing outside the site folder, and no hidden files.
        guard !parts.contains(where: { $0.hasPrefix(".") }) else { return notFound(snapshot) }
        var url = site
        for part in parts { url.appendPathComponent(String(part)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return notFound(snapshot, parts) }
        if isDirectory.boolValue {
            guard requestPath.hasSuffix("/") else {
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: requestPath + "/"]), body: Data())
            }
            url.appendPathComponent(Routes.indexFile)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(snapshot, parts) }
        if url.pathExtension == "html" {
            return html(.ok, String(decoding: data, as: UTF8.self), snapshot: snapshot, overlay: snapshot.failed)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(url.lastPathComponent), .cacheControl: "no-store"], body: data)
    }

    /// The site's 404 page; below a language's folder (`/en/…`), that language's, as the server
    /// files send it (`ServerConfig`).
    func notFound(_ snapshot: PreviewState.Snapshot, _ parts: [Substring] = []) -> HTTPResponse {
        var page = Routes.notFound
        if let first = parts.first.map(String.init), Routes.translationLanguages.contains(first),
           FileManager.default.fileExists(atPath: site.appendingPathComponent(Routes.translated(Routes.notFound, first)).path) {
            page = Routes.translated(Routes.notFound, first)
        }
        guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(page).path) else { return plain(.notFound, "Nicht gefunden.") }
        return html(.notFound, String(decoding: data, as: UTF8.self), snapshot: snapshot, overlay: snapshot.failed)
    }

    /// Adds the reload script (and the error overlay) before `</body>`.
    func html(_ status: HTTPStatusCode, _ page: String, snapshot: PreviewState.Snapshot, overlay: Bool) -> HTTPResponse {
        var addition = "<link rel=\"stylesheet\" href=\"/__portal/overlay.css\"><script src=\"/__portal/reload.js\"></script>\n"
        if overlay { addition = ErrorOverlay.html(snapshot.diagnostics) + addition }
        var text = page
        if let end = text.range(of: "</body>", options: .backwards) {
            text.insert(contentsOf: addition, at: end.lowerBound)
        } else {
            text += addition
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"], body: Data(text.utf8))
    }

    func plain(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: "text/plain; charset=utf-8"], body: Data(text.utf8))
    }

    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "webmanifest": return "application/manifest+json"
        default: return "application/octet-stream"
        }
    }
}
