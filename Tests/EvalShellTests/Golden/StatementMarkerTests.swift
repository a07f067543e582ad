@testable import EvalShell
import EvalshTestSupport
import Foundation
import XCTest

/// The built evalsh writes statement markers on both streams only when asked.
final class StatementMarkerTests: XCTestCase {
    private func run(_ command: String, markers: Bool) throws -> (stdout: String, stderr: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-marker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = try BuiltEvalsh.url()
        process.arguments = ["--no-init", "-c", command]
        process.environment = [
            "HOME": directory.path, "XDG_STATE_HOME": directory.path, "XDG_DATA_HOME": directory.path,
            "XDG_CONFIG_HOME": directory.path, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8",
        ].merging(markers ? [StatementMarker.environmentVariable: "1"] : [:]) { $1 }
        let out = directory.appendingPathComponent("out"), err = directory.appendingPathComponent("err")
        for url in [out, err] { FileManager.default.createFile(atPath: url.path, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return (try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    func testMarksEachStatementOnBothStreamsWhenAsked() throws {
        let (stdout, stderr) = try run("set format csv ;\nset format table", markers: true)
        let expected = [StatementMarker.prefix + "-c:1", StatementMarker.prefix + "-c:2"]
        for stream in [stdout, stderr] {
            let markers = stream.split(separator: "\n").map(String.init).filter { $0.hasPrefix(StatementMarker.prefix) }
            XCTAssertEqual(markers, expected)
        }
    }

    func testWritesNoMarkerOtherwise() throws {
        let (stdout, stderr) = try run("set format csv ;\nset format table", markers: false)
        XCTAssertFalse((stdout + stderr).contains("\u{1E}"))
        XCTAssertFalse((stdout + stderr).isEmpty, "the statements' messages")
    }
}
