import Foundation

/// Runs a script read from standard input as it arrives, a chunk of whole lines at a time,
/// rather than after the end of input: statements fed through a pipe or a FIFO run (and their
/// edits are journaled) while the writer is still writing, so a session killed before the
/// end of its input loses none of the edits it ran.
///
/// Each chunk is parsed whole before it runs (a malformed statement in it stops the run with
/// nothing of that chunk run); errors give the line in the whole input (`<stdin>:12:3`).
struct StandardInputScript {
    let session: ShellSession
    var read: () -> Data = { FileHandle.standardInput.availableData }
    /// The longest statement read from standard input: endless input without a line break
    /// (`< /dev/zero`) ends with an error instead of filling memory.
    static let maximumStatementBytes = 1 << 20

    func run() -> ExitStatus {
        var pending = Data()
        var linesRun = 0
        var firstFailure = ExitStatus.ok
        while true {
            let chunk = read()
            // What was pending holds no statement end (it would have run): search the new bytes only.
            let searchFrom = pending.count
            pending.append(chunk)
            let atEnd = chunk.isEmpty
            // Whole lines only, and not a line that a trailing `\` continues.
            guard let cut = atEnd ? pending.endIndex : Self.lastStatementEnd(in: pending, from: searchFrom) else {
                if pending.count > Self.maximumStatementBytes {
                    OutputSink.writeError(
                        "<stdin>:\(linesRun + 1): error: a statement longer than \(Self.maximumStatementBytes >> 20) MiB "
                            + "(no line break in the input); statements end at a line break or ';'\n")
                    return .queryError
                }
                continue
            }
            let text = String(decoding: pending[pending.startIndex..<cut], as: UTF8.self)
            pending = Data(pending[cut...])
            if !text.allSatisfy(\.isWhitespace) {
                // Leading line breaks give the statements their line numbers in the whole input.
                let status = session.run(String(repeating: "\n", count: linesRun) + text, fileName: "<stdin>", stopOnError: true)
                if status != .ok, firstFailure == .ok { firstFailure = status }
                // `set errors continue` runs on; the exit status stays the first failure's.
                if session.quitRequested || (status != .ok && session.workspace.settings.stopsOnError) { return firstFailure }
            }
            linesRun += text.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            if atEnd { return firstFailure }
        }
    }

    /// The index just after the last line break at or after offset `from` that ends a statement
    /// (one not preceded by an odd number of backslashes, trailing blanks aside); nil when there
    /// is none yet.
    static func lastStatementEnd(in data: Data, from: Int = 0) -> Data.Index? {
        let start = data.startIndex + from
        var index = data.endIndex
        while let newline = data[start..<index].lastIndex(of: UInt8(ascii: "\n")) {
            var k = newline
            while k > data.startIndex, data[k - 1] == UInt8(ascii: " ") || data[k - 1] == UInt8(ascii: "\t") || data[k - 1] == UInt8(ascii: "\r") { k -= 1 }
            var backslashes = 0
            while k > data.startIndex, data[k - 1] == UInt8(ascii: "\\") { backslashes += 1; k -= 1 }
            if backslashes % 2 == 0 { return newline + 1 }
            index = newline
        }
        return nil
    }
}
