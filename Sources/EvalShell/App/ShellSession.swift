import EvalFormats
import EvalCore
import EvalQuery
import EvalRender
import EvalStore
import Foundation

/// Runs statements for the REPL, for scripts and for `-c`: parses, executes, prints results,
/// reports errors with their place, and keeps the shell-level state (output file, journal).
///
/// A statement that fails changes nothing: the executor checks before it mutates, and the
/// session only prints. In a script the first failure stops the run with its exit status.
public final class ShellSession {
    public let executor: Executor
    public var workspace: Workspace { executor.workspace }
    let environment: [String: String]
    let interactive: Bool
    let output = OutputSink()
    /// The line editor, for `history`; nil outside the REPL.
    var editor: LineEditor?
    let journal: EditJournal?
    /// When set, information messages are not printed (files loaded from the command line by a
    /// script: its output is the script's results only). Warnings and errors still are.
    var quiet = false
    /// Whether a data result (csv, markdown) went to the output already: the next one is set
    /// apart by a blank line, so that two tables do not read as one.
    private var wroteData = false
    /// Set by `quit`/`exit`: the REPL or script stops after the current statement.
    public internal(set) var quitRequested = false
    /// The scripts being sourced, outermost first (resolved paths), to refuse a cycle.
    var sourcing: [(path: String, shown: String)] = []
    /// The journal of each evaluation that has one (`ShellSession+Journal`).
    var journalRecords: [ObjectIdentifier: JournalRecord] = [:]
    /// Time within the current statement that `timing on` leaves out: waiting for the user (the
    /// pager, `edit`'s editor) and statements run inside it (`edit`), which report their own.
    var waitNanoseconds: UInt64 = 0

    public init(executor: Executor, environment: [String: String], interactive: Bool, journal: EditJournal?) {
        self.executor = executor
        self.environment = environment
        self.interactive = interactive
        self.journal = journal
        executor.shell = self
    }

    /// Runs every statement of `source`. Nothing runs when any statement is malformed (each
    /// malformed one is reported); otherwise statements run in order and, with `stopOnError`,
    /// the first failure ends the run. Returns `.ok` or the status of the first failure.
    @discardableResult
    /// `fileName` is nil for a line typed at the prompt.
    public func run(_ source: String, fileName: String?, stopOnError: Bool) -> ExitStatus {
        let parsed = Parser.parse(source)
        guard parsed.diagnostics.isEmpty else {
            for diagnostic in parsed.diagnostics {
                reportError(ErrorReport.render(diagnostic, source: source, fileName: fileName))
            }
            return .queryError
        }
        var status = ExitStatus.ok
        let marksStatements = StatementMarker.isEnabled(in: environment)
        for node in parsed.statements {
            if InterruptFlag.isRaised { return .interrupted }
            if marksStatements { StatementMarker.write(before: node, fileName: fileName) }
            let outcome = runStatement(node, source: source, fileName: fileName)
            if outcome != .ok {
                if status == .ok { status = outcome }
                if stopOnError && workspace.settings.stopsOnError { return status }
            }
            if quitRequested { break }
        }
        return status
    }

