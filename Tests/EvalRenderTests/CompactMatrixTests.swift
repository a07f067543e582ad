import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// At 40 columns the matrix shows as many classes as a compact layout fits (numbered headers,
/// short row labels, no totals column) rather than folding every class into `other`.
final class CompactMatrixTests: XCTestCase {
    /// COCO's first `n` classes, the others' counts left out.
    private func matrix(classes n: Int, top: Int? = nil) -> MatrixResult {
        let all = COCOFixtures.counts()
        let keep = Array(0..<n) + [all.count - 1]
        let counts = keep.map { r in keep.map { c in all[r][c] } }
        return MatrixResult(labels: Array(COCOFixtures.names.prefix(n)), counts: counts, top: top, point: OperatingPoint())
    }

    private func lines(_ m: MatrixResult, width: Int = 40) -> [String] {
        let lines = render(.matrix(m), options: RenderOptions(width: width)).split(separator: "\n").map(String.init)
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, line) }
        return lines
    }

    /// The numbers heading the class columns (the line under `predictions →`).
    private func columnNumbers(_ lines: [String]) -> [Int] {
        guard let axis = lines.firstIndex(where: { $0.contains("predictions →") }) else { return [] }
        return lines[axis + 1].split(separator: " ").compactMap { Int($0) }
    }

    func testEightClassesTopThreeShowsThreeAtForty() {
        let text = lines(matrix(classes: 8, top: 3))
        let joined = text.joined(separator: "\n")
        // Three class columns, then none's number (9).
        XCTAssertEqual(columnNumbers(text).count, 4, joined)
        XCTAssertEqual(columnNumbers(text).last, 9, joined)
        XCTAssertTrue(joined.contains("showing 3 of 8 classes"), joined)
        XCTAssertTrue(text.contains { $0.hasPrefix("  other") }, joined)
        XCTAssertTrue(text.contains { $0.hasPrefix("9 none") }, joined)
    }

    func testEightyClassesTopFiveShowsSomeAtForty() {
        let text = lines(COCOFixtures.matrix(top: 5))
        let joined = text.joined(separator: "\n")
        let shown = columnNumbers(text).count - 1
        XCTAssertGreaterThanOrEqual(shown, 3, joined)
        XCTAssertTrue(joined.contains("showing \(shown) of 80 classes"), joined)
        XCTAssertTrue(text.contains { $0.hasPrefix("81 none") }, joined)
        // Without the totals column, the legend says so.
        XCTAssertFalse(joined.contains("│ total"), joined)
        XCTAssertTrue(joined.contains("the totals column left out"), joined.replacingOccurrences(of: "\n", with: " "))
    }

    func testRowLabelsKeepTheNumberAndAFewLetters() {
        let text = lines(matrix(classes: 8))
        let joined = text.joined(separator: "\n")
        // `cell 4 …` addresses motorcycle by its number, which the cut label keeps.
        XCTAssertTrue(text.contains { $0.hasPrefix("4 motor… ") }, joined)
        XCTAssertTrue(text.contains { $0.hasPrefix("3 car ") }, joined)
    }

    func testAWideLineKeepsTheFullLayout() {
        let text = lines(matrix(classes: 8), width: 120)
        let joined = text.joined(separator: "\n")
        XCTAssertTrue(joined.contains("│ total"), joined)
        XCTAssertTrue(text.contains { $0.hasPrefix("ground truth") }, joined)
        XCTAssertFalse(joined.contains("folded into other"), joined)
    }

    func testNoClassFitsSaysToWidenTheTerminal() {
        let big = 1_000_000_000
        let m = MatrixResult(labels: ["a", "b"], counts: [[big, big, big], [big, big, big], [big, big, 0]], point: OperatingPoint())
        let joined = lines(m).joined(separator: " ")
        XCTAssertTrue(joined.contains("showing 0 of 2 classes"), joined)
        XCTAssertTrue(joined.contains("widen the terminal"), joined)
    }
}
