import EvalFormats
import EvalShell
import XCTest

final class LoadProgressTextTests: XCTestCase {
    /// A load of ground truth then predictions reads: each file with its size and share parsed,
    /// then the matching; the ground truth being read starts no phase of its own.
    func testPhasesOfALoad() {
        let text = LoadProgressText()
        XCTAssertEqual(text.line(after: .parsed(fraction: 0.5)), nil, "a percentage before any file means nothing")
        XCTAssertEqual(
            text.line(after: .reading(file: "/tmp/bench/gt.json", bytes: 22_758_514)),
            LoadProgressText.Line(text: "reading gt.json (23 MB)…", startsPhase: true))
        XCTAssertEqual(
            text.line(after: .parsed(fraction: 0.426)),
            LoadProgressText.Line(text: "reading gt.json (23 MB)… 42%", startsPhase: false))
        XCTAssertEqual(text.line(after: .read(file: "/tmp/bench/gt.json", kind: .cocoGroundTruth)), nil)
        XCTAssertEqual(text.line(after: .reading(file: "dt.json", bytes: 60_847_384))?.text, "reading dt.json (61 MB)…")
        XCTAssertEqual(text.line(after: .parsed(fraction: 1.2))?.text, "reading dt.json (61 MB)… 100%")
        XCTAssertEqual(
            text.line(after: .read(file: "dt.json", kind: .cocoResults)),
            LoadProgressText.Line(text: "matching predictions to ground truth…", startsPhase: true))
    }

    func testSizes() {
        XCTAssertEqual(
            [12, 850_000, 2_450_000, 60_847_384, 3_200_000_000].map { sizeText($0) },
            ["12 bytes", "850 KB", "2.5 MB", "61 MB", "3.2 GB"])
    }

    private func sizeText(_ bytes: Int) -> String {
        let text = LoadProgressText().line(after: .reading(file: "f", bytes: bytes))?.text ?? ""
        return String(text.dropFirst("reading f (".count).dropLast(")…".count))
    }
}
