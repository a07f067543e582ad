import EvalshTestSupport
import Foundation
import XCTest

/// A throwaway home for the built `evalsh` binary: HOME and the XDG folders in a temporary
/// directory, `--no-init` on every launch, the repository's COCO example to work on. Launches it
/// under a pseudo-terminal (an interactive session, which keeps the edit journal) or as a plain
/// script run. The binary is the one `BuiltEvalsh` finds or builds; without it the test fails.
struct ShellSandbox {
    let executable: String
    let root: URL
    /// Ground truth and predictions of `Examples/coco-small` (the evaluation is named `predictions`).
    let coco: [String]
    var extraEnvironment: [String: String] = [:]

    init(for testCase: XCTestCase) throws {
        executable = try BuiltEvalsh.path()
        coco = try ["gt.json", "predictions.json"].map { name in try Repository.file("Examples/coco-small/\(name)") }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-journal-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        testCase.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        self.root = root
    }

    var stateHome: String { root.path + "/state" }
    var journalDirectory: String { stateHome + "/evalsh/journal" }
    var historyPath: String { stateHome + "/evalsh/history" }

    var environment: [String: String] {
        [
            "HOME": root.path, "XDG_STATE_HOME": stateHome, "XDG_DATA_HOME": root.path + "/data",
            "XDG_CONFIG_HOME": root.path + "/config", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "PAGER": "cat",
        ].merging(extraEnvironment) { $1 }
            .merging(SanitizerOptions.environment) { $1 }
    }

    /// `evalsh --no-init GT PRED` (or `files`) at a terminal.
    func launchInteractive(files: [String]? = nil) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            executable: executable, arguments: (files ?? coco) + ["--no-init"], environment: environment, columns: 160,
            rows: 60)
        return terminal
    }

    /// A copy of a repository file in the sandbox, to rewrite or load under another name.
    func copy(_ repositoryPath: String, as name: String) throws -> String {
        let target = root.appendingPathComponent(name)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: try Repository.file(repositoryPath)), to: target)
        return target.path
    }

    /// The journal files left in the state folder.
    func journalFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: journalDirectory)) ?? []).sorted()
            .map { journalDirectory + "/" + $0 }
    }

    /// `evalsh --no-init GT PRED -c SCRIPT`, not at a terminal; returns status and standard error.
    func runScript(_ script: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = coco + ["--no-init", "-c", script]
        process.environment = environment
        process.currentDirectoryURL = root
        let out = root.appendingPathComponent("script.out")
        let err = root.appendingPathComponent("script.err")
        for url in [out, err] { FileManager.default.createFile(atPath: url.path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }
}
