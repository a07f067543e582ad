import EvalShell
import XCTest

final class StatementAccumulatorTests: XCTestCase {
    func testSingleLineIsCompleteWithTrailingBlanksRemoved() {
        var accumulator = StatementAccumulator()
        XCTAssertEqual(accumulator.add("summary  \t"), .complete("summary"))
        XCTAssertFalse(accumulator.isPending)
    }

    func testTrailingBackslashContinuesAndPiecesJoinWithOneSpace() {
        var accumulator = StatementAccumulator()
        XCTAssertEqual(accumulator.add("where FN > 2 \\"), .needsMore)
        XCTAssertTrue(accumulator.isPending)
        XCTAssertEqual(accumulator.add("    sort FN desc\\  "), .needsMore)
        XCTAssertEqual(accumulator.add("  limit 5"), .complete("where FN > 2 sort FN desc limit 5"))
        XCTAssertFalse(accumulator.isPending)
    }

    func testEscapedBackslashAtEndDoesNotContinue() {
        var accumulator = StatementAccumulator()
        XCTAssertEqual(accumulator.add(#"show C:\\"#), .complete(#"show C:\\"#))
        XCTAssertEqual(accumulator.add(#"show a\\\"#), .needsMore)
    }

    func testLeadingSpaceOfTheFirstLineIsKept() {
        var accumulator = StatementAccumulator()
        XCTAssertEqual(accumulator.add(" secret"), .complete(" secret"))
    }

    func testResetDropsThePartialStatement() {
        var accumulator = StatementAccumulator()
        XCTAssertEqual(accumulator.add("matrix \\"), .needsMore)
        accumulator.reset()
        XCTAssertFalse(accumulator.isPending)
        XCTAssertEqual(accumulator.add("summary"), .complete("summary"))
    }
}
