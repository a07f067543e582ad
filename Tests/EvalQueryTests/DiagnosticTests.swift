import XCTest
import EvalQuery

/// Malformed statements report what was expected, where.
final class DiagnosticTests: XCTestCase {
    /// The single diagnostic of `text`, checked against its kind and 1-based column on line 1.
    private func assertDiagnostic(
        _ text: String, _ kind: DiagnosticKind, column: Int, file: StaticString = #filePath, line: UInt = #line
    ) {
        let script = Parser.parse(text)
        XCTAssertEqual(script.statements, [], text, file: file, line: line)
        guard script.diagnostics.count == 1, let diagnostic = script.diagnostics.first else {
            return XCTFail("\(text): \(script.diagnostics)", file: file, line: line)
        }
        XCTAssertEqual(diagnostic.kind, kind, text, file: file, line: line)
        XCTAssertEqual(diagnostic.line, 1, text, file: file, line: line)
        XCTAssertEqual(diagnostic.column, column, text, file: file, line: line)
    }

    func testWorkspaceStatements() {
        assertDiagnostic("load", .expected(.path, after: "load", found: nil), column: 5)
        assertDiagnostic("load a b c", .tooManyFiles(3), column: 10)
        assertDiagnostic("load a as", .expected(.evaluationName, after: "as", found: nil), column: 10)
        assertDiagnostic("use", .expected(.evaluationName, after: "use", found: nil), column: 4)
        assertDiagnostic("drop a b", .unexpectedInput("b", statement: "drop"), column: 8)
        assertDiagnostic("evals now", .unexpectedInput("now", statement: "evals"), column: 7)
    }

    func testViews() {
        assertDiagnostic("sumary", .unknownStatement("sumary", suggestion: "summary"), column: 1)
        assertDiagnostic("summary x", .unexpectedInput("x", statement: "summary"), column: 9)
        assertDiagnostic("classes sort", .expected(.field, after: "sort", found: nil), column: 13)
        assertDiagnostic("classes sort AP up", .unexpectedInput("up", statement: "classes"), column: 17)
        assertDiagnostic("matrix normalize rows",
                         .invalidOption("rows", after: "normalize", allowed: ["gt", "pred"], suggestion: nil), column: 18)
        assertDiagnostic("matrix top -1", .expected(.count, after: "top", found: "-"), column: 12)
        assertDiagnostic("images limit 2.5", .expected(.count, after: "limit", found: "2.5"), column: 14)
        assertDiagnostic("payload map", .unexpectedInput("map", statement: "payload"), column: 9)
        assertDiagnostic("check all", .unexpectedInput("all", statement: "check"), column: 7)
        assertDiagnostic("cell", .expected(.classOrBackground, after: "cell", found: nil), column: 5)
        assertDiagnostic("cell car", .expected(.classOrBackground, after: "car", found: nil), column: 9)
        assertDiagnostic("cell 0 1", .expected(.classOrBackground, after: nil, found: "0"), column: 6)
        assertDiagnostic("cell a b limit 3 where FN > 1", .clauseOutOfOrder("where"), column: 18)
        // classes takes sort only: a limit there is not out of order, it does not belong.
        assertDiagnostic("classes sort F1 limit 3", .unexpectedInput("limit", statement: "classes"), column: 17)
        assertDiagnostic("where", .expected(.condition, after: "where", found: nil), column: 6)
        assertDiagnostic("where FN", .notACondition("FN"), column: 7)
        assertDiagnostic("where FN >", .expected(.value, after: ">", found: nil), column: 11)
        assertDiagnostic("where (FN > 1", .expected(.closing(")"), after: "1", found: nil), column: 14)
        assertDiagnostic("where 1 < FN < 3", .chainedComparison, column: 14)
        assertDiagnostic("where (FN > 1) + 2 > 0", .notAValue("(FN > 1)"), column: 7)
        assertDiagnostic("where FN[car > 1", .expected(.closing("]"), after: "1", found: nil), column: 17)
        assertDiagnostic("where a.b.c.d > 1", .referenceTooLong("a.b.c.d"), column: 7)
        assertDiagnostic("where FN > 1 and", .expected(.value, after: "and", found: nil), column: 17)
        assertDiagnostic("where FN > 1 sort", .expected(.field, after: "sort", found: nil), column: 18)
        assertDiagnostic("show", .expected(.filename, after: "show", found: nil), column: 5)
        assertDiagnostic("show a.jpg svg", .expected(.path, after: "svg", found: nil), column: 15)
        assertDiagnostic("split x", .unexpectedInput("x", statement: "split"), column: 7)
        assertDiagnostic("pr car bus", .unexpectedInput("bus", statement: "pr"), column: 8)
    }

