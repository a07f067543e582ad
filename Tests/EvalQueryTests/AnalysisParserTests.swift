import EvalQuery
import XCTest

/// `boxes`, `cell … boxes`, `where … boxes`, `errors`, `sweep`, `matrix agnostic` and
/// `metric confidence=best` parse to the statements the executor runs.
final class AnalysisParserTests: XCTestCase {
    private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Statement? {
        do throws(Diagnostic) {
            return try Parser.parseStatement(text)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
            return nil
        }
    }

    private func reference(_ name: String) -> QueryExpression { .reference(Reference(Name(name))) }

    func testBoxesWithEveryClause() {
        let statement = parse("boxes where kind = pred and fate = FP and score >= 0.9 sort score desc limit 10")
        let predicate = QueryExpression.and(
            .and(.comparison(.equal, reference("kind"), reference("pred")), .comparison(.equal, reference("fate"), reference("FP"))),
            .comparison(.greaterOrEqual, reference("score"), .number(0.9)))
        let query = ImageQuery(predicate: predicate, sort: SortClause(Reference(Name("score")), .descending), limit: 10)
        XCTAssertEqual(statement, .boxes(BoxQuery(scope: .all, query)))
        XCTAssertEqual(parse("BOXES"), .boxes(BoxQuery()))
    }

    func testBoxesOfACellAndOfAWhere() {
        let cell = parse("cell car none where FN > 1 limit 5 boxes where kind = gt")
        let imageQuery = ImageQuery(predicate: .comparison(.greater, reference("FN"), .number(1)), limit: 5)
        let boxQuery = ImageQuery(predicate: .comparison(.equal, reference("kind"), reference("gt")))
        XCTAssertEqual(cell, .boxes(BoxQuery(scope: .cell(groundTruth: .name("car"), prediction: .background, imageQuery), boxQuery)))
        let filter = parse("where FN[car] > 2 boxes sort area asc")
        guard case .boxes(let query)? = filter, case .images(let images) = query.scope else {
            return XCTFail("not the boxes of a where: \(String(describing: filter))")
        }
        XCTAssertNotNil(images.predicate)
        XCTAssertEqual(query.query.sort, SortClause(Reference(Name("area")), .ascending))
        // Without `boxes`, a cell and a where stay image lists.
        guard case .cell? = parse("cell car none where FN > 1") else { return XCTFail("cell") }
    }

    func testErrorsSweepAndAgnosticMatrix() {
        XCTAssertEqual(parse("errors"), .errors(className: nil))
        XCTAssertEqual(parse("errors \"traffic light\""), .errors(className: "traffic light"))
        XCTAssertEqual(parse("sweep car"), .sweep(className: "car"))
        XCTAssertEqual(parse("sweep"), .sweep(className: nil))
        XCTAssertEqual(parse("matrix agnostic"), .agnosticMatrix)
        XCTAssertEqual(parse("matrix top 3"), .matrix(normalize: nil, top: 3))
    }

    func testConfidenceBestIsAWord() {
        XCTAssertEqual(
            parse("metric confidence=best"),
            .metric(MetricAssignment([MetricAssignment.Setting(Name("confidence"), .word("best"))])))
    }

    func testMalformedAnalysisStatementsAreDiagnosed() {
        for text in ["boxes where", "boxes sort", "boxes limit x", "errors car bus", "sweep a b", "boxes where kind ="] {
            XCTAssertThrowsError(try Parser.parseStatement(text), text)
        }
    }
}
