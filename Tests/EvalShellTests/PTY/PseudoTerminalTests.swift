import XCTest

/// Proves the pty driver itself: input reaches the program, output comes back, and Ctrl-C
/// becomes SIGINT in the program's process group, as at a real terminal.
final class PseudoTerminalTests: XCTestCase {
    func testTypedLineReachesProgramAndOutputComesBack() throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", "read x; echo got:$x"], environment: [:])
        terminal.send("hello world\r")
        try terminal.expect("got:hello world")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func testControlCRaisesSIGINTInTheProgram() throws {
        let script = "trap 'echo caught; exit 3' INT; echo ready; while :; do sleep 0.1; done"
        let terminal = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", script], environment: [:])
        try terminal.expect("ready")
        terminal.send("\u{03}")
        try terminal.expect("caught")
        XCTAssertEqual(try terminal.waitForExit(), 3)
    }

    func testTerminalHasTheRequestedSizeAndTerm() throws {
        let terminal = try PseudoTerminal(
            executable: "/bin/sh", arguments: ["-c", "echo size:$(stty size) term:$TERM"],
            environment: [:], columns: 91, rows: 17)
        try terminal.expect("size:17 91 term:xterm")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func testStripRemovesEscapeSequences() {
        let drawn = "\u{1B}[1;32mevalsh>\u{1B}[0m sum\u{08}\u{08}\u{1B}[Kmary\r\n\u{1B}]0;title\u{07}done\u{07}"
        XCTAssertEqual(TerminalText.strip(drawn), "evalsh> summary\ndone")
    }
}