    /// Issue 12 item 5: every error of a `metric` statement points at the token that is wrong.
    func testMetricErrorsPointAtTheBadToken() {
        assertDiagnostic("metric mAP50=", .expected(.parameterValue, after: "=", found: nil), column: 13)
        assertDiagnostic("metric \"run id\"=", .expected(.parameterValue, after: "=", found: nil), column: 16)
        assertDiagnostic("metric =0.4", .expected(.metricName, after: "metric", found: "="), column: 8)
        assertDiagnostic("metric \"\"=0.4", .expected(.metricName, after: nil, found: "\"\""), column: 8)
        assertDiagnostic("metric \"unterminated=0.4", .unterminatedString, column: 8)
        assertDiagnostic("metric a=1 b", .expected(.assignment, after: "1", found: "b"), column: 12)
        assertDiagnostic("metric mAP50", .expected(.assignment, after: "metric", found: "mAP50"), column: 8)
        assertDiagnostic("metric a<=1", .expected(.keywords(["="]), after: "a", found: "<="), column: 9)
        assertDiagnostic("metric both iou==1", .expected(.keywords(["="]), after: "iou", found: "=="), column: 16)
        assertDiagnostic("metric x=1e400", .numberOutOfRange("1e400", limit: nil), column: 10)
        assertDiagnostic("metric a b c=1", .expected(.assignment, after: "a", found: "b"), column: 10)
    }

    func testOperatingPointAndEdits() {
        assertDiagnostic("metric", .expected(.assignment, after: "metric", found: nil), column: 7)
        // A missing value: the caret under the `=` that lacks it, not past the end of the line.
        assertDiagnostic("metric iou=", .expected(.parameterValue, after: "=", found: nil), column: 11)
        assertDiagnostic("metric iou=0.5 0.3", .expected(.assignment, after: "0.5", found: "0.3"), column: 16)
        assertDiagnostic("unset iou", .invalidOption("iou", after: "unset", allowed: ["metric"], suggestion: nil), column: 7)
        assertDiagnostic("assert AP50", .notACondition("AP50"), column: 8)
        assertDiagnostic("exclude", .expected(.filename, after: "exclude", found: nil), column: 8)
        assertDiagnostic("include where", .expected(.condition, after: "where", found: nil), column: 14)
        assertDiagnostic("rename car", .expected(.newName, after: "car", found: nil), column: 11)
        for word in ["pending", "undo", "reset", "recover", "discard", "experiments", "history", "quit", "exit"] {
            assertDiagnostic("\(word) 1", .unexpectedInput("1", statement: word), column: word.count + 2)
        }
    }

    func testStoreCompareAndSession() {
        assertDiagnostic("push a message", .expected(.quotedText, after: "message", found: nil), column: 15)
        assertDiagnostic("pull", .expected(.target, after: "pull", found: nil), column: 5)
        assertDiagnostic("log", .expected(.evaluationName, after: "log", found: nil), column: 4)
        assertDiagnostic("compare a", .expected(.evaluationName, after: "a", found: nil), column: 10)
        assertDiagnostic("compare a b matrx", .invalidOption("matrx", after: "b", allowed: ["matrix", "classes", "where", "show", "boxes"],
                                                               suggestion: "matrix"), column: 13)
        assertDiagnostic("set colour on", .invalidOption("colour", after: "set", allowed: SessionSetting.names,
                                                         suggestion: "color"), column: 5)
        assertDiagnostic("set format xml", .invalidOption("xml", after: "format", allowed: ["table", "csv", "json", "markdown"],
                                                          suggestion: nil), column: 12)
        assertDiagnostic("set rows many", .expected(.rowCount, after: "rows", found: "many"), column: 10)
        assertDiagnostic("set rows 2.5", .expected(.rowCount, after: "rows", found: "2.5"), column: 10)
        assertDiagnostic("source", .expected(.path, after: "source", found: nil), column: 7)
        assertDiagnostic("output a b", .unexpectedInput("b", statement: "output"), column: 10)
        assertDiagnostic("timing yes", .invalidOption("yes", after: "timing", allowed: ["on", "off"], suggestion: nil), column: 8)
        assertDiagnostic("help sumary", .unknownHelpTopic("sumary", suggestion: "summary"), column: 6)
        assertDiagnostic("help limt", .unknownHelpTopic("limt", suggestion: "limit"), column: 6)
        assertDiagnostic("show \"a.jpg", .unterminatedString, column: 6)
        assertDiagnostic("42", .expected(.statement, after: nil, found: "42"), column: 1)
    }

