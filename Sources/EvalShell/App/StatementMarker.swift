import EvalQuery
import Foundation

/// Statement boundaries written into a script's output, for the golden tests: with
/// `EVALSH_STATEMENT_MARKERS=1` in the environment, a line `␞statement FILE:LINE` (␞ being
/// U+001E, the record separator) goes to standard output and to standard error before each
/// statement runs. FILE is the name the statement's text was run under (the script's path, a
/// sourced file, `<command line>`); LINE is the line where the statement ends.
///
/// A test harness setting, not a user one (no option, not in `help`). evalsh never writes U+001E
/// otherwise, so a reader finds every marker exactly, and removing them leaves the output of the
/// same run without markers.
enum StatementMarker {
    static let environmentVariable = "EVALSH_STATEMENT_MARKERS"
    static let prefix = "\u{1E}statement "

    static func isEnabled(in environment: [String: String]) -> Bool {
        environment[environmentVariable] == "1"
    }

    /// Writes the marker of `node` to both streams (unbuffered, as every other write of the shell).
    static func write(before node: StatementNode, fileName: String?) {
        let line = Data("\(prefix)\(fileName ?? "-"):\(node.range.end.line)\n".utf8)
        try? FileHandle.standardOutput.write(contentsOf: line)
        try? FileHandle.standardError.write(contentsOf: line)
    }
}
