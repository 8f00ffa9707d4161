import Foundation
@testable import PortalLoad
@testable import PortalModel
@testable import PortalRender
@testable import PortalResolve
@testable import PortalSupport
import Testing

/// Pages filled from a stencil must be byte for byte what Mustache renders (see `PageStencils`).
@Suite struct PageStencilTests {
    /// A theme with the built-in templates plus the given ones (name → source).
    static func theme(_ templates: [String: String]) throws -> (Theme, URL) {
        let folder = temporaryFolder("stencil-theme")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, source) in templates {
            try source.write(to: folder.appendingPathComponent("\(name).mustache"), atomically: true, encoding: .utf8)
        }
        return (try Theme.load(overrides: folder, displayPath: "Templates"), folder)
    }

    @Test func everySamplePageIsWhatMustacheRenders() throws {
        let content = try ContentLoader(root: repositoryRoot.appendingPathComponent("Content"), displayRoot: "Content").load()
        let model = SiteModel(content: content)
        let theme = try Theme.load(overrides: nil, displayPath: nil)
        #expect(theme.stencilsAllowed)
        let stencils = PageStencils(theme: theme)
        let answers = GemeindeAnswers(model: model)
        let renderer = PageRenderer(model: model, answers: answers, theme: theme, assetPaths: [:], dataPaths: ["search": "data/suche.json"],
                                    rulePaths: [:], stencils: stencils)
        let rows = GemeindeRows(model: model, theme: theme, answers: answers)
        let jobs = PageJob.all(for: model)
        let mismatches = ParallelMap.map(jobs) { job -> String? in
            let plan = renderer.plan(job)
            let context = PageRenderer.context(plan, rows: rows)
            return renderer.html(plan, rows: rows) == theme.render(context, template: plan.template) ? nil : plan.path
        }.compactMap { $0 }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
        // Most pages share a shape with another: the stencils were used, not bypassed.
        #expect(stencils.filled > jobs.count / 2, "\(stencils.filled) of \(jobs.count) pages filled")
    }

    @Test func trickyTextsGiveTheSameBytesAsRendering() throws {
        // A standalone indented partial (Mustache indents each of its lines), escaped and raw
        // output, sections over texts and lists, and the parent's names seen from a list item.
        let (theme, folder) = try Self.theme([
            "probe": "<p title=\"{{title}}\">{{{raw}}}</p>\n  {{>probe-part}}\n{{#items}}[{{name}}|{{title}}|{{#note}}{{note}}{{/note}}]{{/items}}{{^items}}leer{{/items}}\n",
            "probe-part": "{{first}}\n{{second}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(theme.stencilsAllowed)
        let texts = ["", "a", "Ämter & <Behörden> \"zitiert\" 'so'", "Zeile\n", "\n", "zwei\nZeilen", "e\u{301}\"\u{301}<", "\u{E000}\u{0}0\u{E001}", "\u{E002}\u{0}1\u{E003}", "{{title}}"]
        let stencils = PageStencils(theme: theme)
        var compared = 0
        for a in texts {
            for b in texts {
                let context: Context = ["title": .string(a), "raw": .string(b), "first": .string(b), "second": .string(a),
                                        "items": [["name": .string(b), "note": .string(a)], ["name": .string(a)]]]
                #expect(stencils.render(context, template: "probe") == theme.render(context, template: "probe"), "\(a.debugDescription) \(b.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == texts.count * texts.count)
        #expect(stencils.filled > 0)
    }

    @Test func aListPrintedWholeIsNotFilledIn() throws {
        // `{{{list}}}` prints Swift's description of the list; a stencil must not stand in for it.
        let (theme, folder) = try Self.theme(["probe": "{{{list}}}|{{list}}"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let stencils = PageStencils(theme: theme)
        for value in ["a", "b\"<c>", "d"] {
            let context: Context = ["list": [.string(value), .string(value)]]
            #expect(stencils.render(context, template: "probe") == theme.render(context, template: "probe"))
        }
        #expect(stencils.filled == 0)
    }

    @Test func templatesThatLookIntoValuesTurnStencilsOff() throws {
        for source in ["{{uppercased(title)}}", "{{#first()}}x{{/first()}}", "{{>*name}}", "{{=<% %>=}}<% title %>", "{{% CONTENT_TYPE: TEXT }}{{title}}"] {
            let (theme, folder) = try Self.theme(["probe": source])
            defer { try? FileManager.default.removeItem(at: folder) }
            #expect(!theme.stencilsAllowed, "\(source)")
        }
    }

    @Test func shapesTellEditorKeysApart() {
        // Keys from `extra:` may contain the characters the shape is written with.
        let a = Shape(["extra": ["a:{b": "x"]], template: "t")
        let b = Shape(["extra": ["a": ["b": "x"]]], template: "t")
        #expect(a.key != b.key)
        // A yes/no decides sections, a text is a leaf: `true` and "true" are different shapes.
        #expect(Shape(["x": true], template: "t").key != Shape(["x": "true"], template: "t").key)
    }
}
