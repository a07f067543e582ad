@testable import EvalShell
import EvalshTestSupport
import Foundation

/// Runs the built `evalsh` binary on a script file in a sandbox: its own temporary folder as
/// HOME and XDG folders, a store inside it, 100 columns, no colour, no init file, and
/// statement markers in both output streams (`StatementMarker`), so that one run tells what
/// each statement wrote.
struct EvalshProcess {
    /// What one run printed, each stream cut at the script's statements.
    struct Output {
        var stdout: MarkedOutput
        var stderr: MarkedOutput
        var status: Int32

        /// What the statement a check on `line` is about wrote on both streams.
        func output(above line: Int) -> (stdout: String, both: String) {
            let out = stdout.output(above: line)
            return (out, out + stderr.output(above: line))
        }
    }

    let binary: URL
    /// The sandbox: `$TMP` in scripts.
    let directory: URL

    /// Runs `evalsh --no-init --color off --store $TMP/store.sqlite ARGUMENTS FILES -f SCRIPT`
    /// from the package root.
    func run(script: String, scriptName: String, files: [String], arguments: [String]) throws -> Output {
        let scriptURL = directory.appendingPathComponent(scriptName)
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = Repository.root
        process.arguments =
            ["--no-init", "--color", "off", "--store", directory.appendingPathComponent("store.sqlite").path]
            + arguments + files + ["-f", scriptURL.path]
        let home = directory.path
        process.environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home, "XDG_CONFIG_HOME": home + "/config", "XDG_DATA_HOME": home + "/data",
            "XDG_STATE_HOME": home + "/state", "COLUMNS": "100", "LINES": "50", "TERM": "dumb", "LANG": "C.UTF-8",
            StatementMarker.environmentVariable: "1",
        ]
        let out = Pipe(), err = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a full pipe never blocks it.
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        // Markers name the script by the path it was run as, normalized like the rest.
        let file = normalize(scriptURL.path)
        return Output(
            stdout: MarkedOutput(normalize(String(decoding: outData, as: UTF8.self)), file: file),
            stderr: MarkedOutput(normalize(String(decoding: errorData.value, as: UTF8.self)), file: file),
            status: process.terminationStatus)
    }

    /// The sandbox path becomes `$TMP`, durations `N ms`, timestamps `YYYY-MM-DDThh:mm:ss` and
    /// local times `YYYY-MM-DD hh:mm` (as wide as what they replace, so tables keep their
    /// shape): output is the same on every run.
    func normalize(_ text: String) -> String {
        var text = text.replacingOccurrences(of: directory.path, with: "$TMP")
        text = text.replacingOccurrences(of: #"run time: [0-9.]+ ms"#, with: "run time: N ms", options: .regularExpression)
        text = text.replacingOccurrences(
            of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"#, with: "YYYY-MM-DDThh:mm:ss", options: .regularExpression)
        text = text.replacingOccurrences(of: #"\d{4}-\d\d-\d\d \d\d:\d\d"#, with: "YYYY-MM-DD hh:mm", options: .regularExpression)
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
