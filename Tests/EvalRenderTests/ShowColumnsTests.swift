import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// `show`'s object table on a narrow line: no column that is empty in every row shown, the box
/// whole or not at all, and class and fate wide enough to read.
final class ShowColumnsTests: XCTestCase {
    /// Ground truth only (no score), the last confused with a class of a long name.
    private var groundTruthView: ImageViewResult {
        let box = BoundingBox(x: 132.25, y: 245.5, width: 30.75, height: 80.5)
        var objects = (0..<6).map { i in
            ViewObject(kind: .groundTruth, classIndex: 0, box: box, score: nil, fate: i % 2 == 0 ? .missed : .truePositive,
                       iou: i % 2 == 0 ? nil : 0.8, match: i % 2 == 0 ? nil : 6)
        }
        objects.append(ViewObject(kind: .groundTruth, classIndex: 0, box: box, score: nil, fate: .confused(classIndex: 1), iou: 0.7, match: 7))
        return ImageViewResult(
            filename: "a.jpg", width: 640, height: 480, labels: ["bottle", "dining table"], objects: objects, normalized: false,
            point: OperatingPoint())
    }

    func testAColumnEmptyInEveryRowIsLeftOut() {
        let text = render(.imageView(groundTruthView), options: RenderOptions(width: 40))
        XCTAssertFalse(tableHeaders(text).contains("score"), text)
        XCTAssertTrue(text.contains("empty in these rows, left out: score"), text)
        XCTAssertTrue(tableHeaders(text).contains("IoU"), "IoU has values:\n\(text)")
    }

    func testClassAndFateAreReadableAtForty() {
        let text = render(.imageView(groundTruthView), options: RenderOptions(width: 40))
        XCTAssertTrue(text.contains("│ ■ bottle │"), text)
        XCTAssertTrue(text.contains("│ as dining table │") || text.contains("│ as dining"), text)
        XCTAssertFalse(text.contains("confu…"), text)
    }

    func testTheBoxIsWholeOrLeftOut() {
        for width in 40...140 {
            let text = render(.imageView(groundTruthView), options: RenderOptions(width: width))
            if tableHeaders(text).contains("box x y w h") {
                XCTAssertTrue(text.contains("132.2 245.5 30.8 80.5") || text.contains("132.3 245.5 30.8 80.5"), "at \(width):\n\(text)")
            } else {
                let flat = text.replacingOccurrences(of: "\n", with: " ")
                XCTAssertTrue(flat.contains("box x y w h"), "the note names it at \(width):\n\(text)")
            }
        }
    }

    func testLongFatesAreKeptWhole() {
        let text = render(.imageView(groundTruthView), options: RenderOptions(width: 140))
        XCTAssertTrue(text.contains("│ confused as dining table │"), text)
    }
}
