@testable import EvalShell
import Foundation
import XCTest

final class PagerTests: XCTestCase {
    private let small = TerminalSize(columns: 10, rows: 3)

    func testCommandComesFromPagerOrDefaultsToLess() {
        XCTAssertEqual(Pager(environment: ["PAGER": "more -s"]).command, "more -s")
        XCTAssertEqual(Pager(environment: ["PAGER": "  "]).command, "less -FRX")
        XCTAssertEqual(Pager(environment: [:]).command, "less -FRX")
    }

    func testPagesOnlyTallTextOnATerminal() {
        XCTAssertFalse(Pager.shouldPage("a\nb\nc\n", size: small, outputIsTerminal: true))
        XCTAssertTrue(Pager.shouldPage("a\nb\nc\nd\n", size: small, outputIsTerminal: true))
        XCTAssertFalse(Pager.shouldPage("a\nb\nc\nd\n", size: small, outputIsTerminal: false))
        // 25 visible characters wrap onto 3 rows of 10; colour codes take no room.
        let wrapped = "\u{1B}[31m" + String(repeating: "x", count: 25) + "\u{1B}[0m\nend"
        XCTAssertEqual(Pager.rowCount(of: wrapped, columns: 10), 4)
        XCTAssertTrue(Pager.shouldPage(wrapped, size: small, outputIsTerminal: true))
    }

    func testShortTextIsWrittenDirectly() {
        var written = ""
        let outcome = Pager(command: "false").show("one\n", size: small, outputIsTerminal: true) { written += $0 }
        XCTAssertEqual(outcome, .printed)
        XCTAssertEqual(written, "one\n")
    }

    func testTallTextIsPipedIntoThePagerCommand() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("pager-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let text = (1...50).map { "row \($0)" }.joined(separator: "\n") + "\n"
        var written = ""
        let outcome = Pager(command: "cat > '\(output)'").show(text, size: small, outputIsTerminal: true) {
            written += $0
        }
        XCTAssertEqual(outcome, .paged(exitStatus: 0))
        XCTAssertEqual(written, "")
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), text)
    }

    func testPagerQuittingEarlyDoesNotKillTheShell() {
        let text = String(repeating: "a long line of output\n", count: 20_000)
        XCTAssertEqual(Pager(command: "head -c 10 >/dev/null").page(text) { _ in }, .paged(exitStatus: 0))
    }

    func testMissingPagerFallsBackToPrinting() {
        var written = ""
        let outcome = Pager(command: "/nonexistent/pager").page("text\n") { written += $0 }
        guard case .printedAfterPagerFailure(let reason) = outcome else {
            return XCTFail("unexpected outcome \(outcome)")
        }
        XCTAssertTrue(reason.contains("/nonexistent/pager"), reason)
        XCTAssertEqual(written, "text\n")
    }
}
