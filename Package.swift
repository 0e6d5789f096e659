// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "EncyclopediaExtractor",
    products: [
        .library(name: "EncyclopediaExtractor", targets: ["EncyclopediaExtractor"]),
        .library(name: "HTMLTree", targets: ["HTMLTree"]),
        .library(name: "ArticleDiff", targets: ["ArticleDiff"]),
        .executable(name: "encx", targets: ["encx"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2 through the system's pkg-config entry; the shim wraps what Swift 6 cannot call directly.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // zlib, for .gz pages (and WARC members).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The only code that sees a C pointer: libxml2 documents and zlib streams.
        .target(name: "HTMLTree", dependencies: ["CLibXML2", "CZlib"]),
        // The JSON Schema of the article model is published beside the model (validated by Scripts/check-schema).
        .target(name: "EncyclopediaExtractor", dependencies: ["HTMLTree"], exclude: ["Model/article.schema.json"]),
        // Structural JSON diff and fixture verification, for `encx verify` and users' test suites.
        .target(name: "ArticleDiff", dependencies: ["EncyclopediaExtractor"]),
        .executableTarget(
            name: "encx",
            dependencies: [
                "EncyclopediaExtractor",
                "ArticleDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release encx carries the Swift runtime and Foundation in itself: start-up (converting one
            // small page) takes about a third less time and 6 MiB less memory than with them loaded as
            // shared libraries, and the binary runs where no Swift toolchain is installed (a cluster's
            // executors). Debug builds (the tests) link them dynamically.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // libFuzzer targets (Scripts/fuzz builds them with -sanitize=fuzzer); built normally they replay
        // saved inputs through the same checks.
        // The checks themselves live in FuzzChecks (one file per target), so `swift test` replays the
        // committed corpora (Tests/FuzzCorpusTests/Corpus/TARGET) through them; each executable is the thin
        // libFuzzer entry point.
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver"]),
        .target(name: "FuzzChecks", dependencies: ["EncyclopediaExtractor", "HTMLTree", "ArticleDiff", "FuzzSupport"]),
        .executableTarget(name: "FuzzExtract", dependencies: ["FuzzChecks", "FuzzSupport"]),
        .executableTarget(name: "FuzzText", dependencies: ["FuzzChecks", "FuzzSupport"]),
        .executableTarget(name: "FuzzWARC", dependencies: ["FuzzChecks", "FuzzSupport"]),
        .executableTarget(name: "FuzzHTTP", dependencies: ["FuzzChecks", "FuzzSupport"]),
        .executableTarget(name: "FuzzMHTML", dependencies: ["FuzzChecks", "FuzzSupport"]),
        .executableTarget(name: "FuzzEncoding", dependencies: ["FuzzChecks", "FuzzSupport"]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzChecks", "FuzzSupport"]),
        .testTarget(name: "HTMLTreeTests", dependencies: ["HTMLTree", "CLibXML2"]),
        .testTarget(name: "EncyclopediaExtractorTests", dependencies: ["EncyclopediaExtractor", "ArticleDiff", "HTMLTree"]),
        .testTarget(name: "ArticleDiffTests", dependencies: ["ArticleDiff"]),
        // Drives the built `encx` executable end to end.
        .testTarget(name: "encxTests", dependencies: ["encx", "ArticleDiff"]),
        // Replays every fuzz target's committed corpus (and the regression inputs of its findings).
        .testTarget(name: "FuzzCorpusTests", dependencies: ["FuzzChecks", "FuzzSupport"], exclude: ["Corpus", "Dictionaries"]),
    ],
    swiftLanguageModes: [.v6]
)
