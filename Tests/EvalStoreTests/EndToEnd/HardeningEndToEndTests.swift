#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

/// Issue 11 through the built binary: journal in stdin mode, clear messages for files that
/// are not what they should be, control characters from data escaped in messages.
final class HardeningEndToEndTests: XCTestCase {
    func testAStdinSessionKilledWithSignal9LosesNoEdits() throws {
        let sandbox = try EvalshSandbox(for: self)
        let fifo = sandbox.root.appendingPathComponent("in.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // Opened read-write first so that neither end blocks in open.
        let writer = open(fifo, O_RDWR)
        XCTAssertGreaterThanOrEqual(writer, 0)
        defer { close(writer) }
        let (process, _, _) = try sandbox.process(try EvalshSandbox.cocoExample())
        process.standardInput = FileHandle(forReadingAtPath: fifo)
        try process.run()
        let statements = "metric iou=0.6 confidence=0.3\nrename car auto\n"
        _ = statements.withCString { write(writer, $0, strlen($0)) }
        let journal = sandbox.stateHome.appendingPathComponent("evalsh/journal")
        let deadline = Date().addingTimeInterval(60)
        func journaledBoth() -> Bool {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
            // Journal files only: a temporary being written is not yet the journal.
            return files.filter { $0.hasSuffix(".json") }.contains { name in
                let text = (try? String(contentsOfFile: journal.appendingPathComponent(name).path, encoding: .utf8)) ?? ""
                return text.contains("rename car auto")
            }
        }
        while !journaledBoth() && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertTrue(journaledBoth(), "the edits fed through the FIFO were not journaled before the kill")
        let recovered = try sandbox.run(try EvalshSandbox.cocoExample() + ["-c", "recover; pending"])
        XCTAssertEqual(recovered.status, 0, recovered.everything)
        XCTAssertTrue(recovered.stdout.contains("recovered 2 edit(s)") || recovered.everything.contains("recovered 2 edit(s)"), recovered.everything)
        XCTAssertTrue(recovered.stdout.contains("rename car auto"), recovered.everything)
    }

    func testFoldersAndFIFOsGetClearMessages() throws {
        let sandbox = try EvalshSandbox(for: self)
        let folder = sandbox.root.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = try sandbox.run(["-f", folder.path])
        XCTAssertEqual(script.status, 66)
        XCTAssertTrue(script.stderr.contains("it is a folder, not a script file"), script.stderr)
        let source = try sandbox.run(try EvalshSandbox.cocoExample() + ["-c", "source d"])
        XCTAssertTrue(source.stderr.contains("d: cannot read: it is a folder"), source.stderr)
        XCTAssertEqual(mkfifo(sandbox.root.appendingPathComponent("f.json").path, 0o600), 0)
        let started = Date()
        let fifo = try sandbox.run(["f.json", try EvalshSandbox.example("coco-small/predictions.json"), "-c", "summary"])
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        XCTAssertEqual(fifo.status, 66)
        XCTAssertTrue(fifo.stderr.contains("FIFO"), fifo.stderr)
        let svg = try sandbox.run(try EvalshSandbox.cocoExample() + ["-c", "show 000000167379.jpg svg /no/dir/x.svg"])
        XCTAssertTrue(svg.stderr.contains("there is no folder /no/dir"), svg.stderr)
    }

    func testControlCharactersFromDataAreEscapedInMessages() throws {
        let sandbox = try EvalshSandbox(for: self)
        let hostile = "car\u{1B}]0;TITLE\u{07}\u{1B}[2J"
        let script = sandbox.root.appendingPathComponent("s.evq")
        try "assert FN[\"\(hostile)\"] <= 1\n".write(to: script, atomically: true, encoding: .utf8)
        let run = try sandbox.run(try EvalshSandbox.cocoExample() + ["-f", script.path])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertFalse(run.everything.contains("\u{1B}"), run.everything)
        XCTAssertFalse(run.everything.contains("\u{07}"))
        XCTAssertTrue(run.stderr.contains(#"car\x1b]0;TITLE\x07\x1b[2J"#), run.stderr)
    }

    /// What a push killed between its two renames leaves (the new matrix beside the old
    /// payload), made by hand: the loader warns, naming the first disagreement.
    func testANewMatrixBesideAnOldPayloadIsAWarningAtLoad() throws {
        let sandbox = try EvalshSandbox(for: self)
        let coco = try EvalshSandbox.cocoExample()
        XCTAssertEqual(try sandbox.run(coco + ["-c", "push out.json"]).status, 0)
        XCTAssertEqual(try sandbox.run(coco + ["-c", "metric iou=0.9; push new.json"]).status, 0)
        let matrix = sandbox.root.appendingPathComponent("out.confusion-matrix.json")
        try FileManager.default.removeItem(at: matrix)
        try FileManager.default.copyItem(at: sandbox.root.appendingPathComponent("new.confusion-matrix.json"), to: matrix)
        let run = try sandbox.run(["out.json", "-c", "summary"])
        XCTAssertTrue(run.everything.contains("out.confusion-matrix.json disagrees with out.json"), run.everything)
        XCTAssertTrue(run.everything.contains("an interrupted push?"), run.everything)
        let pushed = try sandbox.run(coco + ["-c", "push out.json"])
        XCTAssertEqual(pushed.status, 0)
        XCTAssertFalse(try sandbox.run(["out.json", "-c", "summary"]).everything.contains("disagrees"))
    }

    /// `evalsh GT DT < /dev/zero`: endless input without a line break ends with an error.
    func testEndlessStandardInputEnds() throws {
        let sandbox = try EvalshSandbox(for: self)
        let (process, stdout, stderr) = try sandbox.process(try EvalshSandbox.cocoExample())
        process.standardInput = FileHandle(forReadingAtPath: "/dev/zero")
        let started = Date()
        try process.run()
        process.waitUntilExit()
        let run = try EvalshSandbox.collect(process, stdout: stdout, stderr: stderr)
        XCTAssertEqual(run.status, 65, run.everything)
        XCTAssertTrue(run.stderr.contains("a statement longer than 1 MiB"), run.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
    }

    /// `check` exits 65 when it finds errors (a matrix of the wrong shape beside the payload),
    /// 0 with warnings alone (a matrix whose counts disagree) or none.
    func testCheckFailsOnErrorsOnly() throws {
        let sandbox = try EvalshSandbox(for: self)
        let payload = try sandbox.copyPayloadExample()
        XCTAssertEqual(try sandbox.run([payload.path, "-c", "check"]).status, 0)
        let matrix = payload.deletingLastPathComponent().appendingPathComponent("confusion-matrix.json")
        var log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: matrix)) as? [String: Any])
        var values = try XCTUnwrap(log["values"] as? [[Double]])
        values[0][0] += 1
        log["values"] = values
        try JSONSerialization.data(withJSONObject: log).write(to: matrix)
        let warned = try sandbox.run([payload.path, "-c", "check"])
        XCTAssertEqual(warned.status, 0, warned.everything)
        XCTAssertTrue(warned.everything.contains("0 error(s), "), warned.everything)
        log["values"] = [[1.0]]
        try JSONSerialization.data(withJSONObject: log).write(to: matrix)
        let failed = try sandbox.run([payload.path, "-c", "check"])
        XCTAssertEqual(failed.status, 65, failed.everything)
        XCTAssertTrue(failed.stderr.contains("check found 1 error(s)"), failed.stderr)
        XCTAssertTrue(failed.everything.contains("confusion-matrix.json"), failed.everything)
    }
}
