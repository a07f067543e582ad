import EvalQuery
import Foundation

/// `edit` (psql's `\e`): the last statement in the user's editor, then what was saved runs.
extension ShellSession {
    public func edit() throws(ExecutionError) -> [QueryResult] {
        guard interactive, let editor else {
            throw .unavailable(
                "'edit' works at the interactive prompt only: a script cannot open an editor",
                help: "write the statements in the script itself")
        }
        let command = EditorProcess.command(environment: environment)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-edit-\(UUID().uuidString).evq")
        defer { try? FileManager.default.removeItem(at: file) }
        let last = Self.lastStatement(in: editor.history)
        do { try Data((last.map { $0 + "\n" } ?? "").utf8).write(to: file, options: .atomic) } catch {
            throw .output(OutputError(path: file.path, reason: .other(error.localizedDescription)), at: nil)
        }
        let editing = DispatchTime.now()
        let outcome = EditorProcess.run(command, path: file.path)
        waitNanoseconds += DispatchTime.now().uptimeNanoseconds - editing.uptimeNanoseconds
        switch outcome {
        case .failure(let failure):
            throw .unavailable("cannot run the editor '\(command)': \(failure.message)", help: "set VISUAL or EDITOR to an editor command")
        case .success(let status) where status == 126 || status == 127:
            throw .unavailable("the editor '\(command)' was not found or cannot run (status \(status)): nothing was run",
                               help: "set VISUAL or EDITOR to an editor command")
        case .success(let status) where status != 0:
            return [.message(Message("the editor exited with status \(status): nothing was run", level: .warning))]
        case .success:
            break
        }
        let text: String
        switch ScriptFile.read(file.path) {
        case .success(let read): text = read
        case .failure(let error): throw .input(.unreadable(file: file.path, reason: error.reason), at: nil)
        }
        var statements = text
        while statements.last?.isNewline == true { statements.removeLast() }
        guard !statements.allSatisfy(\.isWhitespace) else {
            return [.message(Message("the file was left empty: nothing was run"))]
        }
        editor.record(statements)
        // Run as if typed at the prompt: each statement's results and errors.
        run(statements, fileName: nil, stopOnError: false)
        return []
    }

    /// The newest history entry other than `edit` itself.
    static func lastStatement(in history: [String]) -> String? {
        history.last { entry in
            let word = entry.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ";"))).lowercased()
            return word != "edit"
        }
    }
}