    private func runStatement(_ node: StatementNode, source: String, fileName: String?) -> ExitStatus {
        let started = DispatchTime.now()
        let outerWait = waitNanoseconds
        waitNanoseconds = 0
        defer {
            let elapsed = DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds
            let own = elapsed - min(elapsed, waitNanoseconds)
            // A statement run inside another (by `edit`) is that one's wait, not its work; at the
            // top level the sum is never read (the next statement starts from zero).
            waitNanoseconds = outerWait + elapsed
            if workspace.settings.timing {
                // Execution and rendering, without the user's reading or editing.
                let ms = Double(own) / 1e6
                OutputSink.writeError("run time: \(NumberText.milliseconds(ms))\n")
            }
        }
        do throws(ExecutionError) {
            let before = WorkspaceMark(workspace)
            var results = try executor.execute(node)
            if InterruptFlag.isRaised {
                // Ctrl-C while the statement ran: its results are not shown, and what it loaded
                // or edited is taken back, so the workspace is as it was before the statement.
                before.rollBack(workspace)
                OutputSink.writeError("interrupted\n")
                syncJournal()
                return .interrupted
            }
            // In JSON a statement prints one document: several results become one array.
            let data = results.filter { !$0.isMessage }
            if workspace.settings.format == .json, data.count > 1 {
                results.filter(\.isMessage).forEach { print($0, of: node, in: source, fileName: fileName) }
                results = [.sideBySide(data)]
            }
            for result in results { print(result, of: node, in: source, fileName: fileName) }
            // After what the load said, so that the journal's offer is the last thing before the prompt.
            if let session = before.newCurrent(workspace) { welcome(session) }
            if let failure = output.takeFailure() { throw .output(failure, at: nil) }
            if let failure = results.lazy.compactMap(\.failure).first {
                // Shown, yet a failure for a script (`check` finding errors).
                syncJournal()
                reportError("error: " + failure)
                return .queryError
            }
            syncJournal()
            return .ok
        } catch {
            reportError(ErrorReport.render(error, statement: node, source: source, fileName: fileName))
            return Self.status(for: error)
        }
    }

    /// A newly loaded or pulled evaluation became current: say whether an earlier session left
    /// edits for it and, in the shell, start preparing its numbers on other threads, so that the
    /// prompt is back at once and the first statement finds them ready or under way.
    private func welcome(_ session: EvaluationSession) {
        noteJournal(session)
        guard interactive else { return }
        session.prepareNumbers()
        journalRecord(for: session)?.prepareFingerprints()
    }

    // MARK: Printing

    /// Prints a result of the statement `node` of `source`: a diagnostic as errors are printed,
    /// with its source line and caret, its `warning:` label in colour when colour is on.
    func print(_ result: QueryResult, of node: StatementNode, in source: String, fileName: String?) {
        guard case .diagnostic(let diagnostic) = result else { return print(result) }
        if quiet, diagnostic.severity == .note { return }
        var text = TerminalSafe.escaped(
            ErrorReport.render(diagnostic, source: source, fileName: fileName), keepingLineBreaks: true)
        let label = "\(diagnostic.severity.rawValue):"
        let style: Style = diagnostic.severity == .error ? .error : diagnostic.severity == .warning ? .warning : .bold
        let isTerminal = messagesGoToStandardOutput
            ? TerminalDevice.standardOutputIsTerminal : TerminalDevice.standardErrorIsTerminal
        if workspace.settings.color.resolve(isTerminal: isTerminal, environment: environment),
            let range = text.range(of: label)
        {
            text.replaceSubrange(range, with: style.apply(label))
        }
        writeLine(text + "\n", isTerminalSafe: true)
    }

    func print(_ result: QueryResult) {
        let settings = workspace.settings
        if case .diagnostic(let diagnostic) = result { return print(.message(Message(diagnostic))) }
        if case .message(let message) = result {
            if quiet, message.level != .warning { return }
            // A message to a pipe or a log stays on one line (a path in it stays greppable) unless
            // COLUMNS asks for a width.
            let level: Message.Level = message.level == .warning ? .warning : .info
            writeLine(messageText(
                message.text, level: level,
                wraps: TerminalDevice.standardOutputIsTerminal || environment["COLUMNS"] != nil))
            return
        }
        let toTerminal = output.isStandardOutput && TerminalDevice.standardOutputIsTerminal
        var options = RenderOptions(
            format: settings.format,
            // `on` colours whatever the output (a CI log, `less -R`), as `--color=always` does.
            color: settings.color.resolve(isTerminal: toTerminal, environment: environment),
            ascii: settings.ascii,
            width: terminalWidth,
            maxRows: rowLimit)
        options.expanded = settings.expanded
        var text = render(result, options: options)
        if settings.format == .csv || settings.format == .markdown {
            if wroteData, !text.isEmpty { text = "\n" + text }
            wroteData = true
        }
        let terminated = text.hasSuffix("\n") ? text : text + "\n"
        if pages {
            let paging = DispatchTime.now()
            Pager(environment: environment).show(
                terminated, size: TerminalSize.current(environment: environment), outputIsTerminal: true)
            waitNanoseconds += DispatchTime.now().uptimeNanoseconds - paging.uptimeNanoseconds
        } else {
            output.write(terminated)
        }
    }

