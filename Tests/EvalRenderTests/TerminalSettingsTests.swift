import XCTest

import EvalQuery
@testable import EvalRender

/// Colour and width resolution from the terminal and the environment.
final class TerminalSettingsTests: XCTestCase {
    func testAutoColourNeedsATerminalATermAndNoNOCOLOR() {
        let term = ["TERM": "xterm-256color"]
        XCTAssertTrue(ColorMode.auto.resolve(isTerminal: true, environment: term))
        XCTAssertFalse(ColorMode.auto.resolve(isTerminal: false, environment: term))
        XCTAssertFalse(ColorMode.auto.resolve(isTerminal: true, environment: [:]))
        XCTAssertFalse(ColorMode.auto.resolve(isTerminal: true, environment: ["TERM": "dumb"]))
        XCTAssertFalse(ColorMode.auto.resolve(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]))
        XCTAssertTrue(ColorMode.on.resolve(isTerminal: false, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(ColorMode.off.resolve(isTerminal: true, environment: term))
    }

    func testWidthComesFromCOLUMNSThenTheTerminalThen100() {
        XCTAssertEqual(TerminalWidth.resolve(environment: ["COLUMNS": "132"], terminalColumns: { 80 }), 132)
        XCTAssertEqual(TerminalWidth.resolve(environment: ["COLUMNS": "wide"], terminalColumns: { 80 }), 80)
        XCTAssertEqual(TerminalWidth.resolve(environment: ["COLUMNS": "0"], terminalColumns: { nil }), 100)
        XCTAssertEqual(TerminalWidth.resolve(environment: [:], terminalColumns: { nil }), 100)
    }

    func testWithoutColourNoEscapeIsWritten() {
        for (name, result) in ViewCatalog.all {
            let text = render(result, options: RenderOptions(color: false, width: 80))
            XCTAssertFalse(text.contains("\u{1B}"), name)
        }
        let colored = render(.matrix(SeedFixtures.matrix), options: RenderOptions(color: true, width: 80))
        XCTAssertTrue(colored.contains("\u{1B}[1;38;5;16;48;5;40m"), "the largest diagonal cell has the brightest green")
    }
}
