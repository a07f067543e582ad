// swift-tools-version:6.0
import PackageDescription

/// evalsh: a library of small modules and a thin executable, dependencies in one direction
/// (each target lists exactly the modules it imports):
///
///     EvalCore ← EvalFormats ← EvalQuery ← EvalRender ←┐
///                     ↑                                 EvalShell (+ CEditLine) ← evalsh
///                     └──── EvalStore (+ GRDB, CZlib) ←┘
///
/// EvalQuery reaches the store and the shell only through its StoreService and ShellService
/// protocols, which EvalShell implements over EvalStore and the terminal.
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
            dependencies: ["EvalCore", "EvalFormats", "CZlib", .product(name: "GRDB", package: "GRDB.swift")]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "EvalShell",
            dependencies: ["EvalCore", "EvalFormats", "EvalQuery", "EvalRender", "EvalStore", "CEditLine"]),
        .executableTarget(
            name: "evalsh",
            dependencies: ["EvalShell", "EvalQuery", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // bench/store_benchmark.py's timer of JSON loading against a pull from the local store.
        .executableTarget(name: "store-benchmark", dependencies: ["EvalCore", "EvalFormats", "EvalStore"]),
        .testTarget(name: "EvalCoreTests", dependencies: ["EvalCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EvalFormatsTests", dependencies: ["EvalFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "EvalQueryTests", dependencies: ["EvalQuery"]),
        // Snapshots and fixtures are read through #filePath (so re-recording writes the source tree).
        .testTarget(name: "EvalRenderTests", dependencies: ["EvalRender"], exclude: ["__Snapshots__", "Fixtures"]),
        .testTarget(name: "EvalStoreTests", dependencies: ["EvalStore", "EvalshTestSupport"]),
        // Golden scripts, their snapshots and data are read through #filePath.
        .testTarget(
            name: "EvalShellTests", dependencies: ["EvalShell", "EvalshTestSupport"],
            exclude: ["Golden/scripts", "Golden/data"]),
        // Locating (or building) the evalsh binary and the repository's files, for the tests that run it.
        .target(name: "EvalshTestSupport", path: "Tests/EvalshTestSupport"),
    ]
)
