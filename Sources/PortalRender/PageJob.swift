import PortalModel
import PortalResolve
import PortalSupport

/// One page of the site to render. Cheap to list, so the list can be split across cores.
package enum PageJob: Sendable {
    case home
    case serviceIndex
    case service(Int)
    case form(Int)
    /// A service's text in Leichte Sprache (index into `content.services`).
    case easyLanguage(Int)
    case themenfeld(Int)
    case lebenslage(Int)
    case authority(String)
    case places
    case place(Int)
    case search
    case freePage(Int)
    case notFound
    /// `daten/`, with `open_data` in site.yml.
    case openData
    /// `gebaerdensprache/`, with `gebaerdensprache:` in site.yml (BITV 2.0 § 4).
    case signLanguage
    /// Pages in another language (spec v2, `/en/…`): the start page, the A–Z list, a service.
    case translatedHome(String)
    case translatedServiceIndex(String)
    case translatedService(Int, String)
    /// An authority, the places overview and a place in another language (index into `content.regions`).
    case translatedAuthority(String, String)
    case translatedPlaces(String)
    case translatedPlace(Int, String)
    /// A translated service's form stub (not for a form from a FIM Stammdatenschema).
    case translatedForm(Int, String)
    /// A Themenfeld or Lebenslage in another language (index into `topics.themenfelder` / `lebenslagen`).
    case translatedThemenfeld(Int, String)
    case translatedLebenslage(Int, String)
    /// A free page in another language (index into `content.pages`).
    case translatedFreePage(Int, String)
    /// The search page in another language, over that language's index (`en/suche/`).
    case translatedSearch(String)
    /// The 404 page in another language (`en/404.html`).
    case translatedNotFound(String)

    /// The page type as counted in the build summary.
    package var kind: String {
        switch self {
        case .home: return "Startseite"
        case .serviceIndex: return "A–Z"
        case .service: return "Leistungen"
        case .form: return "Anträge"
        case .easyLanguage: return "Leichte Sprache"
        case .themenfeld: return "Themenfelder"
        case .lebenslage: return "Lebenslagen"
        case .authority: return "Behörden"
        case .places: return "Ortsübersicht"
        case .place: return "Orte"
        case .search: return "Suche"
        case .freePage: return "Seiten"
        case .notFound: return "404"
        case .openData: return "Offene Daten"
        case .translatedHome, .translatedServiceIndex, .translatedService, .translatedForm, .translatedAuthority, .translatedPlaces, .translatedPlace, .translatedThemenfeld, .translatedLebenslage, .translatedFreePage, .translatedSearch, .translatedNotFound: return "Übersetzungen"
        case .signLanguage: return "Gebärdensprache"
        }
    }

    package static func all(for model: SiteModel) -> [PageJob] {
        let c = model.content
        var jobs: [PageJob] = [.home, .serviceIndex, .places, .search, .notFound]
        jobs += c.services.indices.map(PageJob.service)
        jobs += c.services.indices.map(PageJob.form)
        jobs += c.services.indices.filter { c.easyLanguage[c.services[$0].slug] != nil }.map(PageJob.easyLanguage)
        jobs += c.topics.themenfelder.indices.map(PageJob.themenfeld)
        jobs += c.topics.lebenslagen.indices.map(PageJob.lebenslage)
        jobs += c.authorities.keys.sorted().map(PageJob.authority)
        jobs += c.regions.indices.map(PageJob.place)
        jobs += c.pages.indices.map(PageJob.freePage)
        if c.site.openData != nil { jobs.append(.openData) }
        if !c.site.signLanguage.isEmpty { jobs.append(.signLanguage) }
        for language in c.site.otherLanguages {
            jobs += [.translatedHome(language), .translatedServiceIndex(language), .translatedSearch(language), .translatedNotFound(language), .translatedPlaces(language)]
            jobs += c.authorities.keys.sorted().map { PageJob.translatedAuthority($0, language) }
            jobs += c.regions.indices.map { PageJob.translatedPlace($0, language) }
            jobs += c.services.indices.filter { c.translations[language]?[c.services[$0].slug] != nil }.map { PageJob.translatedService($0, language) }
            jobs += c.services.indices.filter { c.translations[language]?[c.services[$0].slug] != nil && c.services[$0].formSchemaPath == nil }
                .map { PageJob.translatedForm($0, language) }
            let topics = c.translatedTopics[language] ?? [:]
            jobs += c.topics.themenfelder.indices.filter { topics[c.topics.themenfelder[$0].slug] != nil }.map { PageJob.translatedThemenfeld($0, language) }
            jobs += c.topics.lebenslagen.indices.filter { topics[c.topics.lebenslagen[$0].slug] != nil }.map { PageJob.translatedLebenslage($0, language) }
            jobs += c.pages.indices.filter { c.translatedPages[language]?[c.pages[$0].slug] != nil }.map { PageJob.translatedFreePage($0, language) }
        }
        return jobs
    }
}

/// A page ready to render: where it goes below the output folder, its template and context.
/// Rendering is separate so an incremental build can skip pages whose inputs did not change.
package struct PagePlan {
    /// Site path: `leistungen/x/` (written as `leistungen/x/index.html`) or a file name like `404.html`.
    package var path: String
    package var template: String
    package var context: Context
    /// A Gemeinde page gets its pre-rendered rows (see `GemeindeRows`) only when it is rendered.
    package var gemeinde: Region?
    /// A Gemeinde page's rows by group (service indexes, A–Z): one list per authority group of its
    /// context, then the gaps (`PageRenderer.context(_:rows:)`).
    package var rowGroups: [[Int]] = []
    /// The part of the context made from one service body alone, if the page declares one.
    package var bodyPart: BodyPart?

    package var filePath: String { Routes.file(of: path) }

    package init(path: String, template: String, context: Context, gemeinde: Region? = nil) {
        self.path = path
        self.template = template
        self.context = context
        self.gemeinde = gemeinde
    }
}
