import EvalQuery
import XCTest

@testable import EvalRender

/// No line of any view is wider than the width asked for, escapes left out of the count.
final class WidthTests: XCTestCase {
    func testNoLineIsWiderThanTheWidth() {
        for (name, result) in ViewCatalog.all {
            for width in ViewCatalog.widths + [57, 123] {
                for (color, ascii) in [(false, false), (true, false), (false, true)] {
                    let text = render(result, options: RenderOptions(color: color, ascii: ascii, width: width, maxRows: nil))
                    for line in text.split(separator: "\n") {
                        let w = DisplayWidth.of(String(line))
                        XCTAssertLessThanOrEqual(w, width, "\(name) at \(width) (color \(color), ascii \(ascii)): \(DisplayWidth.stripEscapes(String(line)))")
                    }
                }
            }
        }
    }

    func testDisplayWidthCountsColumnsNotEscapes() {
        XCTAssertEqual(DisplayWidth.of("\u{1B}[38;5;33m■9\u{1B}[0m ⠿┼─"), 6)
        XCTAssertEqual(DisplayWidth.of("車e\u{301}"), 3)
        XCTAssertEqual(DisplayWidth.stripEscapes("\u{1B}[1;48;5;22mab\u{1B}[0m"), "ab")
    }

    func testFilenamesAreShortenedInTheirMiddle() {
        XCTAssertEqual("9999967_00000_d_0000018.jpg".shortenedInMiddle(to: 15), "9999967…018.jpg")
        XCTAssertEqual("short.jpg".shortenedInMiddle(to: 15), "short.jpg")
    }
}
