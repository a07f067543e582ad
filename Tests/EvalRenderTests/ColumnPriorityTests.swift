import EvalQuery
import XCTest

@testable import EvalRender

/// On a narrow line, tables keep the columns that matter most and lose the others first.
final class ColumnPriorityTests: XCTestCase {
    /// Class and fate stay readable at 40: IoU goes rather than cutting them to stubs.
    func testShowKeepsClassFateAndScoreReadableAtForty() {
        let text = render(.imageView(HandFixtures.pixelView), options: RenderOptions(width: 40))
        XCTAssertEqual(tableHeaders(text), ["#", "class", "score", "fate"], text)
        XCTAssertTrue(text.contains("left out to fit the width:\nkind, box x y w h, IoU, match"), text)
        XCTAssertTrue(text.contains("│ ■ pedestr… │"), text)
        // `confused as car` shortens to `as car`; `below confidence` wraps whole words.
        XCTAssertTrue(text.contains("│ as car      │"), text)
        XCTAssertTrue(text.contains("│ below       │") && text.contains("│ confidence  │"), text)
    }

    func testShowLeavesTheBoxOutBeforeCuttingClassOrFate() {
        let text = render(.imageView(HandFixtures.pixelView), options: RenderOptions(width: 80))
        XCTAssertFalse(tableHeaders(text).contains("box x y w h"), text)
        XCTAssertTrue(text.contains("│ ■ pedestrian │"), text)
        XCTAssertTrue(text.contains("│ confused, is pedestrian │"), text)
    }

    func testImageListsKeepTPFPFNTogetherAndBeforeLabels() {
        for width in 40...70 {
            for list in [SeedFixtures.imageList, COCOFixtures.imageList(rows: 10)] {
                let text = render(.images(list), options: RenderOptions(width: width))
                let shown = Set(tableHeaders(text))
                let counts = shown.intersection(["TP", "FP", "FN"])
                XCTAssertEqual(counts, ["TP", "FP", "FN"], "TP, FP and FN all stay at \(width):\n\(text)")
                XCTAssertTrue(shown.contains("image"), text)
                if shown.contains("objects") || shown.contains("preds") {
                    XCTAssertTrue(shown.contains("Labels"), "Labels go after objects and preds at \(width):\n\(text)")
                }
            }
        }
    }

    func testImageListLegendOnlyWithItsColumns() {
        let narrow = render(.images(SeedFixtures.imageList), options: RenderOptions(width: 40))
        XCTAssertFalse(narrow.contains("Labels: ground-truth objects"), narrow)
        let wide = render(.images(SeedFixtures.imageList), options: RenderOptions(width: 100))
        XCTAssertTrue(wide.contains("Labels: ground-truth objects"), wide)
    }

    /// `objects` (TP + FN) and `preds` (TP + FP) go before class names are cut or AP50 goes.
    func testClassesDropRedundantCountsBeforeNamesAndAP50AtEighty() {
        let text = render(.classes(COCOFixtures.classes), options: RenderOptions(width: 80))
        let shown = tableHeaders(text)
        for name in ["class", "AP", "AP50", "precision", "recall", "F1", "TP", "FP", "FN"] {
            XCTAssertTrue(shown.contains(name), "\(name) at 80:\n\(text)")
        }
        XCTAssertFalse(shown.contains("objects") || shown.contains("preds"), text)
        XCTAssertTrue(text.contains("│ traffic light "), "class names are not cut:\n\(text)")
        XCTAssertFalse(text.split(separator: "\n").contains { $0.hasPrefix("│") && $0.contains("…") }, text)
    }

    func testClassesBarHasAHeaderAndGoesFirstWithoutANote() {
        let wide = render(.classes(COCOFixtures.classes), options: RenderOptions(width: 200))
        XCTAssertTrue(tableHeaders(wide).contains("AP bar"), wide)
        let payload = render(.classes(SeedFixtures.classes), options: RenderOptions(width: 200))
        XCTAssertTrue(tableHeaders(payload).contains("F1 bar"), payload)
        let narrow = render(.classes(COCOFixtures.classes), options: RenderOptions(width: 100))
        XCTAssertFalse(tableHeaders(narrow).contains("AP bar"), narrow)
        XCTAssertFalse(narrow.contains("bar"), "the bar is left out without a note:\n\(narrow)")
    }

    func testAGroupIsLeftOutWhole() {
        var table = TextTable(columns: [
            TextTable.Column("name", priority: 9), TextTable.Column("a", priority: 1, group: "g"),
            TextTable.Column("b", priority: 1, group: "g"), TextTable.Column("wide", priority: 5),
        ])
        table.rows = [[StyledText("x"), StyledText("1"), StyledText("2"), StyledText(String(repeating: "w", count: 20))]]
        let lines = table.render(width: 32, glyphs: .unicode, color: false)
        XCTAssertEqual(lines[1], "│ name │ wide                 │")
        XCTAssertEqual(lines.suffix(2).joined(separator: " "), "2 columns left out to fit the width: a, b")
    }
}
