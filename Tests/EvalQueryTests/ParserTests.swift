import XCTest
import EvalQuery

/// Representative statements against hand-written ASTs.
final class ParserTests: XCTestCase {
    private func assertParses(_ text: String, _ expected: Statement, file: StaticString = #filePath, line: UInt = #line) {
        do throws(Diagnostic) {
            let statement = try Parser.parseStatement(text)
            XCTAssertEqual(statement, expected, text, file: file, line: line)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
        }
    }

    private func ref(_ name: Name, _ className: Name? = nil, qualifier: Name? = nil) -> QueryExpression {
        .reference(Reference(qualifier: qualifier, name, className: className))
    }

    func testWorkspaceStatements() {
        assertParses("load ../data/gt.json ~/x.json as base",
                     .load(files: ["../data/gt.json", "~/x.json"], as: "base"))
        assertParses("LOAD \"my payload.json\"", .load(files: ["my payload.json"], as: nil))
        assertParses("use run2", .use("run2"))
        assertParses("Drop run2", .drop("run2"))
        assertParses("evals", .evals)
    }

    func testViews() {
        assertParses("classes sort AP asc", .classes(sort: SortClause(Reference("AP"), .ascending)))
        assertParses("classes", .classes(sort: nil))
        assertParses("matrix normalize pred top 5", .matrix(normalize: .prediction, top: 5))
        assertParses("matrix top 3", .matrix(normalize: nil, top: 3))
        assertParses("payload heatmap", .payload(heatmap: true))
        assertParses("images limit 20", .images(ImageQuery(limit: 20)))
        assertParses("pr \"traffic light\"", .pr(className: "traffic light"))
        assertParses("show 9999953_00000_d_0000058.jpg svg out/a.svg",
                     .show(filename: "9999953_00000_d_0000058.jpg", svg: "out/a.svg"))
    }

    func testCell() {
        assertParses(
            "cell car pedestrian where FP > 1 sort FN desc limit 5",
            .cell(groundTruth: .name("car"), prediction: .name("pedestrian"), ImageQuery(
                predicate: .comparison(.greater, ref("FP"), .number(1)),
                sort: SortClause(Reference("FN"), .descending), limit: 5)))
        assertParses("cell 2 1", .cell(groundTruth: .index(2), prediction: .index(1), .all))
        assertParses("cell \"traffic light\" none", .cell(groundTruth: .name("traffic light"), prediction: .background, .all))
        assertParses("cell 'traffic light' 'none'", .cell(groundTruth: .name("traffic light"), prediction: .name("none"), .all))
        assertParses("cell \"none\" NONE", .cell(groundTruth: .name("none"), prediction: .background, .all))
    }

    func testPredicates() {
        assertParses(
            "where FN[car] >= 1 and not has bus or predicted \"traffic light\"",
            .filter(ImageQuery(predicate: .or(
                .and(.comparison(.greaterOrEqual, ref("FN", "car"), .number(1)), .not(.has("bus"))),
                .predicted("traffic light")))))
        assertParses(
            "where FP + FN * 2 > 3",
            .filter(ImageQuery(predicate: .comparison(
                .greater, .arithmetic(.add, ref("FP"), .arithmetic(.multiply, ref("FN"), .number(2))), .number(3)))))
        assertParses(
            "where (FP - FN) / 2 != -1.5",
            .filter(ImageQuery(predicate: .comparison(
                .notEqual, .arithmetic(.divide, .arithmetic(.subtract, ref("FP"), ref("FN")), .number(2)), .number(-1.5)))))
        assertParses("where filename ~ *_d_*", .filter(ImageQuery(predicate: .comparison(.matches, ref("filename"), .string("*_d_*")))))
        assertParses("where filename ~ '*0001*'", .filter(ImageQuery(predicate: .comparison(.matches, ref("filename"), .string("*0001*")))))
        assertParses("where filename = a.jpg", .filter(ImageQuery(predicate: .comparison(.equal, ref("filename"), .string("a.jpg")))))
        assertParses("where (has car)", .filter(ImageQuery(predicate: .has("car"))))
        assertParses("where FN[traffic light] > 0", .filter(ImageQuery(predicate: .comparison(.greater, ref("FN", "traffic light"), .number(0)))))
        assertParses("where FN.car == 2", .filter(ImageQuery(predicate: .comparison(.equal, ref("FN", "car"), .number(2)))))
    }

