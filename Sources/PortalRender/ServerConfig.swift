import PortalModel

/// The web server configuration that goes with a built site, for nginx and Caddy: the security
/// headers (the pages' Content-Security-Policy plus `frame-ancestors`, HSTS, nosniff, referrer
/// and permissions policies), caching (a year and `immutable` for content-hashed files, `no-cache`
/// — revalidate — for pages and the other data), the precompressed `.br`/`.gz` files, the 404
/// page, and the base path of `base_url`. Written beside the output, not into it
/// (`PublishStep`): it belongs into the server's configuration, not onto the web.
package struct ServerConfig {
    package let site: Site

    package init(site: Site) {
        self.site = site
    }

    /// The header policy: the pages' own plus what only a header can say.
    package var contentSecurityPolicy: String {
        PageRenderer.contentSecurityPolicy(site) + "; frame-ancestors 'none'"
    }

    /// Name and value, in the order both servers send them.
    package var headers: [(String, String)] {
        [("Content-Security-Policy", contentSecurityPolicy),
         ("Strict-Transport-Security", "max-age=31536000"),
         ("X-Content-Type-Options", "nosniff"),
         ("Referrer-Policy", "strict-origin-when-cross-origin"),
         ("Permissions-Policy", "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()")]
    }

    package static let immutable = "public, max-age=31536000, immutable"
    package static let revalidate = "no-cache"

    /// Files whose name carries a hash of their content (`Routes.asset`, the search index, the
    /// finder's place list and rules): a changed file gets a new name, so they never go stale.
    /// Content-hashed files, and the files in content-hashed folders (the finder's shards).
    package var hashedFiles: String { "^\(site.basePath).+\\.[0-9a-f]{16}(/[^/]+)?\\.(css|js|json)$" }

    private var title: String { site.title.split(whereSeparator: \.isNewline).joined(separator: " ") }

    /// Where RFC 9116 looks for security.txt, if the site is not at the host's root.
    private var securityTxtRedirect: Bool { site.securityTxt != nil && site.basePath != "/" }

    package var nginx: String {
        let base = site.basePath
        func headerLines(cache: String) -> String {
            (headers + [("Cache-Control", cache)]).map { "    add_header \($0.0) \"\($0.1)\" always;" }.joined(separator: "\n")
        }
        var text = """
            # nginx configuration for „\(title)“, made by `portal build` with the site: do not edit,
            # build again. Include it in the server block of \(site.baseURL):
            #
            #     server {
            #         listen 443 ssl;
            #         server_name …;
            #         root /srv/portal;    # the content of Output/ lies at /srv/portal\(base)
            #         include /etc/nginx/portal/nginx.conf;
            #     }
            #
            # Needs the brotli_static module for the .br files (Debian: libnginx-mod-http-brotli-static).
            # add_header is repeated in each location: nginx drops inherited headers where a
            # location adds its own.

            server_tokens off;
            absolute_redirect off;
            charset utf-8;
            charset_types text/css text/plain text/xml application/javascript application/json application/xml image/svg+xml;
            gzip_static on;
            brotli_static on;
            gzip_vary on;
            error_page 404 \(base)\(Routes.notFound);

            location \(base) {
                try_files $uri $uri/ =404;
            \(headerLines(cache: Self.revalidate))
            }

            location ~ "\(hashedFiles)" {
            \(headerLines(cache: Self.immutable))
            }

            """
        // Below each other language's folder, that language's 404 page (`^~`: no hashed files
        // live there, so the regex location is not needed for it).
        for language in site.otherLanguages {
            text += """

                location ^~ \(base)\(language)/ {
                    error_page 404 \(base)\(Routes.translated(Routes.notFound, language));
                    try_files $uri $uri/ =404;
                \(headerLines(cache: Self.revalidate))
                }

                """
        }
        if securityTxtRedirect {
            text += """

                # RFC 9116: security.txt is looked for at the host's root.
                location = /\(Routes.securityTxt) {
                    rewrite ^ \(base)\(Routes.securityTxt) last;
                }

                """
        }
        return text
    }

    package var caddy: String {
        let base = site.basePath
        func headerBlock(_ matcher: String, cache: String) -> String {
            "    header \(matcher) {\n" + (headers + [("Cache-Control", cache)]).map { "        \($0.0) \"\($0.1)\"" }.joined(separator: "\n") + "\n        -Server\n    }"
        }
        var text = """
            # Caddy configuration for „\(title)“, made by `portal build` with the site: do not edit,
            # build again. Import it in the site block of \(site.baseURL):
            #
            #     portal.example.de {
            #         root * /srv/portal    # the content of Output/ lies at /srv/portal\(base)
            #         import /etc/caddy/portal.caddy
            #     }

            @portal_hashed path_regexp \(hashedFiles)
            @portal_other {
                path \(base)*
                not path_regexp \(hashedFiles)
            }

            """
        if securityTxtRedirect {
            text += "# RFC 9116: security.txt is looked for at the host's root.\nrewrite /\(Routes.securityTxt) \(base)\(Routes.securityTxt)\n\n"
        }
        text += """
            route {
            \(headerBlock("@portal_hashed", cache: Self.immutable))
            \(headerBlock("@portal_other", cache: Self.revalidate))
                file_server {
                    precompressed br gzip
                }
            }

            handle_errors {
            \(site.otherLanguages.map { missingIn($0) }.joined())    @portal_missing expression {err.status_code} == 404
                handle @portal_missing {
                    rewrite * \(base)\(Routes.notFound)
            \(headerBlock("*", cache: Self.revalidate).split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
                    file_server {
                        precompressed br gzip
                    }
                }
            }

            """
        return text
    }

    /// Caddy: a 404 below a language's folder gets that language's 404 page. Written before the
    /// site's own: Caddy tries `handle` blocks with named matchers in the order written.
    private func missingIn(_ language: String) -> String {
        let base = site.basePath
        var lines = ["@portal_missing_\(language) {",
                     "    expression {err.status_code} == 404",
                     "    path \(base)\(language)/*",
                     "}",
                     "handle @portal_missing_\(language) {",
                     "    rewrite * \(base)\(Routes.translated(Routes.notFound, language))",
                     "    header * {"]
        lines += (headers + [("Cache-Control", Self.revalidate)]).map { "        \($0.0) \"\($0.1)\"" }
        lines += ["        -Server", "    }", "    file_server {", "        precompressed br gzip", "    }", "}"]
        return lines.map { "    " + $0 + "\n" }.joined()
    }
}
