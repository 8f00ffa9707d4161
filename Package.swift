// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // `portal serve`: a small HTTP server on plain sockets, no SwiftNIO (builds in seconds).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // cmark-gfm from Debian (libcmark-gfm-dev, libcmark-gfm-extensions-dev), found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Snowball's stemmers (Debian libstemmer-dev), for the German search index.
        .systemLibrary(
            name: "CStemmer",
            path: "Sources/CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // Brotli's encoder (Debian libbrotli-dev) and zlib (zlib1g-dev): the precompressed `.br`
        // and `.gz` files a web server sends instead of compressing on every request.
        .systemLibrary(
            name: "CBrotli",
            path: "Sources/CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Brotli's decoder, for the tests only: they read the `.br` files back.
        .systemLibrary(
            name: "CBrotliDecode",
            path: "Sources/CBrotliDecode",
            pkgConfig: "libbrotlidec",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): the finished site and the published one swap in one step.
        .systemLibrary(
            name: "CFileSwap",
            path: "Sources/CFileSwap"
        ),
        // malloc_trim: what a build step freed goes back to the system (`Pipeline.run`).
        .systemLibrary(
            name: "CMemory",
            path: "Sources/CMemory"
        ),
        // The default theme: Mustache layouts, CSS and JavaScript, shipped inside the tool so that a
        // user's own --templates folder only needs the files it overrides.
        .target(
            name: "PortalTheme",
            path: "Templates",
            sources: ["PortalTheme.swift"],
            resources: [.copy("layouts"), .copy("assets"), .copy("search"), .copy("preview"), .copy("i18n")]
        ),
        // The pipeline's layers, one target per stage. A target depends only on earlier stages, so
        // the compiler keeps the direction (docs/architecture.md): support → model → load →
        // resolve → search → render → build → preview → portal (the CLI).
        .target(name: "PortalSupport"),
        .target(name: "PortalModel", dependencies: ["PortalSupport"]),
        .target(
            name: "PortalLoad",
            dependencies: [
                "PortalSupport", "PortalModel", "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "PortalResolve", dependencies: ["PortalSupport", "PortalModel"]),
        .target(name: "PortalSearch", dependencies: ["PortalSupport", "PortalModel", "PortalResolve", "CStemmer"]),
        .target(
            name: "PortalRender",
            dependencies: [
                "PortalSupport", "PortalModel", "PortalResolve", "PortalTheme",
                .product(name: "Mustache", package: "swift-mustache"),
                // The theme's interface texts (i18n/<language>.yml).
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "PortalBuild",
            dependencies: ["PortalSupport", "PortalModel", "PortalLoad", "PortalResolve", "PortalSearch", "PortalRender", "CFileSwap", "CBrotli", "CZlib", "CMemory"]
        ),
        // The editor's preview: serves the site, rebuilds on change, reloads the browser.
        .target(
            name: "PortalPreview",
            dependencies: [
                "PortalSupport",
                "PortalModel",
                "PortalBuild",
                "PortalTheme",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "portal",
            dependencies: [
                "PortalModel",
                "PortalLoad",
                "PortalResolve",
                "PortalBuild",
                "PortalPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "PortalKitTests",
            // The CLI tests run the real `portal` binary, so it must be built with the tests.
            dependencies: [
                "PortalSupport", "PortalModel", "PortalLoad", "PortalResolve", "PortalSearch", "PortalRender", "PortalBuild", "portal",
                "CBrotliDecode", "CZlib",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ]
)
