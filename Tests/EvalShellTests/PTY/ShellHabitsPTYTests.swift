import EvalshTestSupport
import Foundation
import XCTest

/// psql's and sqlite3's shell habits (issue 12 items 9 and 10) on the built `evalsh` in a
/// pseudo-terminal: `edit` (psql's `\e`) and `timing on` beside a pager the user reads slowly.
final class ShellHabitsPTYTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-habits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func shell(_ extra: [String: String], rows: UInt16 = 60) throws -> PseudoTerminal {
        let groundTruth = try Repository.file("Examples/coco-small/gt.json")
        let predictions = try Repository.file("Examples/coco-small/predictions.json")
        var environment = [
            "HOME": directory.path, "XDG_STATE_HOME": directory.path + "/state", "XDG_CONFIG_HOME": directory.path + "/config",
            "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "PAGER": "cat",
        ]
        environment.merge(extra) { $1 }
        return try PseudoTerminal(
            executable: try BuiltEvalsh.path(), arguments: [groundTruth, predictions, "--no-init"],
            environment: environment, columns: 120, rows: rows)
    }

    /// An editor that is a shell script: its first run checks it was given the last statement
    /// and rewrites it into two statements; the second exits 3; the third empties the file.
    func testEditRunsWhatTheEditorSavedAndNothingOnFailureOrEmpty() throws {
        let counter = directory.path + "/runs"
        let editor = directory.path + "/editor.sh"
        try """
        #!/bin/sh
        n=$(cat "\(counter)" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "\(counter)"
        case $n in
        1) grep -qx 'version' "$1" || exit 9; printf 'set rows 7; timing on\\n' > "$1" ;;
        2) printf 'quit\\n' > "$1"; exit 3 ;;
        3) : > "$1" ;;
        esac
        """.write(toFile: editor, atomically: true, encoding: .utf8)
        chmod(editor, 0o755)

        let terminal = try shell(["EDITOR": editor, "VISUAL": ""])
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("version\r")
        try terminal.expect("evalsh ")
        try terminal.expectPrompt("evalsh predictions> ")

        terminal.send("edit\r")
        try terminal.expect("rows 7")
        try terminal.expect("timing on")
        try terminal.expectPrompt("evalsh predictions> ")

        terminal.send("edit\r")
        try terminal.expect("exited with status 3: nothing was run")
        try terminal.expectPrompt("evalsh predictions> ")

        terminal.send("edit\r")
        try terminal.expect("left empty: nothing was run")
        try terminal.expectPrompt("evalsh predictions> ")

        terminal.send("history\r")
        try terminal.expect("set rows 7; timing on")
        try terminal.expectPrompt("evalsh predictions> ")
        terminal.send("\u{04}")
        XCTAssertEqual(try terminal.waitForExit(timeout: 10), 0)
        XCTAssertFalse(terminal.transcript.contains("quit anyway"), terminal.transcript)
        XCTAssertEqual(try String(contentsOfFile: counter, encoding: .utf8), "3\n")
    }

    /// A pager that keeps the output two seconds (a user reading it): `timing on` reports the
    /// statement's own time, well under those two seconds.
    func testTimingLeavesOutTheTimeSpentInThePager() throws {
        let terminal = try shell(["PAGER": "sleep 2; cat"], rows: 20)
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("timing on\r")
        try terminal.expectPrompt("evalsh predictions> ")
        let started = Date()
        terminal.send("help\r")
        try terminal.expect("run time: ", timeout: 20)
        let line = try terminal.expect(" ms")
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 2, "the pager ran (help is taller than 20 rows)")
        let number = Double(line.dropLast(3).trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ""))
        XCTAssertNotNil(number, line)
        XCTAssertLessThan(number ?? .infinity, 1500, "the pager's two seconds are not the statement's")
        terminal.send("\u{04}")
        XCTAssertEqual(try terminal.waitForExit(timeout: 10), 0)
    }

    /// Tab in libedit closes a class begun in brackets, quoted (issue 12 item 9), and the
    /// statement runs as completed.
    func testTabClosesABracketedClass() throws {
        let terminal = try shell([:])
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("where FN[di\t")
        // libedit may redraw the completed word with backspaces: judge by what ran.
        try terminal.expect("table")
        terminal.send("> 0\r")
        try terminal.expect("where FN[\"dining table\"] > 0 · ")
        try terminal.expectPrompt("evalsh predictions> ")
        terminal.send("\u{04}")
        XCTAssertEqual(try terminal.waitForExit(timeout: 10), 0)
    }
}
