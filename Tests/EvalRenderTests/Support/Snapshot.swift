// Snapshot testing: a rendered view is compared byte for byte with the file
// `__Snapshots__/<name>.txt` beside this test target. To (re)record snapshots after a deliberate
// change of a view, run the tests with the environment variable EVALSH_RECORD=1:
//
//     EVALSH_RECORD=1 swift test --filter EvalRenderTests
//
// then look at the changed files (`git diff`, or `cat` them in a terminal for the colour ones)
// before committing them. Without EVALSH_RECORD, a missing snapshot is a failure.
import Foundation
import XCTest

enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    static var recording: Bool { ProcessInfo.processInfo.environment["EVALSH_RECORD"] == "1" }

    static func assert(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name + ".txt")
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try text.write(to: url, atomically: true, encoding: .utf8) } catch {
                XCTFail("cannot write snapshot \(url.path): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            XCTFail("no snapshot \(url.lastPathComponent); record it with EVALSH_RECORD=1", file: file, line: line)
            return
        }
        if expected != text {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            XCTFail(
                "\(name) differs from its snapshot at line \(first + 1):\n  got:  \(first < got.count ? String(got[first]) : "<end>")\n  want: \(first < want.count ? String(want[first]) : "<end>")",
                file: file, line: line)
        }
    }
}
