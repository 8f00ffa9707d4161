import Foundation
import PortalModel
import PortalSupport

/// schema.org structured data for service and authority pages, escaped for use inside `<script>`.
package enum JSONLD {
    /// A service page's structured data, as the text before and after its description (the
    /// summary), which the page's declared part fills in (`filled`): a summary edit remakes the
    /// part, not the rest. Nil if the text cannot be cut so (the marker occurs in the content).
    package static func governmentService(_ service: Service, site: Site, topic: String?, provider: Authority?, areaServed: String?) -> [String]? {
        let marker = "\u{E000}description\u{E001}"
        let parts = encode(governmentService(service, description: marker, site: site, topic: topic, provider: provider, areaServed: areaServed))
            .components(separatedBy: encodedString(marker))
        return parts.count == 2 ? parts : nil
    }

    /// The whole structured data of a service page, where `governmentService` cannot cut it.
    package static func governmentServiceText(_ service: Service, site: Site, topic: String?, provider: Authority?, areaServed: String?) -> String {
        encode(governmentService(service, description: service.summary, site: site, topic: topic, provider: provider, areaServed: areaServed))
    }

    private static func governmentService(_ service: Service, description: String, site: Site, topic: String?, provider: Authority?,
                                          areaServed: String?) -> [String: ContextValue] {
        var object: [String: ContextValue] = [
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": .string(service.title),
            "description": .string(description),
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
        return object
    }

    /// The structured data cut by `governmentService` with the description put in: the same text
    /// as encoding it whole, as keys are sorted and each string is escaped on its own.
    package static func filled(_ parts: [String], description: String) -> String {
        parts.count == 2 ? parts[0] + encodedString(description) + parts[1] : ""
    }

    private static func encodedString(_ s: String) -> String { HTML.scriptSafeJSON(JSONText.encode(.string(s))) }

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