    func testReferencesInAssertAndCompare() {
        assertParses("assert recall.car > 0.8", .assert(.comparison(.greater, ref("recall", "car"), .number(0.8))))
        assertParses("assert A.AP50 >= 0.6", .assert(.comparison(.greaterOrEqual, ref("AP50", qualifier: "A"), .number(0.6))))
        assertParses("assert cand.FN[car] <= delta.FN.car",
                     .assert(.comparison(.lessOrEqual, ref("FN", "car", qualifier: "cand"), ref("FN", "car", qualifier: "delta"))))
        assertParses(
            "compare A B where delta.FN > 0 sort delta.FN desc limit 10",
            .compare("A", "B", .images(ImageQuery(
                predicate: .comparison(.greater, ref("FN", qualifier: "delta"), .number(0)),
                sort: SortClause(Reference(qualifier: "delta", "FN"), .descending), limit: 10))))
        assertParses("compare base cand", .compare("base", "cand", .summary))
        assertParses("compare base cand classes sort AP", .compare("base", "cand", .classes(sort: SortClause(Reference("AP")))))
        assertParses("compare a b show x.jpg", .compare("a", "b", .show(filename: "x.jpg")))
    }

    /// Issue 12 item 5: names quoted or bare with symbols (Ultralytics keys), values of the
    /// kind typed.
    func testAnyMetricNameAndValue() {
        assertParses("metric mAP@50=0.4", .metric(MetricAssignment([.init("mAP@50", .number(0.4))])))
        assertParses("metric \"mAP@50\"=0.4", .metric(MetricAssignment([.init("mAP@50", .number(0.4))])))
        assertParses("metric metrics/mAP50-95(B)=0.52 \"metrics/precision(B)\"=0.7", .metric(MetricAssignment([
            .init("metrics/mAP50-95(B)", .number(0.52)), .init("metrics/precision(B)", .number(0.7)),
        ])))
        assertParses("metric note=\"trained on v2\" 'run id'='abc' mode=fast", .metric(MetricAssignment([
            .init("note", .string("trained on v2")), .init("run id", .string("abc")), .init("mode", .word("fast")),
        ])))
        assertParses("metric epochs=50 lr=1.0 delta=-3 small=2e-3 tuned=true frozen=false", .metric(MetricAssignment([
            .init("epochs", .integer(50)), .init("lr", .number(1.0)), .init("delta", .integer(-3)),
            .init("small", .number(0.002)), .init("tuned", .bool(true)), .init("frozen", .bool(false)),
        ])))
        // Hexadecimal and `nan` are words, not numbers, though Swift's Double reads them.
        assertParses("metric a=0x10 b=nan", .metric(MetricAssignment([.init("a", .word("0x10")), .init("b", .word("nan"))])))
        assertParses("metric both mAP@50=0.4", .metric(MetricAssignment(target: "both", [.init("mAP@50", .number(0.4))])))
        assertParses("metric \"run a\" \"run id\" = 'x'", .metric(MetricAssignment(target: "run a", [.init("run id", .string("x"))])))
    }

