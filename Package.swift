// swift-tools-version:6.0
import PackageDescription

/// evalsh: a library of small modules and a thin executable, dependencies in one direction:
/// EvalCore ← EvalFormats ← EvalQuery ← EvalRender, EvalStore ← EvalShell ← evalsh.
let package = Package(
    name: "evalsh",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "evalsh", targets: ["evalsh"]),
        .library(name: "EvalCore", targets: ["EvalCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(name: "EvalCore"),
        .target(name: "EvalFormats", dependencies: ["EvalCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "EvalQuery", dependencies: ["EvalCore", "EvalFormats"]),
        .target(name: "EvalRender", dependencies: ["EvalCore", "EvalFormats", "EvalQuery"]),
        .target(
            name: "EvalStore",
            dependencies: ["EvalCore", "EvalFormats", .product(name: "GRDB", package: "GRDB.swift")]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .target(
            name: "EvalShell",
            dependencies: ["EvalCore", "EvalFormats", "EvalQuery", "EvalRender", "EvalStore", "CEditLine"]),
        .executableTarget(
            name: "evalsh",
            dependencies: ["EvalShell", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "EvalCoreTests", dependencies: ["EvalCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EvalFormatsTests", dependencies: ["EvalFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "EvalQueryTests", dependencies: ["EvalQuery"]),
        // Snapshots and fixtures are read through #filePath (so re-recording writes the source tree).
        .testTarget(name: "EvalRenderTests", dependencies: ["EvalRender"], exclude: ["__Snapshots__", "Fixtures"]),
        .testTarget(name: "EvalStoreTests", dependencies: ["EvalStore"]),
        // Golden scripts, their snapshots and data are read through #filePath.
        .testTarget(name: "EvalShellTests", dependencies: ["EvalShell"], exclude: ["Golden/scripts", "Golden/data"]),
    ]
)
