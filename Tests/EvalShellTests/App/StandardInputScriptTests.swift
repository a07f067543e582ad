@testable import EvalShell
import Foundation
import XCTest

/// Where standard input is cut into runnable chunks: after a line break that no `\` continues.
final class StandardInputScriptTests: XCTestCase {
    private func end(_ text: String, from: Int = 0) -> Int? {
        let data = Data(text.utf8)
        return StandardInputScript.lastStatementEnd(in: data, from: from).map { $0 - data.startIndex }
    }

    func testCutsAfterTheLastCompleteLine() {
        XCTAssertEqual(end("summary\nclasses"), 8)
        XCTAssertEqual(end("summary\nclasses\n"), 16)
        XCTAssertNil(end("summary"))
    }

    func testAContinuedLineIsNotAnEnd() {
        // "a \" continues: the statement ends after "b".
        XCTAssertEqual(end("x\na \\\nb"), 2)
        XCTAssertEqual(end("x\na \\  \nb\n"), 10)
        // Two backslashes are an escaped backslash, not a continuation.
        XCTAssertEqual(end("a \\\\\nb"), 5)
    }

    func testSearchesOnlyFromTheGivenOffset() {
        XCTAssertNil(end("a\nbc", from: 2))
        XCTAssertEqual(end("a\nbc\n", from: 2), 5)
    }
}