    func testMetricAndEdits() {
        assertParses("metric iou=0.6 confidence = 0.25 mode=fast label=\"a b\"", .metric(MetricAssignment([
            .init("iou", .number(0.6)), .init("confidence", .number(0.25)),
            .init("mode", .word("fast")), .init("label", .string("a b")),
        ])))
        assertParses("metric both iou=0.6", .metric(MetricAssignment(target: "both", [.init("iou", .number(0.6))])))
        assertParses("unset metric iou", .unsetMetric("iou"))
        assertParses("unset metric \"mAP@50\"", .unsetMetric("mAP@50"))
        assertParses("unset metric mAP@50", .unsetMetric("mAP@50"))
        assertParses("exclude where objects = 0", .exclude(.matching(.comparison(.equal, ref("objects"), .number(0)))))
        assertParses("include where.jpg", .include(.file("where.jpg")))
        assertParses("rename \"traffic light\" light", .rename(className: "traffic light", newName: "light"))
    }

    func testStoreAndSession() {
        assertParses("push", .push(target: nil, message: nil))
        assertParses("push store:base@3 message \"first run\"", .push(target: "store:base@3", message: "first run"))
        assertParses("push message \"x\"", .push(target: nil, message: "x"))
        assertParses("pull picsellia:1234-uuid as old", .pull(target: "picsellia:1234-uuid", as: "old"))
        assertParses("set format markdown", .set(.format(.markdown)))
        assertParses("set Color OFF", .set(.color(.off)))
        assertParses("set rows 40", .set(.rows(40)))
        assertParses("set rows all", .set(.rows(0)))
        assertParses("set rows 0", .set(.rows(0)))
        assertParses("set images ~/data/img", .set(.images(directory: "~/data/img")))
        assertParses("output", .output(nil))
        assertParses("timing off", .timing(false))
        assertParses("help where", .help(topic: "where"))
        assertParses("help Sort", .help(topic: "sort"))
        assertParses("help rows", .help(topic: "rows"))
        assertParses("exit", .quit)
    }

    func testScriptsSeparatorsCommentsAndContinuations() {
        let script = Parser.parse("""
            # a comment line
            load gt.json dt.json; summary   # trailing comment
            where FN > 2 \\
              and FP > 0
            show img#2.jpg
            """)
        XCTAssertEqual(script.diagnostics, [])
        XCTAssertEqual(script.statements.map(\.statement), [
            .load(files: ["gt.json", "dt.json"], as: nil), .summary,
            .filter(ImageQuery(predicate: .and(
                .comparison(.greater, ref("FN"), .number(2)), .comparison(.greater, ref("FP"), .number(0))))),
            .show(filename: "img#2.jpg", svg: nil),
        ])
        XCTAssertEqual(script.statements[2].range.start.line, 3)
        XCTAssertEqual(script.statements[2].range.start.column, 1)
        XCTAssertEqual(script.statements[1].range.start.column, 23)
        XCTAssertEqual(script.statements[2].text, "where FN > 2 \\\n  and FP > 0")
        XCTAssertEqual(script.statements[1].text, "summary")
    }

    func testNamesKeepTheirSourceRange() throws {
        guard case .cell(.name(let name), _, _) = try Parser.parseStatement("cell  cra none") else {
            return XCTFail("not a cell")
        }
        XCTAssertEqual(name.range, SourceRange(start: SourceLocation(line: 1, column: 7, offset: 6),
                                               end: SourceLocation(line: 1, column: 10, offset: 9)))
    }

    func testExpressionDescriptionReadsBack() throws {
        let predicates = [
            "FN[car] >= 1 and not has bus or predicted \"traffic light\"",
            "(FP - FN) / 2 != -1.5", "not (has a or has b)", "-(FP + 1) * 2 < FN",
            "filename ~ \"*_d_*\"", "cand.FN[\"t-shirt\"] > A.FN", "FP - (FN - TP) > 0",
        ]
        for text in predicates {
            guard case .filter(let query) = try Parser.parseStatement("where " + text), let predicate = query.predicate else {
                return XCTFail(text)
            }
            XCTAssertEqual(try Parser.parseStatement("where \(predicate)"), .filter(query), "\(predicate)")
        }
        XCTAssertEqual(QueryExpression.arithmetic(.subtract, .reference(Reference("FP")), .arithmetic(.subtract, .number(1), .number(2))).description,
                       "FP - (1 - 2)")
    }
}
