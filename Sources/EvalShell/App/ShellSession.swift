import EvalCore
import EvalQuery
import EvalRender
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
    public private(set) var quitRequested = false
    /// What the journal holds for each evaluation, to rewrite it only when the edits change.
    var journaled: [ObjectIdentifier: [String]] = [:]

    public init(executor: Executor, environment: [String: String], interactive: Bool, journal: EditJournal?) {
        self.executor = executor
        self.environment = environment
        self.interactive = interactive
        self.journal = journal
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
        for node in parsed.statements {
            if InterruptFlag.isRaised { return .interrupted }
            let outcome = runStatement(node, source: source, fileName: fileName)
            if outcome != .ok {
                if status == .ok { status = outcome }
                if stopOnError { return status }
            }
            if quitRequested { break }
        }
        return status
    }

    private func runStatement(_ node: StatementNode, source: String, fileName: String?) -> ExitStatus {
        let started = DispatchTime.now()
        defer {
            if workspace.settings.timing {
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                OutputSink.writeError("run time: \(NumberTextShell.milliseconds(ms))\n")
            }
        }
        do throws(ExecutionError) {
            var results: [QueryResult]
            let before = WorkspaceMark(workspace)
            if let handled = try shellStatement(node, source: source) {
                results = handled
            } else {
                results = try executeWithProgress(node)
            }
            if InterruptFlag.isRaised {
                // Ctrl-C while the statement ran: its results are not shown, and what it loaded
                // or edited is taken back, so the workspace is as it was before the statement.
                before.rollBack(workspace)
                OutputSink.writeError("interrupted\n")
                syncJournal()
                return .interrupted
            }
            // In JSON a statement prints one document: several results become one array.
            let data = results.filter { if case .message = $0 { false } else { true } }
            if workspace.settings.format == .json, data.count > 1 {
                results.filter { if case .message = $0 { true } else { false } }.forEach(print)
                print(.sideBySide(data))
            } else {
                for result in results { print(result) }
            }
            if let failure = output.takeFailure() { throw .output(failure) }
            if case .show(_, let svgPath?) = node.statement, case .imageView(let view)? = results.first {
                try writeSVG(view, to: svgPath.text)
            }
            syncJournal()
            return failedFindings(results)
        } catch {
            reportError(ErrorReport.render(error, statement: node, source: source, fileName: fileName))
            return Self.status(for: error)
        }
    }

    private func executeWithProgress(_ node: StatementNode) throws(ExecutionError) -> [QueryResult] {
        // The progress line is erased when this returns, before the journal's note is printed.
        let results = try StatementProgress.run(node) { () throws(ExecutionError) in try executor.execute(node) }
        if case .load = node.statement, !results.isEmpty, !InterruptFlag.isRaised {
            noteJournal()
            if interactive, let session = workspace.current {
                // Both kinds of numbers are ready before the first statement asks: the COCO
                // metrics on a second thread, the operating point's here (tens of milliseconds).
                session.prefetchCOCOMetrics()
                _ = session.view()
            }
        }
        return results
    }

    /// The scripts being sourced, outermost first (resolved paths), to refuse a cycle.
    private var sourcing: [(path: String, shown: String)] = []

    /// The statements that concern the shell rather than the workspace; nil for the others.
    private func shellStatement(_ node: StatementNode, source: String) throws(ExecutionError) -> [QueryResult]? {
        switch node.statement {
        case .quit:
            quitRequested = confirmQuit()
            return []
        case .output(let path?):
            do { try output.redirect(to: Executor.expandTilde(path.text)) } catch {
                throw .output("cannot write \(path.text): \(error.localizedDescription)")
            }
            return [.message(Message("results go to \(path.text); 'output' alone sends them back"))]
        case .output(nil):
            output.restore()
            return [.message(Message("results go to standard output"))]
        case .source(let path):
            return try sourceScript(path)
        case .history:
            // The newest entries, as many as the table shows: the renderer cuts from the top.
            let shown = workspace.settings.format == .table ? workspace.settings.rowLimit : nil
            let entries = editor?.recentHistory(shown ?? .max) ?? []
            return [.table(ResultTable(
                title: "history", columns: ["#", "statement"],
                rows: entries.map { [.int($0.number), .string($0.entry)] },
                notes: editor == nil ? ["history is kept in the interactive shell only"] : []))]
        case .recover:
            return try recover()
        case .discard:
            return try discard()
        default:
            return nil
        }
    }

    /// `source FILE`: runs a script, refusing one already being sourced (a cycle) and a chain
    /// deeper than 32 files.
    private func sourceScript(_ path: Name) throws(ExecutionError) -> [QueryResult] {
        let file = Executor.expandTilde(path.text)
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
        if let start = sourcing.firstIndex(where: { $0.path == resolved }) {
            let cycle = sourcing[start...].map(\.shown) + [path.text]
            throw .invalidValue(
                "source cycle: \(cycle.joined(separator: " → ")); a script cannot source itself, directly or through others",
                at: path.range)
        }
        guard sourcing.count < 32 else {
            throw .invalidValue("source nested more than 32 files deep", at: path.range)
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .input(.unreadable(file: file, reason: "is a directory; source takes a script file"))
        }
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw .input(.unreadable(file: file, reason: "no such file or not UTF-8 text"))
        }
        sourcing.append((resolved, path.text))
        defer { sourcing.removeLast() }
        let status = run(text, fileName: path.text, stopOnError: true)
        if status != .ok { throw .unavailable("\(path.text) stopped (exit status \(status.rawValue))", help: nil) }
        return []
    }

    // MARK: Printing

    func print(_ result: QueryResult) {
        let settings = workspace.settings
        if case .message(let message) = result {
            if quiet, message.level != .warning { return }
            // A message to a pipe or a log stays on one line (a path in it stays greppable) unless
            // COLUMNS asks for a width.
            let level: Message.Level = message.level == .warning ? .warning : .info
            let text = messageText(
                message.text, level: level,
                wraps: TerminalDevice.standardOutputIsTerminal || environment["COLUMNS"] != nil)
            if settings.format == .table || settings.format == .markdown, output.isStandardOutput {
                output.writeStandardOutput(text)
            } else {
                OutputSink.writeError(text)
            }
            return
        }
        let toTerminal = output.isStandardOutput && TerminalDevice.standardOutputIsTerminal
        let options = RenderOptions(
            format: settings.format,
            // `on` colours whatever the output (a CI log, `less -R`), as `--color=always` does.
            color: settings.color.resolve(isTerminal: toTerminal, environment: environment),
            ascii: settings.ascii,
            width: terminalWidth,
            maxRows: settings.format == .table ? settings.rowLimit : nil)
        var text = render(result, options: options)
        if settings.format == .csv || settings.format == .markdown {
            if wroteData, !text.isEmpty { text = "\n" + text }
            wroteData = true
        }
        let terminated = text.hasSuffix("\n") ? text : text + "\n"
        if interactive, toTerminal, settings.pager, settings.format == .table {
            Pager(environment: environment).show(
                terminated, size: TerminalSize.current(environment: environment), outputIsTerminal: true)
        } else {
            output.write(terminated)
        }
    }

    func reportError(_ text: String) {
        let colored = workspace.settings.color.resolve(isTerminal: TerminalDevice.standardErrorIsTerminal, environment: environment)
        let labelled = colored ? text.replacingOccurrences(of: "error:", with: Style.error.apply("error:"), options: [], range: text.range(of: "error:")) : text
        OutputSink.writeError(labelled + "\n")
    }

    private func writeSVG(_ view: ImageViewResult, to path: String) throws(ExecutionError) {
        let href = workspace.settings.imagesDirectory.map { "\($0)/\(view.filename)" }
        do {
            try svg(view, imageHref: href).write(toFile: Executor.expandTilde(path), atomically: true, encoding: .utf8)
        } catch {
            throw .output("cannot write \(path): \(error.localizedDescription)")
        }
        print(.message(Message("wrote \(path)")))
    }

    /// `.queryError` when a result reports errors (`check` finding any), after saying so; warnings
    /// alone keep `.ok`.
    private func failedFindings(_ results: [QueryResult]) -> ExitStatus {
        let errors = results.reduce(0) { count, result in
            if case .table(let table) = result { return count + table.errorCount }
            return count
        }
        guard errors > 0 else { return .ok }
        OutputSink.writeError("error: \(errors) error(s) found (exit status \(ExitStatus.queryError.rawValue))\n")
        return .queryError
    }

    /// The exit status a failed statement gives a script (README, "Exit codes").
    static func status(for error: ExecutionError) -> ExitStatus {
        switch error {
        case .assertionFailed: return .assertionFailed
        case .input: return .inputError
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
    private func writeNotice(_ text: String, level: Message.Level = .info) {
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
    private var terminalWidth: Int { TerminalWidth.resolve(environment: environment) { TerminalWidth.query() } }
}

/// Durations as `timing on` prints them.
enum NumberTextShell {
    static func milliseconds(_ ms: Double) -> String {
        ms < 10 ? String(format: "%.2f ms", ms) : String(format: "%.1f ms", ms)
    }
}
