// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "EncyclopediaExtractor",
    products: [
        .library(name: "EncyclopediaExtractor", targets: ["EncyclopediaExtractor"]),
        .library(name: "HTMLTree", targets: ["HTMLTree"]),
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
        // The only code that sees a libxml2 pointer.
        .target(name: "HTMLTree", dependencies: ["CLibXML2"]),
        .target(name: "EncyclopediaExtractor", dependencies: ["HTMLTree"]),
        .executableTarget(
            name: "encx",
            dependencies: [
                "EncyclopediaExtractor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HTMLTreeTests", dependencies: ["HTMLTree"]),
    ],
    swiftLanguageModes: [.v6]
)