    /// A message's or diagnostic's text: on standard output beside a table or Markdown (so that
    /// it reads in order with them), else on standard error (csv and json stay clean data).
    /// `isTerminalSafe`: the text passed `TerminalSafe` already (and may hold colour escapes).
    private func writeLine(_ text: String, isTerminalSafe: Bool = false) {
        if messagesGoToStandardOutput {
            output.writeStandardOutput(text)
        } else if isTerminalSafe {
            try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
        } else {
            OutputSink.writeError(text)
        }
    }

    private var messagesGoToStandardOutput: Bool {
        let format = workspace.settings.format
        return (format == .table || format == .markdown) && output.isStandardOutput
    }

    /// Whether a table goes through the pager: the interactive shell writing to its terminal
    /// with the pager on.
    private var pages: Bool {
        interactive && output.isStandardOutput && TerminalDevice.standardOutputIsTerminal && workspace.settings.pager
            && workspace.settings.format == .table
    }

    /// The rows a table shows: `set rows` applies to a terminal without a pager only. A pipe, a
    /// file (`output`, a redirection), the pager and the data formats get every row, as
    /// sqlite3's `.output` and psql's `\o` do.
    var rowLimit: Int? {
        let unpagedTerminal = output.isStandardOutput && TerminalDevice.standardOutputIsTerminal && !pages
        return workspace.settings.format == .table && unpagedTerminal ? workspace.settings.rowLimit : nil
    }

    func reportError(_ text: String) {
        let colored = workspace.settings.color.resolve(isTerminal: TerminalDevice.standardErrorIsTerminal, environment: environment)
        OutputSink.writeErrorReport(text, colored: colored)
    }


    /// The exit status a failed statement gives a script (README, "Exit codes").
    static func status(for error: ExecutionError) -> ExitStatus {
        switch error {
        case .assertionFailed: return .assertionFailed
        case .input: return .inputError
        // A target that cannot be used so (a version on a push) is a mistake in the statement, as
        // a target that does not parse is.
        case .store(let failure) where failure.kind == .target: return .queryError
        case .store: return .pushFailed
        case .output: return .outputError
        default: return .queryError
        }
    }

    // MARK: Leaving

    /// True when the session may end: nothing unpushed, or the user said so.
    func confirmQuit() -> Bool {
        let unsaved = workspace.unsaved
        guard interactive, !unsaved.isEmpty, let editor else { return true }
        let names = unsaved.map { "\($0.name) (\($0.pending.count))" }.joined(separator: ", ")
        writeNotice("unpushed edits in \(names); they stay in the journal ('recover' next time).")
        if case .line(let answer) = editor.readLine(prompt: "quit anyway? [y/N] ") {
            return answer.lowercased().hasPrefix("y")
        }
        return false
    }

    /// Said on stderr at the end of a script that leaves edits unpushed.
    public func warnUnsaved() {
        for session in workspace.unsaved {
            writeNotice("\(session.name) has \(session.pending.count) unpushed edit(s); 'push' sends them", level: .warning)
        }
    }

    /// A line for standard error, wrapped to the terminal's width when standard error is one.
    func writeNotice(_ text: String, level: Message.Level = .info) {
        OutputSink.writeError(messageText(text, level: level, wraps: TerminalDevice.standardErrorIsTerminal))
    }

    /// A message as printed: `warning:` before a warning (uncoloured), in ASCII when asked, wrapped
    /// to the terminal's width when `wraps`, else on one line; ends with a line break.
    private func messageText(_ text: String, level: Message.Level, wraps: Bool) -> String {
        let options = RenderOptions(ascii: workspace.settings.ascii, width: wraps ? terminalWidth : Int.max / 4)
        let rendered = render(.message(Message(text, level: level)), options: options)
        return rendered.isEmpty ? "\n" : rendered
    }

    /// `COLUMNS`, else the terminal's width, else 100.
    var terminalWidth: Int { TerminalWidth.resolve(environment: environment) { TerminalWidth.query() } }
}
