// Golden query scripts, in the style of Crafting Interpreters' test suite: each
// `scripts/NAME.evq` is an evalsh script whose comments say what running it must show.
//
// Header (line 1 of the script, or the first lines of a section):
//     # load: FILE [FILE]    files given on the command line, relative to the package root
//     # args: ARG ...        more command-line arguments (e.g. --format json)
//     # exit: N              the exit status of the run (default 0)
// Checks, written under the statement they are about (the statement line above them; above
// every statement, they are about the files loaded from the command line):
//     # expect: TEXT         TEXT appears in the statement's output (stdout and stderr)
//     # expect-not: TEXT     TEXT does not appear in it
//     # expect-json: P = V   the output is one JSON document whose value at path P is the JSON
//                            literal V (numbers within 1e-12); see JSONPathCheck for paths
//     # expect-keys: K, ...  the output is a JSON object with exactly these keys, in this order
//     # error: TEXT          the statement failed: its output has `error:` and TEXT
// A line `# ---` starts a new section: a separate run with the first section's load, args and
// exit unless it gives its own. Sections let one script hold several failures (a script stops at its first one). Other
// sections' lines are blanked, so `FILE:LINE:COLUMN` in messages are the script's own. `$TMP`
// in a script is the run's sandbox folder (HOME, XDG folders, the store: `--store
// $TMP/store.sqlite`); output shows the sandbox as `$TMP`.
//
// How statements' outputs are told apart: a second run of each section appends
// `; set pager off` to every statement line (and turns the header line into that statement),
// with stderr and stdout in one pipe. `set pager off` prints a line "pager off" and changes
// nothing a script can see, so the output splits into one chunk per statement line. Hence two
// rules for scripts: a statement line carries no trailing `# comment`, and a script that
// itself says `set pager off` cannot check the statement just before it.
//
// Snapshot: the plain run of every section (stdout, stderr, exit status) is kept in
// `scripts/NAME.out` and compared exactly. After a deliberate change, re-record with
//     EVALSH_RECORD=1 swift test --filter GoldenScriptTests
// and read the diff of the .out files before committing them.
import Foundation
import XCTest

final class GoldenScriptTests: XCTestCase {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("scripts")
    static var recording: Bool { ProcessInfo.processInfo.environment["EVALSH_RECORD"] == "1" }

    func testEveryGoldenScript() throws {
        let binary = try EvalshProcess.locateBinary()
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
            let process = EvalshProcess(binary: binary, directory: sandbox)
            let plain = try process.run(
                script: substitute(section.text.joined(separator: "\n") + "\n", sandbox), scriptName: file,
                files: section.loads, arguments: section.arguments, mergingStreams: false)
            snapshot += "### section \(number + 1) (line \(section.firstLine)) · exit \(plain.status)\n"
            snapshot += plain.stdout
            if !plain.stderr.isEmpty { snapshot += "### stderr\n" + plain.stderr }
            XCTAssertEqual(
                plain.status, section.exitStatus,
                "\(file):\(section.firstLine): exit status\n\(plain.stderr.suffix(1500))")
            // The attributed run starts from a fresh sandbox, like the plain one.
            try FileManager.default.removeItem(at: sandbox)
            try FileManager.default.createDirectory(at: sandbox, withIntermediateDirectories: true)
            let attributed = try process.run(
                script: substitute(section.attributedText, sandbox), scriptName: file, files: section.loads,
                arguments: section.arguments, mergingStreams: true)
            verify(section, chunks: Self.chunks(attributed.stdout), file: file)
        }
        compareSnapshot(snapshot, to: url.deletingPathExtension().appendingPathExtension("out"), file: file)
    }

    private func substitute(_ text: String, _ sandbox: URL) -> String {
        text.replacingOccurrences(of: "$TMP", with: sandbox.path)
    }

    /// The merged output cut at marker lines: chunk 0 is the command line's loads, chunk i the
    /// output of statement line i.
    static func chunks(_ output: String) -> [String] {
        var chunks = [""]
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == GoldenScript.Section.marker {
                chunks.append("")
            } else {
                chunks[chunks.count - 1] += line + "\n"
            }
        }
        return chunks
    }

    private func verify(_ section: GoldenScript.Section, chunks: [String], file: String) {
        for check in section.checks {
            // A statement after the run stopped (its failure, or a parse error that ran
            // nothing) is checked against the last output there was.
            let output = chunks[min(check.statement, chunks.count - 1)]
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
                if let problem = JSONPathCheck.failure(of: path, equals: value, in: output) {
                    XCTFail("\(place): \(problem)")
                }
            case .keys(let keys):
                if let problem = JSONPathCheck.failure(ofKeys: keys, in: output) { XCTFail("\(place): \(problem)") }
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
