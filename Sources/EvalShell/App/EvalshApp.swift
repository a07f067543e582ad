import EvalCore
import EvalQuery
import EvalStore
import Foundation

/// The whole program behind the thin `evalsh` executable: loads what the command line names,
/// then runs `-c`, `-f`, standard input, or the interactive shell. Returns the exit status.
public struct EvalshApp {
    let options: LaunchOptions
    let environment: [String: String]

    public init(options: LaunchOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
    }

    public func run() -> ExitStatus {
        setlocale(LC_ALL, "")
        let scripted = options.command != nil || options.scriptPath != nil
        let interactive = !scripted && TerminalDevice.standardInputIsTerminal
        let router = TargetRouter(localStoreURL: options.storePath.map { URL(fileURLWithPath: $0) }, environment: environment)
        let executor = Executor(store: StoreAdapter(router: router))
        let session = ShellSession(
            executor: executor, environment: environment, interactive: interactive,
            // Scripts read the journal (`recover` in `-c`) but only the shell writes it.
            journal: EditJournal.defaultLocation(environment: environment, storePath: router.localStoreURL.path))
        if let format = options.format { executor.workspace.settings.format = format }
        if let color = options.color { executor.workspace.settings.color = color }

        if interactive {
            print("evalsh \(EvalshVersion.current): type 'help' for the statements, 'quit' or Ctrl-D to leave")
        }
        let startup = startupStatements(interactiveStart: !scripted)
        if !startup.isEmpty {
            session.quiet = !interactive
            // In the shell, Ctrl-C during the first load cancels that load and keeps the session.
            let status = interactive
                ? InterruptFlag.whileCatchingInterrupts { session.run(startup, fileName: "<command line>", stopOnError: true) }
                : session.run(startup, fileName: "<command line>", stopOnError: true)
            InterruptFlag.reset()
            session.quiet = false
            if status != .ok, !(interactive && status == .interrupted) { return status }
            if options.files.first == "compare", executor.workspace.comparison == nil {
                executor.workspace.comparison = ("A", "B")
            }
        }
        // After the files, so that it may use them (as sqlite3 reads ~/.sqliterc once the database is open).
        if interactive, !options.skipInit, let (path, text) = initFile() {
            _ = session.run(text, fileName: path, stopOnError: false)
        }
        if let command = options.command {
            return finish(session, session.run(command, fileName: "-c", stopOnError: true))
        }
        if let path = options.scriptPath {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                FileHandle.standardError.write(Data("evalsh: cannot read \(path)\n".utf8))
                return .inputError
            }
            return finish(session, session.run(text, fileName: path, stopOnError: true))
        }
        if !interactive {
            switch StandardInputScript.read() {
            case .success(let text): return finish(session, session.run(text, fileName: "<stdin>", stopOnError: true))
            case .failure(let refused):
                FileHandle.standardError.write(Data("\(refused)\n".utf8))
                return .queryError
            }
        }
        return repl(session)
    }

    private func finish(_ session: ShellSession, _ status: ExitStatus) -> ExitStatus {
        session.warnUnsaved()
        return status
    }

    private func repl(_ session: ShellSession) -> ExitStatus {
        let history: HistoryFile? = try? HistoryFile.defaultLocation(environment: environment)
        let token = environment["PICSELLIA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let policy = HistoryPolicy(redact: { line in
            guard let token, line.contains(token) else { return line }
            return nil
        })
        let editor = LineEditor(historyFile: history, policy: policy)
        session.editor = editor
        if let problem = editor.historyError {
            FileHandle.standardError.write(Data("warning: history is not saved: \(problem)\n".utf8))
        }
        runREPL(host: InteractiveShell(session: session), editor: editor)
        return .ok
    }

    /// The statements the command line implies: loading its files, and a comparison.
    func startupStatements(interactiveStart: Bool = true) -> String {
        var files = options.files
        guard !files.isEmpty else { return "" }
        if files.first == "compare" {
            files.removeFirst()
            guard files.count == 2 else { return "compare" }
            let names = ["A", "B"]
            var lines: [String] = []
            for (side, name) in zip(files, names) {
                if side.hasPrefix("store:") || side.hasPrefix("picsellia:") {
                    lines.append("pull \(Self.quote(side)) as \(name)")
                } else {
                    lines.append("load \(side.split(separator: ",").map { Self.quote(String($0)) }.joined(separator: " ")) as \(name)")
                }
            }
            // In the shell and from standard input the comparison is shown at once; `-f` and `-c`
            // have A and B paired (for `delta.`, `A.`, `B.`) and show what they ask for.
            let compare = interactiveStart ? ["compare A B"] : []
            return (lines + compare).joined(separator: "\n")
        }
        return "load " + files.map(Self.quote).joined(separator: " ")
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `$XDG_CONFIG_HOME/evalsh/init.evq`, else `~/.evalshrc`.
    private func initFile() -> (String, String)? {
        var candidates: [String] = []
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { candidates.append("\(config)/evalsh/init.evq") }
        if let home = environment["HOME"] {
            candidates.append("\(home)/.config/evalsh/init.evq")
            candidates.append("\(home)/.evalshrc")
        }
        for path in candidates {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) { return (path, text) }
        }
        return nil
    }
}

/// evalsh's version, shown in the banner and by `--version`.
public enum EvalshVersion {
    public static let current = "0.1.0"
}
