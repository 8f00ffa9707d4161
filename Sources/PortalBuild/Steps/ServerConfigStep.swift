import Foundation
import PortalRender

/// Makes the web server configuration for the site (`ServerConfig`): `nginx.conf` and
/// `portal.caddy`, put beside the output by `PublishStep` once the site is in place.
package struct ServerConfigStep: BuildStep {
    package let name = "Serverkonfiguration"

    package func run(_ build: BuildState) throws {
        let config = ServerConfig(site: build.content.site)
        build.serverFiles = [("nginx.conf", config.nginx), ("portal.caddy", config.caddy)]
    }

    package func run(_ build: BuildState, bodies: BodyEdits) throws {
        // Nothing: made from site.yml alone, which did not change.
    }
}
