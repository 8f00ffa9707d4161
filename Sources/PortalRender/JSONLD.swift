import Foundation
import PortalModel
import PortalSupport

/// schema.org structured data for service and authority pages, escaped for use inside `<script>`.
package enum JSONLD {
    package static func governmentService(_ service: Service, site: Site, topic: String?, provider: Authority?, areaServed: String?) -> String {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": service.title,
            "description": service.summary,
            "url": site.baseURL + Routes.service(service.slug),
        ]
        if let topic { object["serviceType"] = topic }
        if let areaServed { object["areaServed"] = ["@type": "AdministrativeArea", "name": areaServed] }
        if let provider { object["provider"] = office(provider, site: site) }
        if let online = service.onlineService { object["availableChannel"] = ["@type": "ServiceChannel", "serviceUrl": online] }
        return encode(object)
    }

    package static func office(_ a: Authority, site: Site) -> [String: Any] {
        var object: [String: Any] = [
            "@type": "GovernmentOffice",
            "name": a.name,
            "url": site.baseURL + Routes.authority(a.id),
            "address": [
                "@type": "PostalAddress",
                "streetAddress": a.address.street,
                "postalCode": a.address.postalCode,
                "addressLocality": a.address.city,
                "addressCountry": "DE",
            ],
        ]
        if let v = a.phone { object["telephone"] = v }
        if let v = a.email { object["email"] = v }
        if !a.openingHours.isEmpty { object["openingHours"] = a.openingHours }
        return object
    }

    package static func governmentOffice(_ a: Authority, site: Site) -> String {
        var object = office(a, site: site)
        object["@context"] = "https://schema.org"
        return encode(object)
    }

    package static func encode(_ object: [String: Any]) -> String {
        HTML.scriptSafeJSON(JSONText.encode(object))
    }
}
