import EvalRender
import EvalQuery
import Foundation

extension ShellSession {
    /// After a load: says when an earlier session left unpushed edits for this evaluation.
    func noteJournal() {
        guard interactive, let journal, let session = workspace.current, session.pending.isEmpty,
            let entry = journal.entry(for: session.origin, evaluation: session.name)
        else { return }
        print(.message(Message(
            "\(entry.statements.count) unpushed edit(s) of \(session.name) from an earlier session "
                + "(\(DateText.local(entry.updated))): 'recover' restores them, 'discard' drops them",
            level: .note)))
    }

    /// Writes the journal of every evaluation whose pending edits changed. Edits an earlier
    /// session left and that were neither recovered nor discarded stay at the front of the
    /// journal, so editing before answering the offer loses nothing.
    func syncJournal() {
        guard let journal else { return }
        for session in workspace.evaluations {
            let statements = session.pending.map(\.statement)
            let key = ObjectIdentifier(session)
            // Every mode journals (stdin, `-f`, `-c` as the shell): a script killed midway
            // leaves its edits for `recover` (`closeScriptJournal` takes them back at its end).
            guard journaled[key] != statements else { continue }
            if statements.isEmpty, journaled[key] == nil { continue }
            let earlier = earlierStatements(session)
            do {
                try journal.save(earlier + statements, earlier: earlier.count, evaluation: session.name, origin: session.origin)
                journaled[key] = statements
            } catch {
                OutputSink.writeError("warning: cannot write the edit journal in \(journal.directory): \(error.localizedDescription)\n")
            }
        }
    }

    /// At the normal end of a script (`-c`, `-f`, standard input): its own edits leave the
    /// journal, which goes back to what earlier sessions left. A script's edits are journaled
    /// while it runs, so that a script killed midway loses none; one that ends has said which
    /// edits it leaves unpushed, and runs repeated in CI do not pile their edits up.
    func closeScriptJournal() {
        guard !interactive, let journal else { return }
        for session in workspace.evaluations where journaled[ObjectIdentifier(session)] != nil {
            // A recovered journal stays until a push clears it (the edits came from it).
            if recoveredJournals.contains(ObjectIdentifier(session)) { continue }
            let earlier = earlierStatements(session)
            try? journal.save(earlier, earlier: earlier.count, evaluation: session.name, origin: session.origin)
            journaled[ObjectIdentifier(session)] = nil
        }
    }

    /// The journaled statements of an earlier session for `session`: the whole journal until
    /// this session writes it, then the part it carried over.
    private func earlierStatements(_ session: EvaluationSession) -> [String] {
        guard let entry = journal?.entry(for: session.origin, evaluation: session.name) else { return [] }
        return journaled[ObjectIdentifier(session)] == nil ? entry.statements : Array(entry.statements.prefix(entry.earlier))
    }

    /// `recover`: the edits an earlier session journaled, replayed before this session's own
    /// pending edits (which are taken back and replayed after them).
    public func recover() throws(ExecutionError) -> [QueryResult] {
        guard let session = workspace.current else { throw .unavailable("no evaluation is loaded", help: nil) }
        let earlier = earlierStatements(session)
        guard let journal, !earlier.isEmpty else {
            throw .unavailable("no journaled edits for \(session.name)", help: nil)
        }
        let own = session.pending.map(\.statement)
        _ = session.reset()
        var restored = 0
        var skipped: [Message] = []
        for (i, statement) in (earlier + own).enumerated() {
            // An edit that no longer parses or applies (a renamed class, a grammar that moved
            // on) is named, not silently dropped; the others are replayed in order.
            let parsed = Parser.parse(statement)
            if let diagnostic = parsed.diagnostics.first {
                skipped.append(Self.notReplayed(statement, because: diagnostic.message))
                continue
            }
            for node in parsed.statements {
                do throws(ExecutionError) {
                    _ = try executor.execute(node)
                    if i < earlier.count { restored += 1 }
                } catch {
                    skipped.append(Self.notReplayed(statement, because: error.message))
                }
            }
        }
        let statements = session.pending.map(\.statement)
        try? journal.save(statements, evaluation: session.name, origin: session.origin)
        journaled[ObjectIdentifier(session)] = statements
        recoveredJournals.insert(ObjectIdentifier(session))
        return [.message(Message("recovered \(restored) edit(s) of \(session.name); 'pending' lists them"))] + skipped.map { .message($0) }
    }

    /// `discard`: drops the edits an earlier session journaled; this session's own stay.
    public func discard() throws(ExecutionError) -> [QueryResult] {
        guard let session = workspace.current else { throw .unavailable("no evaluation is loaded", help: nil) }
        let earlier = earlierStatements(session)
        guard let journal, !earlier.isEmpty else {
            throw .unavailable("no journaled edits for \(session.name)", help: nil)
        }
        let statements = session.pending.map(\.statement)
        try? journal.save(statements, evaluation: session.name, origin: session.origin)
        journaled[ObjectIdentifier(session)] = statements
        return [.message(Message("discarded the \(earlier.count) journaled edit(s) of \(session.name)"))]
    }

    private static func notReplayed(_ statement: String, because reason: String) -> Message {
        Message("could not replay '\(statement)': \(reason)", level: .warning)
    }
}
