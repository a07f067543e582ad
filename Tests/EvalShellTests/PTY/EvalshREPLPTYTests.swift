import EvalshTestSupport
import Foundation
import XCTest

/// Drives the built `evalsh` binary through a pseudo-terminal on the bundled example, the
/// way a person would: Tab completion, Enter, Up to recall, Ctrl-C, Ctrl-D, and the history
/// file left behind. Without the binary (see `BuiltEvalsh`) or the example, the tests fail.
final class EvalshREPLPTYTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// `evalsh` on a 120×60 pseudo-terminal, its home and state in the test's directory.
    private func shell(_ evalsh: String, arguments: [String], stateHome: String) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: evalsh, arguments: arguments,
            environment: [
                "HOME": directory.path, "XDG_STATE_HOME": stateHome, "XDG_CONFIG_HOME": directory.path + "/config",
                "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "PAGER": "cat",
            ],
            columns: 120, rows: 60)
    }

    func testInteractiveSessionCompletesRecallsCancelsAndSavesHistory() throws {
        let evalsh = try BuiltEvalsh.path()
        let groundTruth = try Repository.file("Examples/coco-small/gt.json")
        let predictions = try Repository.file("Examples/coco-small/predictions.json")
        let stateHome = directory.path + "/state"

        let terminal = try shell(evalsh, arguments: [groundTruth, predictions, "--no-init"], stateHome: stateHome)
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)

        terminal.send("sum\t")
        try terminal.expect("summary")
        terminal.send("\r")
        try terminal.expect("AP50")
        try terminal.expectPrompt("evalsh predictions> ")

        terminal.send("\u{1B}[A\r")
        try terminal.expect("AP50")
        try terminal.expectPrompt("evalsh predictions> ")

        // A class name completes after `cell`; the statement runs and names the cell.
        terminal.send("cell ca\t")
        try terminal.expect("cell car ")
        // libedit may redraw the completed word with backspaces: judge by what ran.
        terminal.send("bow\t\r")
        try terminal.expect("cell car → bowl")
        try terminal.expectPrompt("evalsh predictions> ")

        terminal.send("matr")
        try terminal.expect("matr")
        terminal.send("\u{03}")
        try terminal.expectPrompt("evalsh predictions> ")

        terminal.send("\u{04}")
        XCTAssertEqual(try terminal.waitForExit(timeout: 10), 0)

        let historyPath = stateHome + "/evalsh/history"
        let history = try String(contentsOfFile: historyPath, encoding: .utf8)
        XCTAssertEqual(history, "summary\ncell car bowl\n")
        let mode = (try FileManager.default.attributesOfItem(atPath: historyPath)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
    }

    /// `$XDG_CONFIG_HOME/evalsh/init.evq` runs at the start of an interactive session (its edit
    /// shows in the prompt); `--no-init` skips it.
    func testInitFileRunsUnlessNoInit() throws {
        let evalsh = try BuiltEvalsh.path()
        let groundTruth = try Repository.file("Examples/coco-small/gt.json")
        let predictions = try Repository.file("Examples/coco-small/predictions.json")
        let config = directory.path + "/config"
        try FileManager.default.createDirectory(atPath: config + "/evalsh", withIntermediateDirectories: true)
        try "metric iou=0.6\n".write(toFile: config + "/evalsh/init.evq", atomically: true, encoding: .utf8)
        let environment = [
            "HOME": directory.path, "XDG_STATE_HOME": directory.path + "/state", "XDG_CONFIG_HOME": config,
            "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "PAGER": "cat",
        ]
        for (arguments, prompt) in [([groundTruth, predictions], "evalsh predictions [1 edit]> "),
                                    ([groundTruth, predictions, "--no-init"], "evalsh predictions> ")] {
            let terminal = try PseudoTerminal(
                executable: evalsh, arguments: arguments, environment: environment, columns: 120, rows: 40)
            try terminal.expectPrompt(prompt, timeout: 30)
            terminal.send("quit\r")
            if prompt.contains("edit") {
                try terminal.expect("quit anyway? [y/N]")
                terminal.send("y\r")
            }
            XCTAssertEqual(try terminal.waitForExit(timeout: 10), 0)
        }
    }

    /// With more history than a table shows, `history` on a terminal without a pager lists the
    /// newest entries, numbered from the first as bash and psql do, the newest last; through
    /// the pager it lists every entry (the row limit is for an unpaged terminal only).
    func testHistoryShowsTheNewestEntries() throws {
        let evalsh = try BuiltEvalsh.path()
        let stateHome = directory.path + "/state"
        try FileManager.default.createDirectory(atPath: stateHome + "/evalsh", withIntermediateDirectories: true)
        let earlier = (1...60).map { "summary -- \($0)" }
        try (earlier.joined(separator: "\n") + "\n").write(toFile: stateHome + "/evalsh/history", atomically: true, encoding: .utf8)
        let terminal = try shell(evalsh, arguments: ["--no-init"], stateHome: stateHome)
        try terminal.expectPrompt("> ", timeout: 30)
        terminal.send("history\r")
        let paged = try terminal.expect("61 │ history")
        try terminal.expectPrompt("> ")
        XCTAssertTrue(paged.contains(" 1 │ summary -- 1 "), "the pager gets every row: \(paged)")
        terminal.send("set pager off\r")
        try terminal.expectPrompt("> ")
        terminal.send("history\r")
        let listing = try terminal.expect("63 │ history")
        try terminal.expectPrompt("> ")
        XCTAssertTrue(listing.contains("24 │ summary -- 24"), listing)
        XCTAssertFalse(listing.contains("23 │ summary -- 23"), "the default 40 rows hold entries 24 to 63")
        XCTAssertFalse(listing.contains("more rows"), listing)
        terminal.send("\u{04}")
        XCTAssertEqual(try terminal.waitForExit(timeout: 10), 0)
    }
}
