import EvalQuery
import XCTest

@testable import EvalRender

/// `set ascii on`: everything evalsh writes is plain ASCII, its own symbols included (`×` in an
/// image size, `—` for nothing, `≥` in a title from the query layer, `▲`/`▼` of a change).
final class ASCIITests: XCTestCase {
    func testEveryViewIsPureASCIIWhenItsDataIs() {
        for (name, result) in ViewCatalog.all + ASCIITests.extra {
            for width in ViewCatalog.widths + [57] {
                for color in [false, true] {
                    let text = render(result, options: RenderOptions(color: color, ascii: true, width: width, maxRows: nil))
                    XCTAssertFalse(text.isEmpty, name)
                    let plain = DisplayWidth.stripEscapes(text)
                    let offending = plain.unicodeScalars.filter { $0.value >= 0x80 }
                    XCTAssertTrue(
                        plain.utf8.allSatisfy { $0 < 0x80 },
                        "\(name) at \(width) (color \(color)) writes \(String(String.UnicodeScalarView(offending))):\n\(plain)")
                }
            }
        }
    }

    func testSymbolsHaveReadableStandIns() {
        let bars = BarChartResult(title: "predictions per class (confidence ≥ 0.5)", bars: [(label: "car", value: 3)])
        let text = render(.bars(bars), options: RenderOptions(ascii: true, width: 80))
        XCTAssertTrue(text.hasPrefix("predictions per class (confidence >= 0.5)\n"), text)
        let shown = render(.imageView(HandFixtures.pixelView), options: RenderOptions(ascii: true, width: 100))
        XCTAssertTrue(shown.contains("cam3_000123.jpg - 640x480 - IoU 0.50"), shown)
        let changes = render(.table(HandFixtures.changes), options: RenderOptions(ascii: true, width: 100))
        XCTAssertTrue(changes.contains("base -> cand (change = cand - base; ^ better, v worse)"), changes)
        XCTAssertTrue(changes.contains("+19 v"), changes)
    }

    func testUnicodeModeKeepsItsSymbols() {
        let shown = render(.imageView(HandFixtures.pixelView), options: RenderOptions(width: 100))
        XCTAssertTrue(shown.contains("640×480"), shown)
    }

    /// Results whose own text carries symbols the catalog's do not.
    static var extra: [(name: String, result: QueryResult)] {
        [
            ("bars-title", .bars(BarChartResult(title: "predictions per class (confidence ≥ 0.5)", bars: [(label: "car", value: 3)]))),
            ("curve-title", .curve(CurveResult(title: "precision–recall, all", recall: [0, 1], series: [.init(name: "car", precision: [1, 0])], operatingPoint: nil))),
            ("message-rename", .message(Message("class \"car\" → \"auto\" · 0 ≤ min ≤ max ≤ 1 · Σ nb_preds", level: .note))),
            ("compare-classes", .table(ResultTable(title: "a → b", columns: ["class", "ΔAP"], rows: [[.string("car"), .change(-0.1, higherIsBetter: true, whole: false)], [.string("bus"), .null]]))),
        ]
    }
}

/// A change that rounds to zero carries no arrow: `+0.0000 ▲` would call a non-change better.
final class ZeroChangeTests: XCTestCase {
    func testAChangeThatReadsAsZeroHasNoArrow() {
        let table = ResultTable(columns: ["ΔAP", "ΔFN"], rows: [
            [.change(0.00001, higherIsBetter: true, whole: false), .change(0, higherIsBetter: false, whole: true)],
            [.change(0.0123, higherIsBetter: true, whole: false), .change(2, higherIsBetter: false, whole: true)],
        ])
        let text = render(.table(table), options: RenderOptions(width: 80))
        XCTAssertTrue(text.contains("0.0000 ="), text)
        XCTAssertTrue(text.contains("0 ="), text)
        XCTAssertTrue(text.contains("+0.0123 ▲"), text)
        XCTAssertTrue(text.contains("+2 ▼"), text)
        XCTAssertFalse(text.contains("+0.0000"), text)
    }
}
