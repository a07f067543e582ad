import EvalShell
import Foundation
import XCTest

final class TerminalSizeTests: XCTestCase {
    func testEnvironmentWinsPerDimension() {
        let notATerminal: Int32 = -1
        XCTAssertEqual(
            TerminalSize.current(environment: ["COLUMNS": "132", "LINES": "50"], fileDescriptor: notATerminal),
            TerminalSize(columns: 132, rows: 50))
        XCTAssertEqual(
            TerminalSize.current(environment: ["COLUMNS": "100"], fileDescriptor: notATerminal),
            TerminalSize(columns: 100, rows: 24))
        XCTAssertEqual(
            TerminalSize.current(environment: ["COLUMNS": "wide", "LINES": "0"], fileDescriptor: notATerminal),
            .fallback)
    }

    func testKernelWindowSizeOfAPseudoTerminal() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 33, ws_col: 77, ws_xpixel: 0, ws_ypixel: 0)
        XCTAssertEqual(openpty(&master, &slave, nil, nil, &size), 0)
        defer {
            close(master)
            close(slave)
        }
        XCTAssertTrue(TerminalDevice.isTerminal(slave))
        XCTAssertEqual(TerminalSize.windowSize(of: slave), TerminalSize(columns: 77, rows: 33))
        XCTAssertEqual(
            TerminalSize.current(environment: ["LINES": "10"], fileDescriptor: slave),
            TerminalSize(columns: 77, rows: 10))
    }

    func testPipeIsNotATerminal() {
        var ends: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&ends), 0)
        defer { ends.forEach { close($0) } }
        XCTAssertFalse(TerminalDevice.isTerminal(ends[0]))
        XCTAssertNil(TerminalSize.windowSize(of: ends[0]))
    }
}
