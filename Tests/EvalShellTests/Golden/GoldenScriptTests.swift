// Golden query scripts, in the style of Crafting Interpreters' test suite: each
// `scripts/NAME.evq` is an evalsh script whose comments say what running it must show.
//
// Header (line 1 of the script, or the first lines of a section):
//     # load: FILE [FILE]    files given on the command line, relative to the package root
//     # args: ARG ...        more command-line arguments (e.g. --format json)
//     # exit: N              the exit status of the run (default 0)
// Checks, written on their own lines under the statement they are about (the statement that
// ends on the nearest line above; above every statement, they are about the files loaded from
// the command line):
//     # expect: TEXT         TEXT appears in the statement's output (stdout and stderr)
//     # expect-not: TEXT     TEXT does not appear in it
//     # expect-json: P = V   the statement's standard output is one JSON document whose value
//                            at path P is the JSON literal V (numbers within 1e-12); see
//                            JSONPathCheck for paths
//     # expect-keys: K, ...  that output is a JSON object with exactly these keys, in this order
//     # error: TEXT          the statement failed: its output has `error:` and TEXT
// A statement line may end with a `# comment` of its own; it is never read as a check. When
// the run stops at a failure, checks under the statements that did not run are about the one
// that failed.
// A line `# ---` starts a new section: a separate run with the first section's load, args and
// exit unless it gives its own. Sections let one script hold several failures (a script stops
// at its first one). Other sections' lines are blanked, so `FILE:LINE:COLUMN` in messages are
// the script's own. `$TMP` in a script is the run's sandbox folder (HOME, XDG folders, the
// store: `--store $TMP/store.sqlite`); output shows the sandbox as `$TMP`.
//
// How statements' outputs are told apart: each section runs once, with
// EVALSH_STATEMENT_MARKERS=1, which makes evalsh write a marker line naming the script and the
// line where the statement ends before each statement, on stdout and on stderr
// (`StatementMarker`). The statements run as written; MarkedOutput cuts both streams at the
// markers and takes the markers out again.
//
// Snapshot: what every section printed (stdout, stderr, exit status; markers taken out) is kept
// in `scripts/NAME.out` and compared exactly. After a deliberate change, re-record with
//     EVALSH_RECORD=1 swift test --filter GoldenScriptTests
// and read the diff of the .out files before committing them.
import EvalshTestSupport
import Foundation
import XCTest

final class GoldenScriptTests: XCTestCase {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("scripts")
    static var recording: Bool { ProcessInfo.processInfo.environment["EVALSH_RECORD"] == "1" }

    func testEveryGoldenScript() throws {
        let binary = try BuiltEvalsh.url()
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scripts.path)
            .filter { $0.hasSuffix(".evq") }.sorted()
        XCTAssertFalse(files.isEmpty, "no golden scripts in \(Self.scripts.path)")
        for file in files {
            try check(file, binary: binary)
        }
    }

    private func check(_ file: String, binary: URL) throws {
        let url = Self.scripts.appendingPathComponent(file)
        let script = try GoldenScript(name: file, text: String(contentsOf: url, encoding: .utf8))
        var snapshot = ""
        for (number, section) in script.sections.enumerated() {
            let sandbox = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-golden-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: sandbox) }
            let run = try EvalshProcess(binary: binary, directory: sandbox).run(
                script: substitute(section.text.joined(separator: "\n") + "\n", sandbox), scriptName: file,
                files: section.loads, arguments: section.arguments)
            snapshot += "### section \(number + 1) (line \(section.firstLine)) · exit \(run.status)\n"
            snapshot += run.stdout.text
            if !run.stderr.text.isEmpty { snapshot += "### stderr\n" + run.stderr.text }
            XCTAssertEqual(
                run.status, section.exitStatus,
                "\(file):\(section.firstLine): exit status\n\(run.stderr.text.suffix(1500))")
            verify(section, run: run, file: file)
        }
        compareSnapshot(snapshot, to: url.deletingPathExtension().appendingPathExtension("out"), file: file)
    }

    private func substitute(_ text: String, _ sandbox: URL) -> String {
        text.replacingOccurrences(of: "$TMP", with: sandbox.path)
    }

    private func verify(_ section: GoldenScript.Section, run: EvalshProcess.Output, file: String) {
        for check in section.checks {
            let (stdout, output) = run.output(above: check.line)
            let place = "\(file):\(check.line)"
            let shown = "\n--- its output:\n\(output.prefix(1500))"
            switch check.expectation {
            case .contains(let text):
                XCTAssert(output.contains(text), "\(place): expected \"\(text)\"\(shown)")
            case .lacks(let text):
                XCTAssertFalse(output.contains(text), "\(place): did not expect \"\(text)\"\(shown)")
            case .error(let text):
                XCTAssert(output.contains("error:") && output.contains(text), "\(place): expected error \"\(text)\"\(shown)")
            case .json(let path, let value):
                if let problem = JSONPathCheck.failure(of: path, equals: value, in: stdout) {
                    XCTFail("\(place): \(problem)")
                }
            case .keys(let keys):
                if let problem = JSONPathCheck.failure(ofKeys: keys, in: stdout) { XCTFail("\(place): \(problem)") }
            }
        }
    }

    private func compareSnapshot(_ text: String, to url: URL, file: String) {
        if Self.recording {
            XCTAssertNoThrow(try text.write(to: url, atomically: true, encoding: .utf8))
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("\(file): no snapshot \(url.lastPathComponent); record it with EVALSH_RECORD=1")
            return
        }
        guard expected != text else { return }
        let got = text.components(separatedBy: "\n"), want = expected.components(separatedBy: "\n")
        let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        XCTFail(
            "\(file): output differs from \(url.lastPathComponent) at line \(first + 1):\n"
                + "  got:  \(first < got.count ? got[first] : "<end>")\n  want: \(first < want.count ? want[first] : "<end>")")
    }
}
