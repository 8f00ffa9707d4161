import Foundation
import PortalModel
import PortalSupport

/// schema.org structured data for service and authority pages, escaped for use inside `<script>`.
package enum JSONLD {
    package static func governmentService(_ service: Service, site: Site, topic: String?, provider: Authority?, areaServed: String?) -> String {
        var object: [String: ContextValue] = [
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": .string(service.title),
            "description": .string(service.summary),
            "url": .string(site.baseURL + Routes.service(service.slug)),
        ]
        if let topic { object["serviceType"] = .string(topic) }
        if let areaServed { object["areaServed"] = ["@type": "AdministrativeArea", "name": .string(areaServed)] }
        if let provider { object["provider"] = .object(office(provider, site: site)) }
        if let online = service.onlineService { object["availableChannel"] = ["@type": "ServiceChannel", "serviceUrl": .string(online)] }
        if let openData = site.openData {
            // The catalogue this service is part of, as open data (`OpenDataFiles`).
            object["subjectOf"] = [
                "@type": "Dataset",
                "name": .string("\(site.title): Leistungen, Behörden und Zuständigkeiten"),
                "url": .string(site.baseURL + Routes.openData),
                "license": .string(openData.licenceURL),
                "distribution": .list(["katalog.json", "leistungen.csv"].map { name in
                    ["@type": "DataDownload", "contentUrl": .string(site.baseURL + Routes.openDataFile(name)),
                     "encodingFormat": .string(name.hasSuffix(".json") ? "application/json" : "text/csv")]
                }),
            ]
        }
        return encode(object)
    }

    package static func office(_ a: Authority, site: Site) -> [String: ContextValue] { office(a, baseURL: site.baseURL) }

    package static func office(_ a: Authority, baseURL: String) -> [String: ContextValue] {
        var object: [String: ContextValue] = [
            "@type": "GovernmentOffice",
            "name": .string(a.name),
            "url": .string(baseURL + Routes.authority(a.id)),
            "address": [
                "@type": "PostalAddress",
                "streetAddress": .string(a.address.street),
                "postalCode": .string(a.address.postalCode),
                "addressLocality": .string(a.address.city),
                "addressCountry": "DE",
            ],
        ]
        if let v = a.phone { object["telephone"] = .string(v) }
        if let v = a.email { object["email"] = .string(v) }
        if !a.openingHours.isEmpty { object["openingHours"] = .strings(a.openingHours) }
        return object
    }

    package static func governmentOffice(_ a: Authority, baseURL: String) -> String {
        var object = office(a, baseURL: baseURL)
        object["@context"] = "https://schema.org"
        return encode(object)
    }

    package static func encode(_ object: [String: ContextValue]) -> String {
        HTML.scriptSafeJSON(JSONText.encode(.object(object)))
    }
}
