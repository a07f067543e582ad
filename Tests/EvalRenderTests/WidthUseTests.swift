import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// Width goes to whole names before anything is cut or numbered.
final class WidthUseTests: XCTestCase {
    /// The 8 classes of the bundled coco-small example.
    private let labels = ["person", "car", "bottle", "cup", "bowl", "chair", "dining table", "book"]

    private func matrix() -> MatrixResult {
        var counts = Array(repeating: Array(repeating: 0, count: 9), count: 9)
        for (c, v) in [147, 106, 82, 53, 30, 121, 54, 42].enumerated() { counts[c][c] = v }
        for (c, v) in [68, 31, 49, 12, 15, 33, 13, 37].enumerated() { counts[c][8] = v }
        for (c, v) in [14, 10, 9, 2, 13, 9, 4, 4].enumerated() { counts[8][c] = v }
        counts[4][3] = 3
        counts[0][1] = 1
        return MatrixResult(labels: labels, counts: counts, point: OperatingPoint())
    }

    private func headerLine(_ text: String) -> String {
        text.split(separator: "\n").map(String.init).first { $0.hasPrefix("ground truth") } ?? ""
    }

    /// At 200 and at 120 columns every header carries its class's whole name.
    func testMatrixHeadersTakeWholeNamesWhenTheyFit() {
        for width in [120, 200] {
            let text = render(.matrix(matrix()), options: RenderOptions(width: width))
            let header = headerLine(text)
            for (i, name) in labels.enumerated() {
                XCTAssertTrue(header.contains("\(i + 1) \(name)"), "\(name) at \(width):\n\(text)")
            }
            XCTAssertFalse(text.contains("…"), text)
            XCTAssertFalse(text.contains("columns are numbered"), text)
            XCTAssertTrue(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= width }, text)
        }
    }

    /// Where whole names do not fit, cut ones are tried before numbers, and keyed.
    func testMatrixHeadersCutNamesBeforeNumbering() {
        let text = render(.matrix(matrix()), options: RenderOptions(width: 100))
        XCTAssertTrue(headerLine(text).contains("1 person"), text)
        XCTAssertTrue(text.contains("key: 7 dining table"), text)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 100 }, text)
    }

    /// In image tables `objects` and `preds` go before Labels or Predictions are cut or wrapped.
    func testImageListsDropObjectsAndPredsBeforeCuttingClasses() {
        for list in [SeedFixtures.imageList, COCOFixtures.imageList(rows: 6)] {
            for width in 60...200 {
                let text = render(.images(list), options: RenderOptions(width: width))
                let shown = Set(tableHeaders(text))
                let rows = text.split(separator: "\n").filter { $0.hasPrefix("│") }.dropFirst()
                let squeezed = rows.contains { line in
                    let cells = line.components(separatedBy: "│")
                    return cells[1].trimmingCharacters(in: .whitespaces).isEmpty
                        || cells.dropFirst(2).prefix(2).contains { $0.contains("…") }
                }
                if squeezed { XCTAssertFalse(shown.contains("objects") || shown.contains("preds"), "at \(width):\n\(text)") }
            }
        }
    }
}
