import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// Which classes a matrix keeps when they do not all fit, on a hand-worked 4-class example.
final class MatrixFoldingTests: XCTestCase {
    // Off-diagonal row + column sums: a 1+0+0+2 + 0+3+0+1 = 7, b 3+0+0+0 + 1+0+0+2 = 6,
    // c 0+0+0+5 + 0+0+0+0 = 5, d 0+0+0+0 + 0+0+0+0 = 0.
    private let counts = [
        [10, 1, 0, 0, 2],
        [3, 20, 0, 0, 0],
        [0, 0, 30, 0, 5],
        [0, 0, 0, 40, 0],
        [1, 2, 0, 0, 0],
    ]

    func testRankingFollowsInvolvementInErrors() {
        let m = MatrixResult(labels: ["a", "b", "c", "d"], counts: counts, point: OperatingPoint())
        XCTAssertEqual(FoldedMatrix.ranking(m), [0, 1, 2, 3])
    }

    func testFoldingKeepsTotalsAndSumsTheRestIntoOther() {
        let m = MatrixResult(labels: ["a", "b", "c", "d"], counts: counts, point: OperatingPoint())
        let folded = FoldedMatrix(m, keeping: 2, ranking: FoldedMatrix.ranking(m))
        XCTAssertEqual(folded.kept, [0, 1])
        XCTAssertEqual(folded.matrix.labels, ["a", "b", "other"])
        XCTAssertEqual(folded.matrix.counts, [
            [10, 1, 0, 2],
            [3, 20, 0, 0],
            [0, 0, 70, 5],
            [1, 2, 0, 0],
        ])
    }

    func testTopNIsHonouredAndSaysWhatWasLeftOut() {
        let m = MatrixResult(labels: ["a", "b", "c", "d"], counts: counts, top: 3, point: OperatingPoint())
        let text = render(.matrix(m), options: RenderOptions(width: 200))
        XCTAssertTrue(text.contains("showing 3 of 4 classes, those most involved in errors; 1 folded into other: d"), text)
        XCTAssertTrue(text.contains("3 c"))
        XCTAssertFalse(text.contains("4 d"))
    }

    /// `cell 5 1` addresses none (N+1): its row and column carry that number, folded or not.
    func testNoneIsNumberedLikeTheClasses() {
        let m = MatrixResult(labels: ["a", "b", "c", "d"], counts: counts, point: OperatingPoint())
        let whole = render(.matrix(m), options: RenderOptions(width: 100)).split(separator: "\n").map(String.init)
        XCTAssertTrue(whole.contains { $0.hasPrefix("5 none ") }, whole.joined(separator: "\n"))
        XCTAssertTrue(whole.contains { $0.hasPrefix("ground truth") && $0.contains(" 5 none ") }, whole.joined(separator: "\n"))
        var top = m
        top.top = 2
        let folded = render(.matrix(top), options: RenderOptions(width: 100)).split(separator: "\n").map(String.init)
        XCTAssertTrue(folded.contains { $0.hasPrefix("5 none ") }, folded.joined(separator: "\n"))
        XCTAssertTrue(folded.contains { $0.hasPrefix("  other ") }, folded.joined(separator: "\n"))
    }
}
