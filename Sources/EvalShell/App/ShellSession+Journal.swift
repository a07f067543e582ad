import EvalQuery
import Foundation

extension ShellSession {
    /// After a load: says when an earlier session left unpushed edits for this evaluation.
    func noteJournal() {
        guard let journal, let session = workspace.current, session.pending.isEmpty,
            let entry = journal.entry(for: session.origin)
        else { return }
        print(.message(Message(
            "\(entry.statements.count) unpushed edit(s) of \(session.name) from an earlier session "
                + "(\(entry.updated.formatted(date: .abbreviated, time: .shortened))): 'recover' restores them, 'discard' drops them",
            level: .note)))
    }

    /// Writes the journal of every evaluation whose pending edits changed.
    func syncJournal() {
        guard let journal, interactive else { return }
        for session in workspace.evaluations {
            let statements = session.pending.map(\.statement)
            let key = ObjectIdentifier(session)
            guard journaled[key] != statements else { continue }
            if statements.isEmpty, journaled[key] == nil { continue }
            do {
                try journal.save(statements, evaluation: session.name, origin: session.origin)
                journaled[key] = statements
            } catch {
                OutputSink.writeError("warning: cannot write the edit journal in \(journal.directory): \(error.localizedDescription)\n")
            }
        }
    }

    /// `recover`: replays the journaled edits of the current evaluation.
    func recover() throws(ExecutionError) -> [QueryResult] {
        guard let session = workspace.current else { throw .unavailable("no evaluation is loaded", help: nil) }
        guard let journal, let entry = journal.entry(for: session.origin) else {
            throw .unavailable("no journaled edits for \(session.name)", help: nil)
        }
        var restored = 0
        for statement in entry.statements {
            let parsed = Parser.parse(statement)
            guard parsed.diagnostics.isEmpty else { continue }
            for node in parsed.statements {
                _ = try executor.execute(node)
                restored += 1
            }
        }
        syncJournal()
        return [.message(Message("recovered \(restored) edit(s) of \(session.name); 'pending' lists them"))]
    }

    /// `discard`: drops the journaled edits of the current evaluation.
    func discard() throws(ExecutionError) -> [QueryResult] {
        guard let session = workspace.current else { throw .unavailable("no evaluation is loaded", help: nil) }
        guard let journal, journal.entry(for: session.origin) != nil else {
            throw .unavailable("no journaled edits for \(session.name)", help: nil)
        }
        journal.remove(for: session.origin)
        return [.message(Message("discarded the journaled edits of \(session.name)"))]
    }
}
