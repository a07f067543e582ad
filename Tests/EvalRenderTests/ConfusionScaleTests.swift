import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// Class-to-class confusions have their own shade scale, apart from misses and unmatched
/// predictions, and a folded `other` shows only errors off the diagonal.
final class ConfusionScaleTests: XCTestCase {
    /// Hand-made: a→b 3 is the largest confusion, b→a 1 the smallest; misses go up to 60.
    private let counts = [
        [50, 3, 0, 0, 60],
        [1, 40, 0, 0, 12],
        [0, 0, 30, 4, 5],
        [0, 0, 0, 20, 1],
        [2, 9, 1, 0, 0],
    ]

    private func row(_ text: String, _ prefix: String) -> String {
        text.split(separator: "\n").map(String.init).first { $0.hasPrefix(prefix) } ?? ""
    }

    /// Confusions are shaded against the largest confusion (c→d 4), not the 60 misses: a→b 3 is
    /// 3/4 (▓, where 3/60 was the lightest shade); b→a 1 is 1/4 (░).
    func testConfusionsAreScaledApartFromMisses() {
        let m = MatrixResult(labels: ["a", "b", "c", "d"], counts: counts, point: OperatingPoint())
        let text = render(.matrix(m), options: RenderOptions(width: 120))
        XCTAssertTrue(row(text, "1 a").contains(" 3▓"), text)
        XCTAssertTrue(row(text, "1 a").contains(" 60█"), text)
        // 12/60 = 0.2 on the misses' scale: the lightest shade.
        XCTAssertTrue(row(text, "2 b").contains(" 12░"), text)
        XCTAssertTrue(row(text, "2 b").contains(" 1░"), text)
        XCTAssertTrue(row(text, "3 c").contains(" 4█"), text)
    }

    /// With colour a→b 3 (3/4) gets the confusion ramp's top background (164), not the misses' red.
    func testConfusionsHaveTheirOwnColour() {
        let m = MatrixResult(labels: ["a", "b", "c", "d"], counts: counts, point: OperatingPoint())
        let text = render(.matrix(m), options: RenderOptions(color: true, width: 120))
        let line = row(text, "1 a")
        XCTAssertTrue(line.contains("48;5;164m   3 "), line)
        XCTAssertTrue(line.contains("48;5;160m"), line)
        XCTAssertTrue(text.contains("magenta: one class taken for another"), text)
    }

    /// Folding c and d: other × other holds 30 + 20 correct and 4 confused; it shows the 4,
    /// shaded as the largest confusion, and says where the 50 correct went.
    func testOtherDiagonalShowsOnlyConfusions() {
        let m = MatrixResult(labels: ["a", "b", "c", "d"], counts: counts, top: 2, point: OperatingPoint())
        let text = render(.matrix(m), options: RenderOptions(width: 120))
        let other = row(text, "  other")
        XCTAssertTrue(other.contains(" 4█"), text)
        XCTAssertFalse(other.contains("54"), text)
        XCTAssertTrue(other.hasSuffix("60"), "the row total stays 30 + 4 + 5 + 20 + 1:\n\(text)")
        XCTAssertTrue(text.contains("their 50 correct predictions count in the totals"), text)
    }
}