    func testEachBadStatementOfAScriptReportsItsOwnLine() {
        let script = Parser.parse("summary\nload gt.json dt.json\n  cell car\nmatrix; sumary; where FN > 1\n")
        XCTAssertEqual(script.statements.map(\.statement), [
            .summary, .load(files: ["gt.json", "dt.json"], as: nil), .matrix(normalize: nil, top: nil),
            .filter(ImageQuery(predicate: .comparison(.greater, .reference(Reference("FN")), .number(1)))),
        ])
        XCTAssertEqual(script.diagnostics.map(\.range.start.line), [3, 4])
        XCTAssertEqual(script.diagnostics.map(\.range.start.column), [11, 9])
        XCTAssertEqual(script.diagnostics.map(\.kind), [
            .expected(.classOrBackground, after: "car", found: nil), .unknownStatement("sumary", suggestion: "summary"),
        ])
    }

    func testRenderedDiagnostic() {
        let source = "summary\ncell car"
        let diagnostic = Parser.parse(source).diagnostics[0]
        XCTAssertEqual(DiagnosticRenderer.render(diagnostic, source: source, fileName: "run.evalsh"), """
            run.evalsh:2:9: error: expected a class name or 'none' after 'car'
            cell car
                    ^
            help: a bare number is a row or column of the matrix; quote a class named like a number
            """)
    }

    /// A warning is printed as one (not as an error), and a line typed at the prompt (no file)
    /// leaves out the location prefix: the caret shows the place.
    func testSeverityAndATypedLine() {
        let source = "summary\ncell car"
        var diagnostic = Parser.parse(source).diagnostics[0]
        diagnostic.severity = .warning
        XCTAssertEqual(diagnostic.description, "2:9: warning: expected a class name or 'none' after 'car'")
        let rendered = DiagnosticRenderer.render(diagnostic, source: source, fileName: nil)
        XCTAssertEqual(rendered.split(separator: "\n").first, "warning: expected a class name or 'none' after 'car'")
    }

    func testRenderedDiagnosticUnderlinesTheWordAndKeepsTabs() {
        let source = "\tsumary ; evals"
        let diagnostic = Parser.parse(source).diagnostics[0]
        XCTAssertEqual(DiagnosticRenderer.render(diagnostic, source: source), """
            <input>:1:2: error: unknown statement 'sumary'; did you mean 'summary'?
            \tsumary ; evals
            \t^~~~~~
            help: type 'help' to list the statements
            """)
    }

    func testParseStatementThrowsTheFirstError() {
        XCTAssertThrowsError(try Parser.parseStatement("cell")) { error in
            XCTAssertEqual((error as? Diagnostic)?.column, 5)
        }
        XCTAssertThrowsError(try Parser.parseStatement("  # only a comment")) { error in
            XCTAssertEqual((error as? Diagnostic)?.kind, .expected(.statement, after: nil, found: nil))
        }
    }

    /// A class with a space after a dot (issue 12 item 9): the hint is the bracketed class with
    /// the user's own operator and value, for every field and with a qualifier.
    func testAClassWithASpaceAfterADotSuggestsTheBracketedForm() {
        assertDiagnostic("where FN.dining table > 1",
                         .spacedClass("FN.dining table", suggestion: "FN[\"dining table\"] > 1"), column: 7)
        assertDiagnostic("where objects.dining table >= 2 and TP > 0",
                         .spacedClass("objects.dining table", suggestion: "objects[\"dining table\"] >= 2"), column: 7)
        assertDiagnostic("where TP.hot dog sandwich != -1",
                         .spacedClass("TP.hot dog sandwich", suggestion: "TP[\"hot dog sandwich\"] != -1"), column: 7)
        assertDiagnostic("where cand.FP.traffic light < 3",
                         .spacedClass("cand.FP.traffic light", suggestion: "cand.FP[\"traffic light\"] < 3"), column: 7)
        assertDiagnostic("where FN.dining table",
                         .spacedClass("FN.dining table", suggestion: "FN[\"dining table\"] > 0"), column: 7)
        assertDiagnostic("assert recall.dining table > 0.5",
                         .spacedClass("recall.dining table", suggestion: "recall[\"dining table\"] > 0.5"), column: 8)
        let message = DiagnosticKind.spacedClass("FN.dining table", suggestion: "FN[\"dining table\"] > 1").message
        XCTAssertTrue(message.contains("did you mean 'FN[\"dining table\"] > 1'?"), message)
        XCTAssertFalse(message.contains("FN > 0"), message)
    }
}
