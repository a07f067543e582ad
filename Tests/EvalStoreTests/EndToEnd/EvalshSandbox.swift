import EvalshTestSupport
import Foundation
import XCTest

/// The built `evalsh` binary run as a subprocess in a throwaway home: HOME, XDG_STATE_HOME,
/// XDG_DATA_HOME and XDG_CONFIG_HOME point into a temporary directory, and every run passes
/// `--no-init`, so nothing of the machine's own configuration, store or journal is read or touched.
///
/// The binary is the one `BuiltEvalsh` finds or builds; without it the test fails saying why.
struct EvalshSandbox {
    /// What one run left behind.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams, for assertions about what a user could see anywhere.
        var everything: String { stdout + stderr }
    }

    let executable: URL
    /// The temporary directory, also the working directory of every run.
    let root: URL
    /// Added to (and overriding) the sandbox's environment on every run.
    var environment: [String: String] = [:]

    init(for testCase: XCTestCase) throws {
        executable = try BuiltEvalsh.url()
        root = try makeTemporaryDirectory(for: testCase)
    }

    var stateHome: URL { root.appendingPathComponent("state") }
    var dataHome: URL { root.appendingPathComponent("data") }
    /// Where the local store lives when `--store` is not given.
    var defaultStore: URL { dataHome.appendingPathComponent("evalsh/store.sqlite") }

    /// A file of the repository's `Examples/` folder; missing, the test fails.
    static func example(_ relativePath: String) throws -> String {
        try Repository.file("Examples/" + relativePath)
    }

    /// The COCO example: ground truth then predictions (120 images, 8 classes).
    static func cocoExample() throws -> [String] {
        [try example("coco-small/gt.json"), try example("coco-small/predictions.json")]
    }

    /// A copy of the Picsellia example payload and its confusion-matrix log in the sandbox, so
    /// that pushing it back to its own file leaves the repository alone.
    func copyPayloadExample() throws -> URL {
        let folder = root.appendingPathComponent("payload")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["evaluation.json", "confusion-matrix.json"] {
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: try Self.example("picsellia/\(name)")), to: folder.appendingPathComponent(name))
        }
        return folder.appendingPathComponent("evaluation.json")
    }

    /// The process for `evalsh --no-init ARGUMENTS`, its streams going to files in the sandbox.
    func process(_ arguments: [String], stdin: String? = nil, tag: String = UUID().uuidString) throws
        -> (process: Process, stdout: URL, stderr: URL)
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--no-init"] + arguments
        process.currentDirectoryURL = root
        process.environment = [
            "HOME": root.path, "XDG_STATE_HOME": stateHome.path, "XDG_DATA_HOME": dataHome.path,
            "XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "PATH": "/usr/bin:/bin",
            "LANG": "C.UTF-8", "NO_COLOR": "1",
        ].merging(environment) { $1 }
            .merging(SanitizerOptions.environment) { $1 }
        let stdout = root.appendingPathComponent("run-\(tag).out")
        let stderr = root.appendingPathComponent("run-\(tag).err")
        for url in [stdout, stderr] { FileManager.default.createFile(atPath: url.path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        if let stdin {
            let input = root.appendingPathComponent("run-\(tag).in")
            try Data(stdin.utf8).write(to: input)
            process.standardInput = try FileHandle(forReadingFrom: input)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        return (process, stdout, stderr)
    }

    /// Runs `evalsh --no-init ARGUMENTS` to the end.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil) throws -> Run {
        let (process, stdout, stderr) = try self.process(arguments, stdin: stdin)
        try process.run()
        process.waitUntilExit()
        return try Self.collect(process, stdout: stdout, stderr: stderr)
    }

    static func collect(_ process: Process, stdout: URL, stderr: URL) throws -> Run {
        Run(
            status: process.terminationStatus,
            stdout: try String(contentsOf: stdout, encoding: .utf8),
            stderr: try String(contentsOf: stderr, encoding: .utf8))
    }

    /// Every file under the sandbox (run logs aside) whose bytes contain `secret`.
    func filesContaining(_ secret: String) -> [String] {
        let needle = Data(secret.utf8)
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        var found: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            guard !url.lastPathComponent.hasPrefix("run-"),
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                let data = try? Data(contentsOf: url), data.range(of: needle) != nil
            else { continue }
            found.append(url.path)
        }
        return found
    }
}

/// JSON documents compared as values: key order and `22` versus `22.0` do not matter.
func assertSameJSON(_ a: Data, _ b: Data, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) throws {
    let left = try JSONSerialization.jsonObject(with: a) as? NSDictionary
    let right = try JSONSerialization.jsonObject(with: b) as? NSDictionary
    XCTAssertNotNil(left, "not a JSON object: \(message)", file: file, line: line)
    XCTAssertEqual(left, right, message, file: file, line: line)
}

/// A JSON object's top-level members.
func jsonObject(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
}
