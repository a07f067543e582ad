import Foundation

/// Runs the interactive loop until the host asks to exit or accepts Ctrl-D.
///
/// Each statement (possibly spread over `\`-continued lines) is recorded in history and
/// handed to `host.handle(statement:)` with SIGINT caught, so Ctrl-C during a long
/// statement raises `InterruptFlag` instead of ending the process. Ctrl-C at the prompt
/// abandons the statement being typed, continuation lines included. The caller prints any
/// banner first.
public func runREPL(host: any REPLHost, editor: LineEditor) {
    editor.completer = host.completer
    var accumulator = StatementAccumulator()
    while true {
        let prompt = accumulator.isPending ? host.continuationPrompt() : host.prompt()
        switch editor.readLine(prompt: prompt) {
        case .interrupted:
            accumulator.reset()
        case .eof:
            accumulator.reset()
            FileHandle.standardOutput.write(Data("\n".utf8))
            if host.shouldExit() { return }
        case .line(let line):
            guard case .complete(let statement) = accumulator.add(line) else { continue }
            guard !statement.allSatisfy(\.isWhitespace) else { continue }
            editor.record(statement)
            let action = InterruptFlag.whileCatchingInterrupts { host.handle(statement: statement) }
            InterruptFlag.reset()
            if action == .exit { return }
        }
    }
}
