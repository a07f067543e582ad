import EvalCore
import XCTest

@testable import EvalQuery

/// Views of the hand-worked `ExecutorFixture`: the expected values are its worked numbers.
final class ExecutorViewTests: XCTestCase {
    func testSummaryTotalsAndPerClassCounts() throws {
        let executor = ExecutorFixture.executor()
        guard case .summary(let summary)? = try executor.run("summary").first else { return XCTFail("no summary") }
        XCTAssertEqual(summary.totals, Totals(objects: 3, predictions: 3, tp: 1, fp: 2, fn: 2))
        XCTAssertEqual(summary.totals.precision, 1.0 / 3.0, accuracy: 1e-15)
        // cat: 1 object, 2 predictions (one right, one on the dog); dog: 2 objects, 1 prediction (on nothing).
        XCTAssertEqual(summary.perClass.map(\.name), ["cat", "dog"])
        XCTAssertEqual(summary.perClass[0].totals, Totals(objects: 1, predictions: 2, tp: 1, fp: 1, fn: 0))
        XCTAssertEqual(summary.perClass[1].totals, Totals(objects: 2, predictions: 1, tp: 0, fp: 1, fn: 2))
        XCTAssertEqual(summary.imageCount, 3)
    }

    /// `classes sort fn`: dog (2 missed) before cat (0), and the result names the column as its
    /// header reads, for a narrow view to keep.
    func testClassesSortNamesItsColumn() throws {
        let executor = ExecutorFixture.executor()
        guard case .classes(let byFN)? = try executor.run("classes sort fn").first else { return XCTFail("no classes") }
        XCTAssertEqual(byFN.rows.map(\.name), ["dog", "cat"])
        XCTAssertEqual(byFN.sortedBy, "FN")
        guard case .classes(let plain)? = try executor.run("classes").first else { return XCTFail("no classes") }
        XCTAssertNil(plain.sortedBy)
    }

    func testMatrixRowsAreGroundTruthColumnsPredictions() throws {
        let executor = ExecutorFixture.executor()
        guard case .matrix(let matrix)? = try executor.run("matrix").first else { return XCTFail("no matrix") }
        XCTAssertEqual(matrix.counts, [[1, 0, 0], [1, 0, 1], [0, 1, 0]])
        XCTAssertEqual(matrix.labels, ["cat", "dog"])
    }

    func testWhereFiltersEveryOperator() throws {
        let executor = ExecutorFixture.executor()
        XCTAssertEqual(try executor.filenames("where FN > 0"), ["one.jpg", "two.jpg"])
        XCTAssertEqual(try executor.filenames("where FN = 0"), ["three.jpg"])
        XCTAssertEqual(try executor.filenames("where FP >= 1 and not FN != 1"), ["one.jpg"])
        XCTAssertEqual(try executor.filenames("where FN[dog] > 0 or preds < 1"), ["one.jpg", "two.jpg"])
        XCTAssertEqual(try executor.filenames("where FP.dog = 1"), ["three.jpg"])
        XCTAssertEqual(try executor.filenames("where has cat"), ["one.jpg"])
        XCTAssertEqual(try executor.filenames("where predicted dog"), ["three.jpg"])
        XCTAssertEqual(try executor.filenames("where filename ~ \"t*.jpg\""), ["two.jpg", "three.jpg"])
        XCTAssertEqual(try executor.filenames("where filename = two.jpg"), ["two.jpg"])
        // one: 2·1 − 1 = 1; two: −1; three: 0.
        XCTAssertEqual(try executor.filenames("where TP * 2 - FN > 0"), ["one.jpg"])
        XCTAssertEqual(try executor.filenames("where objects <= 1 and (FP + FN) / 2 >= 0.5"), ["two.jpg", "three.jpg"])
    }

    func testSortIsStableAndLimitCountsTheMatchesBeforeIt() throws {
        let executor = ExecutorFixture.executor()
        // FP: one 1, two 0, three 1: descending keeps one before three.
        guard case .images(let list)? = try executor.run("images sort FP desc limit 2").first else { return XCTFail() }
        XCTAssertEqual(list.rows.map(\.filename), ["one.jpg", "three.jpg"])
        XCTAssertEqual(list.matched, 3)
        XCTAssertEqual(try executor.filenames("images sort filename asc"), ["one.jpg", "three.jpg", "two.jpg"])
        XCTAssertEqual(try executor.filenames("images sort objects asc limit 1"), ["three.jpg"])
        XCTAssertEqual(try executor.filenames("images limit 0"), [])
    }

    func testCellListsTheImagesBehindEachCell() throws {
        let executor = ExecutorFixture.executor()
        guard case .images(let cell)? = try executor.run("cell dog cat").first else { return XCTFail() }
        XCTAssertEqual(cell.rows.map(\.filename), ["one.jpg"])
        XCTAssertEqual(cell.rows.map(\.extra), [1])
        XCTAssertEqual(cell.extraColumn, "count")
        XCTAssertEqual(try executor.filenames("cell cat cat"), ["one.jpg"])
        XCTAssertEqual(try executor.filenames("cell dog none"), ["two.jpg"])
        XCTAssertEqual(try executor.filenames("cell none dog"), ["three.jpg"])
        XCTAssertEqual(try executor.filenames("cell 3 2"), ["three.jpg"])
        XCTAssertEqual(try executor.filenames("cell cat dog"), [])
        XCTAssertEqual(try executor.filenames("cell DOG none where FN > 5"), [])
    }

    func testShowGivesEachObjectItsFate() throws {
        let executor = ExecutorFixture.executor()
        guard case .imageView(let view)? = try executor.run("show one.jpg").first else { return XCTFail() }
        XCTAssertEqual(view.objects.count, 4)
        XCTAssertEqual(view.objects[0].fate, .truePositive)
        // The dog is confused as a cat by the second prediction (row 4 of the view).
        XCTAssertEqual(view.objects[1].fate, .confused(classIndex: 0))
        XCTAssertEqual(view.objects[1].match, 3)
        XCTAssertEqual(view.objects[3].iou ?? 0, 1, accuracy: 1e-12)
    }
}
