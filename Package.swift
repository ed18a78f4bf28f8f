// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "povreview",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "povreview", targets: ["povreview"]),
        .library(name: "PovReviewCore", targets: ["PovReviewCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // System libraries (Debian: libsqlite3-dev, libssl-dev, libxlsxwriter-dev).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

        // Pure rules: standards, indicators, classification, validation of field values,
        // aggregation arithmetic, transitions, plan evaluation. No files, no database, no clock.
        .target(name: "PovReviewCore"),

        // Effects: streaming CSV ingest, config files, SQLite store, exports.
        .target(
            name: "PovReviewIO",
            dependencies: [
                "PovReviewCore", "CSQLite", "CLibCrypto", "CXLSXWriter",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Data files read at run time through Bundle.module (the column documentation);
            // SwiftPM puts them in povreview_PovReviewIO.resources beside the executable.
            resources: [.copy("Resources")]
        ),

        // The seeded generator of a realistic fictional province (`povreview sample`, SampleData/).
        .target(name: "PovReviewSample", dependencies: ["PovReviewCore"]),

        // Command-line commands as a library, so tests drive them in-process.
        .target(
            name: "PovReviewCommands",
            dependencies: [
                "PovReviewCore", "PovReviewIO", "PovReviewSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "povreview", dependencies: ["PovReviewCommands"]),

        .testTarget(name: "PovReviewCoreTests", dependencies: ["PovReviewCore"]),
        .testTarget(
            name: "PovReviewIOTests",
            dependencies: ["PovReviewIO", "PovReviewCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PovReviewSampleTests", dependencies: ["PovReviewSample", "PovReviewIO", "PovReviewCore"]),
        .testTarget(
            name: "PovReviewCommandsTests",
            dependencies: ["PovReviewCommands", "PovReviewIO", "PovReviewCore"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
