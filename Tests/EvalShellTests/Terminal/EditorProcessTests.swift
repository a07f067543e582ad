@testable import EvalShell
import Foundation
import XCTest

/// `edit`'s editor: `$VISUAL`, else `$EDITOR`, else `vi` (psql's order), run on the file with
/// its exit status reported.
final class EditorProcessTests: XCTestCase {
    func testVisualThenEditorThenVi() {
        XCTAssertEqual(EditorProcess.command(environment: ["VISUAL": "code --wait", "EDITOR": "nano"]), "code --wait")
        XCTAssertEqual(EditorProcess.command(environment: ["VISUAL": "  ", "EDITOR": "nano"]), "nano")
        XCTAssertEqual(EditorProcess.command(environment: ["EDITOR": "nano"]), "nano")
        XCTAssertEqual(EditorProcess.command(environment: [:]), "vi")
    }

    /// The path is an argument, never spliced into the command: a name with a space and a quote
    /// reaches the editor whole.
    func testThePathReachesTheEditorWholeAndItsStatusComesBack() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("it's a file.evq").path
        try "summary\n".write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(EditorProcess.run("sed -i s/summary/classes/", path: file), .success(0))
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), "classes\n")
        XCTAssertEqual(EditorProcess.run("sh -c 'exit 3' editor", path: file), .success(3))
        XCTAssertEqual(EditorProcess.run("no-such-editor-evalsh", path: file), .success(127))
    }
}
