import Foundation
import XCTest

/// Runs the built `evalsh` binary on a script file in a sandbox: its own temporary folder as
/// HOME and XDG folders, a store inside it, 100 columns, no colour, no init file.
struct EvalshProcess {
    /// What one run printed.
    struct Output {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// <package root>, from this file's place: <root>/Tests/EvalShellTests/Golden/EvalshProcess.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let binary: URL
    /// The sandbox: `$TMP` in scripts.
    let directory: URL

    /// The binary beside the test bundle (`swift test` builds it with the tests), else under
    /// `.build/debug`; a skip saying how to build it when there is none.
    static func locateBinary() throws -> URL {
        var candidates = Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent("evalsh") }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/evalsh"))
        for url in candidates where FileManager.default.isExecutableFile(atPath: url.path) {
            return url
        }
        throw XCTSkip("no evalsh binary beside the tests or in .build/debug; run `swift build --product evalsh` first")
    }

    /// Runs `evalsh --no-init --color off --store $TMP/store.sqlite ARGUMENTS FILES -f SCRIPT`
    /// from the package root. With `mergingStreams`, stderr goes into the same pipe as stdout,
    /// keeping the order in which the two were written, and `stderr` is empty.
    func run(script: String, scriptName: String, files: [String], arguments: [String], mergingStreams: Bool) throws -> Output {
        let scriptURL = directory.appendingPathComponent(scriptName)
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = Self.packageRoot
        process.arguments =
            ["--no-init", "--color", "off", "--store", directory.appendingPathComponent("store.sqlite").path]
            + arguments + files + ["-f", scriptURL.path]
        let home = directory.path
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            "XDG_STATE_HOME": home + "/state", "COLUMNS": "100", "LINES": "50", "TERM": "dumb", "LANG": "C.UTF-8",
        ]
        let out = Pipe(), err = mergingStreams ? out : Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a full pipe never blocks it.
        let errorData = LockedData()
        let reader = mergingStreams ? nil : Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader?.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while reader != nil, !errorData.isSet { usleep(1000) }
        return Output(
            stdout: normalize(String(decoding: outData, as: UTF8.self)),
            stderr: normalize(String(decoding: errorData.value, as: UTF8.self)),
            status: process.terminationStatus)
    }

    /// The sandbox path becomes `$TMP`, durations `N ms`, timestamps `YYYY-MM-DDThh:mm:ss` (as
    /// wide as what they replace, so tables keep their shape): output is the same on every run.
    func normalize(_ text: String) -> String {
        var text = text.replacingOccurrences(of: directory.path, with: "$TMP")
        text = text.replacingOccurrences(of: #"run time: [0-9.]+ ms"#, with: "run time: N ms", options: .regularExpression)
        text = text.replacingOccurrences(
            of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"#, with: "YYYY-MM-DDThh:mm:ss", options: .regularExpression)
        return text
    }
}

/// Data handed from the stderr reader thread to the test thread.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var isSet: Bool { lock.withLock { data != nil } }
    var value: Data { lock.withLock { data ?? Data() } }
}
