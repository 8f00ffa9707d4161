import Foundation

/// The pipeline: load and validate content → resolve responsibilities → render pages → write the site.
public enum PortalBuild {
    public struct Options: Sendable {
        public var content: URL
        public var contentDisplay: String
        /// The user's theme folder; nil uses only the built-in theme.
        public var templates: URL?
        public var templatesDisplay: String?
        public var output: URL
        /// Gaps (service × Gemeinde without a rule) are errors.
        public var strict: Bool

        public init(content: URL, contentDisplay: String, templates: URL?, templatesDisplay: String?, output: URL, strict: Bool = false) {
            self.content = content
            self.contentDisplay = contentDisplay
            self.templates = templates
            self.templatesDisplay = templatesDisplay
            self.output = output
            self.strict = strict
        }
    }

    public struct Report: Sendable {
        /// Pages per type, in a stable order.
        public var pageCounts: [(kind: String, count: Int)]
        public var totalPages: Int { pageCounts.reduce(0) { $0 + $1.count } }
        public var warnings: [Diagnostic]
        public var gaps: GapReport
        public var outputBytes: Int
    }

    /// Stages 1 and 2 only: validates the content and computes the gaps. Throws with all errors.
    public static func check(content: URL, display: String, strict: Bool) throws(ContentErrors) -> (SiteModel, GapReport) {
        let loaded = try ContentLoader(root: content, displayRoot: display).load()
        let model = SiteModel(content: loaded)
        let gaps = GapReport(services: loaded.services, directory: model.directory, index: model.index)
        if strict, !gaps.entries.isEmpty {
            let rules = "\(display)/responsibilities.csv"
            var errors = loaded.warnings
            for entry in gaps.entries {
                errors.append(Diagnostic(path: rules, line: 1, column: 1,
                                         message: "Lücke: für „\(entry.service)“ ist in \(entry.gemeinden) Gemeinden keine Stelle zuständig (--strict)"))
            }
            throw ContentErrors(errors)
        }
        return (model, gaps)
    }

    public static func build(_ options: Options) throws -> Report {
        let theme = try Theme.load(overrides: options.templates, displayPath: options.templatesDisplay)
        let (model, gaps) = try check(content: options.content, display: options.contentDisplay, strict: options.strict)

        let output = OutputFolder(target: options.output)
        try output.prepare()
        do {
            let bytes = try write(model: model, theme: theme, to: output)
            try output.commit()
            let jobs = PageJob.all(for: model)
            var counts: [(String, Int)] = []
            for job in jobs {
                if let i = counts.firstIndex(where: { $0.0 == job.kind }) { counts[i].1 += 1 } else { counts.append((job.kind, 1)) }
            }
            return Report(pageCounts: counts.map { (kind: $0.0, count: $0.1) }, warnings: model.content.warnings, gaps: gaps, outputBytes: bytes)
        } catch {
            output.discard()
            throw error
        }
    }

    /// Set once by any worker; read by all.
    final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }

    /// Renders and writes every file into the staging folder; returns the bytes written.
    static func write(model: SiteModel, theme: Theme, to output: OutputFolder) throws -> Int {
        var bytes = 0
        var assetPaths: [String: String] = [:]
        for (name, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            let path = "assets/" + AssetNames.hashedName(name, data)
            try output.write(data, to: path)
            assetPaths[AssetNames.key(name)] = path
            bytes += data.count
        }
        let (searchPath, searchBytes) = try SearchIndex.write(model, theme: theme, to: output)
        bytes += searchBytes

        let placesData = FinderData.places(model)
        let placesPath = "data/orte.\(AssetNames.hash(placesData)).json"
        try output.write(placesData, to: placesPath)
        bytes += placesData.count
        var rulePaths: [String: String] = [:]
        for service in model.content.services {
            let data = FinderData.rules(model, service: service.slug)
            let path = "data/regeln/\(service.slug).\(AssetNames.hash(data)).json"
            try output.write(data, to: path)
            rulePaths[service.slug] = path
            bytes += data.count
        }
        for authority in model.content.authorities.values {
            let data = FinderData.authority(authority)
            try output.write(data, to: "data/behoerden/\(authority.id).json")
            bytes += data.count
        }

        let rows = GemeindeRows(model: model, theme: theme)
        let renderer = PageRenderer(model: model, theme: theme, assetPaths: assetPaths,
                                    dataPaths: ["search": searchPath, "places": placesPath, "authorities": "data/behoerden/"],
                                    rulePaths: rulePaths, gemeindeRows: rows)
        let jobs = PageJob.all(for: model)
        // Each page is rendered and written by one worker; nothing is kept in memory after it is
        // written. After the first failed write (a full disk) the remaining pages are skipped.
        let stop = StopFlag()
        let results = ParallelMap.map(jobs) { job -> Result<(String, Int), OutputFolder.WriteError>? in
            if stop.isSet { return nil }
            let page = renderer.render(job)
            let data = Data(page.html.utf8)
            do throws(OutputFolder.WriteError) {
                try output.write(data, to: page.filePath)
                return .success((page.path, data.count))
            } catch {
                stop.set()
                return .failure(error)
            }
        }
        var paths: [String] = []
        if let failure = results.lazy.compactMap({ result -> OutputFolder.WriteError? in
            if case .failure(let error)? = result { return error }
            return nil
        }).first { throw failure }
        for case let result? in results {
            let (path, count) = try result.get()
            bytes += count
            if path.hasSuffix("/") || path.isEmpty { paths.append(path) }
        }
        let sitemap = Data(Sitemap.xml(paths: paths.sorted(), baseURL: model.content.site.baseURL).utf8)
        let robots = Data(Sitemap.robots(baseURL: model.content.site.baseURL).utf8)
        try output.write(sitemap, to: "sitemap.xml")
        try output.write(robots, to: "robots.txt")
        return bytes + sitemap.count + robots.count
    }
}
