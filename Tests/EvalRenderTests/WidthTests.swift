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

    func testMessagesWrapAtWordsWithinTheWidth() {
        let text = "predictions: the payload satisfies every consistency rule"
        for level in [Message.Level.info, .warning, .note] {
            let lines = render(.message(Message(text, level: level)), options: RenderOptions(width: 40))
                .split(separator: "\n").map(String.init)
            XCTAssertGreaterThan(lines.count, 1)
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 40, line) }
            // Broken between words only: the words come back joined by single spaces.
            let prefix = level == .warning ? "warning: " : level == .note ? "note: " : ""
            XCTAssertEqual(lines.joined(separator: " "), prefix + text)
        }
        let lines = render(.message(Message(text)), options: RenderOptions(width: 40)).split(separator: "\n")
        XCTAssertEqual(lines, ["predictions: the payload satisfies every", "consistency rule"])
    }

    func testWrappedTableCellsKeepEveryWordWithinTheWidth() {
        let syntax = "images [where PREDICATE] [sort FIELD [asc|desc]] [limit N]"
        let table = ResultTable(columns: ["syntax", "what it does"], rows: [[.string(syntax), .string("Every image with its counts")]])
        for width in [40, 57, 80] {
            let lines = render(.table(table), options: RenderOptions(width: width)).split(separator: "\n").map(String.init)
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, line) }
            let firstColumn = lines.dropFirst(3).dropLast().map { $0.split(separator: "│")[0].trimmingCharacters(in: .whitespaces) }
            // Broken at spaces (dropped) or after `|` (kept on the first line): nothing is lost.
            let joined = firstColumn.filter { !$0.isEmpty }.reduce("") { text, piece in
                text.isEmpty ? piece : text + (text.hasSuffix("|") ? "" : " ") + piece
            }
            XCTAssertEqual(joined, syntax, "at \(width)")
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
