import Foundation

/// The `evalsh` executable, for the tests that run it as a user does (golden scripts, the REPL
/// in a pseudo-terminal, end-to-end pushes).
///
/// `swift test` builds it with the tests, and it is found beside the test bundle or in
/// `.build/debug`. When it is in neither (the test bundle run on its own), it is built once per
/// test process with `swift build --product evalsh`; when that cannot be done, every test that
/// needs it fails with the reason and the command to run. It is never skipped.
public enum BuiltEvalsh {
    /// The binary's location, or why there is none.
    public static func url() throws(Unavailable) -> URL {
        try located.get()
    }

    /// Its path, for APIs that take one.
    public static func path() throws(Unavailable) -> String {
        try url().path
    }

    /// Why the binary could not be had.
    public struct Unavailable: Error, CustomStringConvertible {
        public let reason: String
        public var description: String {
            "no evalsh binary for this test: \(reason). Build it with `swift build --product evalsh` in \(Repository.root.path)"
        }
    }

    /// Found or built on first use; Swift runs a static's initializer once, under a lock.
    private static let located: Result<URL, Unavailable> = Result { () throws(Unavailable) in
        if let url = existing() { return url }
        try build()
        guard let url = existing() else {
            throw Unavailable(reason: "`swift build --product evalsh` succeeded but left no binary in .build/debug")
        }
        return url
    }

    /// Beside the running test bundle (where `swift test` puts it, whatever the build folder),
    /// then in the package's `.build/debug`.
    private static func existing() -> URL? {
        var folders: [URL] = []
        if let executable = Bundle.main.executableURL { folders.append(executable.deletingLastPathComponent()) }
        folders += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
            .map { $0.deletingLastPathComponent() }
        folders.append(Repository.root.appendingPathComponent(".build/debug"))
        return folders.map { $0.appendingPathComponent("evalsh") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// How long a build may take on a loaded machine before the tests give up on it.
    private static let buildTimeout: TimeInterval = 20 * 60

    /// `swift build --product evalsh` in the package root, its output kept for the failure message.
    private static func build() throws(Unavailable) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-test-build-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "--product", "evalsh", "--package-path", Repository.root.path]
        process.currentDirectoryURL = Repository.root
        process.standardInput = FileHandle.nullDevice
        do {
            guard FileManager.default.createFile(atPath: log.path, contents: nil) else {
                throw Unavailable(reason: "cannot create the build log \(log.path)")
            }
            let handle = try FileHandle(forWritingTo: log)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
        } catch let failure as Unavailable {
            throw failure
        } catch {
            throw Unavailable(reason: "cannot run `swift build`: \(error.localizedDescription)")
        }
        let deadline = Date().addingTimeInterval(buildTimeout)
        func output() -> String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
        while process.isRunning {
            // A build inside a running `swift test` would wait for that very run to release the
            // build folder: give up at once instead.
            if output().contains("Another instance of SwiftPM") {
                process.terminate()
                process.waitUntilExit()
                throw Unavailable(reason: "it is not built, and this run of the tests holds the build folder, so it cannot be built from here")
            }
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw Unavailable(reason: "`swift build --product evalsh` took more than \(Int(buildTimeout)) s")
            }
            usleep(200_000)
        }
        guard process.terminationStatus == 0 else {
            throw Unavailable(
                reason: "`swift build --product evalsh` failed (exit \(process.terminationStatus)):\n\(output().suffix(2000))")
        }
    }
}
