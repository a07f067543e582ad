import EvalQuery
import XCTest

@testable import EvalRender

/// One sanitizer between data and the terminal, CSV and Markdown (issue 11): a class named
/// `car ESC]0;TITLE BEL ESC[2J` never reaches the output raw, whatever the colour setting.
final class TerminalSafeTests: XCTestCase {
    private let hostile = "car\u{1B}]0;TITLE\u{07}\u{1B}[2J"
    private let escaped = #"car\x1b]0;TITLE\x07\x1b[2J"#

    private func table() -> QueryResult {
        .table(ResultTable(title: "classes", columns: ["class", "FN"], rows: [[.string(hostile), .int(3)], [.string("a,\"b\""), .int(1)]]))
    }

    private func assertNoRawControl(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { TerminalSafe.isControl($0) && $0 != "\n" }
        XCTAssertTrue(raw.isEmpty, "raw control characters \(raw.map { $0.value }) in \(text)", file: file, line: line)
    }

    func testEscapesC0C1AndDelAsHex() {
        XCTAssertEqual(TerminalSafe.escaped(hostile), escaped)
        XCTAssertEqual(TerminalSafe.escaped("a\u{7F}b\u{9B}c\td"), #"a\x7fb\x9bc\x09d"#)
        XCTAssertEqual(TerminalSafe.escaped("a\nb", keepingLineBreaks: true), "a\nb")
        XCTAssertEqual(TerminalSafe.escaped("a\nb"), #"a\x0ab"#)
        XCTAssertEqual(TerminalSafe.escaped("é 😀 plain"), "é 😀 plain")
    }

    func testTableWithAndWithoutColour() {
        for color in [false, true] {
            let text = render(table(), options: RenderOptions(format: .table, color: color, width: 80))
            assertNoRawControl(DisplayWidth.stripEscapes(text).replacingOccurrences(of: "\u{1B}", with: ""))
            XCTAssertTrue(text.contains(escaped), text)
        }
        // The colour escapes evalsh writes itself are the only escapes in coloured output.
        let colored = render(table(), options: RenderOptions(format: .table, color: true, width: 80))
        XCTAssertFalse(colored.contains("\u{1B}]"), "an OSC sequence from the data reached the output")
        XCTAssertFalse(colored.contains("\u{1B}[2J"))
    }

    func testCSVIsRFC4180AndEscaped() {
        let text = render(table(), options: RenderOptions(format: .csv))
        assertNoRawControl(text)
        XCTAssertEqual(text, "class,FN\n\(escaped),3\n\"a,\"\"b\"\"\",1\n")
    }

    func testMarkdownIsEscaped() {
        let text = render(table(), options: RenderOptions(format: .markdown))
        assertNoRawControl(text)
        XCTAssertTrue(text.contains("| \(escaped) | 3 |"), text)
    }

    func testMessagesAreEscaped() {
        let text = render(.message(Message("no class named \(hostile)", level: .warning)), options: RenderOptions(width: 200))
        assertNoRawControl(text)
        XCTAssertTrue(text.contains(escaped))
    }

    func testTruncationNeverCutsInsideAnEscape() {
        // "car\x1b…" at every width: an escape is kept whole or dropped whole.
        for width in 1...16 {
            let cut = StyledText(hostile).truncated(to: width).plain
            XCTAssertLessThanOrEqual(DisplayWidth.of(cut), width)
            let withoutEllipsis = cut.hasSuffix("…") ? String(cut.dropLast()) : cut
            XCTAssertTrue(escaped.hasPrefix(withoutEllipsis), "width \(width): \(cut)")
            for partial in [#"\"#, #"\x"#, #"\x1"#, #"\x0"#] {
                XCTAssertFalse(withoutEllipsis.hasSuffix(partial), "width \(width) cut inside an escape: \(cut)")
            }
            let middle = escaped.shortenedInMiddle(to: width)
            XCTAssertLessThanOrEqual(DisplayWidth.of(middle), max(width, 1))
        }
    }
}
