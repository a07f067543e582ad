import EvalFormats
import EvalCore
import EvalQuery
import Foundation
import XCTest

@testable import EvalRender

/// CSV, JSON and Markdown: parsed back and checked against the numbers of the fixtures.
final class DataFormatTests: XCTestCase {
    private func json(_ result: QueryResult) throws -> Any {
        let text = render(result, options: RenderOptions(format: .json, maxRows: 1))
        return try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    func testSummaryJSONHasTheContractKeys() throws {
        let object = try XCTUnwrap(try json(.summary(HandFixtures.cocoSummary)) as? [String: Any])
        // Exactly the peers' expected.json keys plus the operating point's rates (issue 2).
        XCTAssertEqual(Set(object.keys), Set(COCOMetrics.statNames + ["precision", "recall", "F1"]))
        // Full precision: pycocotools' AP on coco-val2014-100 (peers' expected.json).
        XCTAssertEqual(object["AP"] as? Double, 0.5045806987249628)
        XCTAssertEqual(object["ARl"] as? Double, 0.5642905982905982)
        XCTAssertEqual(object["precision"] as? Double, 130.0 / 167.0)

        let seed = try XCTUnwrap(try json(.summary(SeedFixtures.summary)) as? [String: Any])
        XCTAssertNil(seed["AP"], "a payload has no COCO statistics")
        XCTAssertEqual(seed["recall"] as? Double, 26.0 / 32.0)
        let totals = try XCTUnwrap(seed["totals"] as? [String: Any])
        XCTAssertEqual(totals["TP"] as? Int, 26)
        let classes = try XCTUnwrap(seed["classes"] as? [String: [String: Any]])
        XCTAssertEqual(classes["pedestrian"]?["FN"] as? Int, 3)
    }

    func testMatrixJSONIsLabelsAndValues() throws {
        let object = try XCTUnwrap(try json(.matrix(SeedFixtures.matrix)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["labels", "values"])
        XCTAssertEqual(object["labels"] as? [String], ["car", "pedestrian"])
        XCTAssertEqual(object["values"] as? [[Int]], [[19, 1, 2], [1, 7, 2], [2, 2, 0]])
        var normalized = SeedFixtures.matrix
        normalized.normalization = .groundTruth
        let fractions = try XCTUnwrap(try json(.matrix(normalized)) as? [String: Any])["values"] as? [[Double]]
        XCTAssertEqual(fractions?[0], [19.0 / 22, 1.0 / 22, 2.0 / 22])
        // The top N of the view is not applied to data.
        let full = try XCTUnwrap(try json(.matrix(COCOFixtures.matrix(top: 5))) as? [String: Any])
        XCTAssertEqual((full["values"] as? [[Int]])?.count, 81)
    }

    func testImagesJSONIsOneObjectPerImageWithPerClassCounts() throws {
        var list = SeedFixtures.imageList
        list.extraColumn = "count"
        list.rows[1].extra = 4
        let rows = try XCTUnwrap(try json(.images(list)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 3, "row limits never apply to data")
        XCTAssertEqual(rows[0]["filename"] as? String, "9999953_00000_d_0000058.jpg")
        XCTAssertEqual(rows[0]["nb_objects"] as? [String: Int], ["car": 9, "pedestrian": 0])
        XCTAssertEqual(rows[1]["FP"] as? [String: Int], ["car": 1, "pedestrian": 2])
        XCTAssertEqual(rows[1]["count"] as? Int, 4)
        XCTAssertEqual(Set(rows[2].keys), ["filename", "nb_objects", "nb_preds", "TP", "FP", "FN", "count"])
    }

    func testClassesAndTablesAreArraysOfObjects() throws {
        let classes = try XCTUnwrap(try json(.classes(SeedFixtures.classes)) as? [[String: Any]])
        XCTAssertEqual(classes.map { $0["class"] as? String }, ["car", "pedestrian"])
        XCTAssertEqual(classes[0]["precision"] as? Double, 19.0 / 22)
        XCTAssertTrue(classes[0]["AP"] is NSNull)
        let table = try XCTUnwrap(try json(.table(HandFixtures.table)) as? [[String: Any]])
        XCTAssertEqual(table.count, 3)
        XCTAssertEqual(table[1]["precision"] as? Double, 0.7784)
        XCTAssertEqual(table[0]["loaded"] as? Bool, true)
        XCTAssertTrue(table[2]["source"] is NSNull)
    }

    func testJSONNumbersAreWrittenAsPythonWritesThem() {
        // Expected strings from CPython 3: repr(x) / json.dumps(x).
        let cases: [(Double, String)] = [
            (9, "9.0"), (0.5, "0.5"), (1e16, "1e+16"), (1e15, "1000000000000000.0"), (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"), (123456789012345678, "1.2345678901234568e+17"), (5e-324, "5e-324"),
            (0.1 + 0.2, "0.30000000000000004"), (-2.5, "-2.5"), (0.5045806987249628, "0.5045806987249628"),
            (-0.0, "-0.0"), (.nan, "NaN"), (-.infinity, "-Infinity"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(NumberText.python(value), expected, "\(value)")
        }
        XCTAssertEqual(render(.json(HandFixtures.json), options: RenderOptions(format: .json)),
                       render(.json(HandFixtures.json), options: RenderOptions(format: .table, color: true)))
    }

    func testPayloadJSONMatchesPythonsIndentedDump() {
        // json.dumps(value, indent=2, ensure_ascii=False) of the same document.
        let expected = """
            {
              "categories": [
                "car",
                "pedestrian"
              ],
              "values": [
                [
                  19.0,
                  1.0,
                  2.0
                ],
                []
              ],
              "metrics": {
                "iou": 0.5,
                "note": "line\\nbreak \\"quoted\\"",
                "tiny": 1e-05,
                "none": null,
                "ok": true
              },
              "empty": {}
            }

            """
        XCTAssertEqual(render(.json(HandFixtures.json), options: RenderOptions(format: .json)), expected)
    }

    func testCSVQuotesAsRFC4180AndKeepsFullPrecision() {
        let csv = render(.table(HandFixtures.table), options: RenderOptions(format: .csv, maxRows: 1))
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, "header and every row, whatever maxRows says")
        XCTAssertEqual(lines[0], "name,images,AP,precision,loaded,source")
        XCTAssertEqual(lines[1], "seed,3,,0.8636,true,picsellia:evaluation")
        XCTAssertEqual(lines[3], "\"quoted, \"\"name\"\"\",0,1.0,0.0,false,")
        let matrix = render(.matrix(SeedFixtures.matrix), options: RenderOptions(format: .csv))
        XCTAssertEqual(matrix, "ground truth \\ prediction,car,pedestrian,none\ncar,19,1,2\npedestrian,1,7,2\nnone,2,2,0\n")
        let images = render(.images(SeedFixtures.imageList), options: RenderOptions(format: .csv))
        let header = images.split(separator: "\n")[0].split(separator: ",").map(String.init)
        XCTAssertEqual(Array(header.prefix(6)), ["filename", "objects", "preds", "TP", "FP", "FN"])
        XCTAssertEqual(images.split(separator: "\n")[2].split(separator: ",").prefix(6).joined(separator: ","),
                       "9999967_00000_d_0000018.jpg,14,13,10,3,4")
    }

    func testMarkdownTablesAlignNumbersRightAndEscapePipes() {
        var table = HandFixtures.table
        table.rows[0][0] = .string("a|b")
        let markdown = render(.table(table), options: RenderOptions(format: .markdown))
        let lines = markdown.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "**\(table.title!)**", "the title as a heading")
        XCTAssertEqual(lines[1], "| name | images | AP | precision | loaded | source |")
        XCTAssertEqual(lines[2], "| --- | --: | --: | --: | --- | --- |")
        XCTAssertEqual(lines[3], "| a\\|b | 3 |  | 86.4% | true | picsellia:evaluation |", "precision 19/22 as the terminal writes it")
        // Markdown is for people: precision 19/22 written as the terminal writes it, not in 17 digits.
        let classes = render(.classes(SeedFixtures.classes), options: RenderOptions(format: .markdown))
        // A payload has no AP: AP, AP50 and the per-class detail (AP75 … AR100) are empty.
        XCTAssertTrue(classes.contains("| car |  |  |  |  |  |  |  | 0.8636 |"), classes)
    }

    /// In a Markdown report of several statements each table says what it is; CSV stays bare.
    func testMarkdownTablesCarryTheirViewsTitle() {
        let matrix = render(.matrix(SeedFixtures.matrix), options: RenderOptions(format: .markdown))
        XCTAssertTrue(matrix.hasPrefix("**Confusion matrix at IoU 0.5, confidence 0.5 (rows ground truth, columns predictions)**\n\n| "), matrix)
        let classes = render(.classes(SeedFixtures.classes), options: RenderOptions(format: .markdown))
        XCTAssertTrue(classes.hasPrefix("**Classes at IoU 0.5, confidence 0.5**\n\n"), classes)
        XCTAssertFalse(render(.matrix(SeedFixtures.matrix), options: RenderOptions(format: .csv)).contains("Confusion"))
    }

    func testMessagesStayTextOutsideJSON() throws {
        XCTAssertEqual(render(.message(Message("done")), options: RenderOptions(format: .csv)), "done\n")
        let object = try XCTUnwrap(try json(.message(HandFixtures.warning)) as? [String: String])
        XCTAssertEqual(object["level"], "warning")
        XCTAssertTrue(render(.message(HandFixtures.warning), options: RenderOptions()).hasPrefix("warning: the confusion"))
    }

    func testBarsOfWholeNumbersAreIntegers() throws {
        let counts = BarChartResult(title: "split", bars: [(label: "person", value: 164), (label: "car", value: 3)])
        XCTAssertEqual(render(.bars(counts), options: RenderOptions(format: .csv)), "label,value\nperson,164\ncar,3\n")
        XCTAssertTrue(render(.bars(counts), options: RenderOptions(format: .json)).contains("\"value\": 164\n"))
        let fractions = BarChartResult(title: "split", bars: [(label: "person", value: 164), (label: "car", value: 0.5)])
        XCTAssertEqual(render(.bars(fractions), options: RenderOptions(format: .csv)), "label,value\nperson,164.0\ncar,0.5\n")
    }

    func testMarkdownAlignsTheDecimalsOfAColumn() {
        let table = ResultTable(columns: ["value", "AP"], rows: [[.string("base"), .double(0.437)], [.string("cand"), .double(0.42475546)]])
        let lines = render(.table(table), options: RenderOptions(format: .markdown)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.suffix(2), ["| base | 0.4370 |", "| cand | 0.4248 |"])
    }

    /// JSON keys a program can name: `operating point` → `operating_point`, evals' marker column → `current`.
    func testTableKeysInJSONHaveNoSpaces() throws {
        let table = ResultTable(
            title: "loaded evaluations", columns: ["", "name", "operating point"],
            rows: [[.string("*"), .string("dt"), .string("iou=0.5 confidence=0.5")]])
        let rows = try XCTUnwrap(try json(.table(table)) as? [[String: String]])
        XCTAssertEqual(rows, [["current": "*", "name": "dt", "operating_point": "iou=0.5 confidence=0.5"]])
    }
}
