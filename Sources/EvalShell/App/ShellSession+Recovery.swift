import EvalQuery
import Foundation

extension ShellSession {
    /// `recover`: the edits an earlier session journaled, replayed before this session's own
    /// pending edits (which are taken back and replayed after them). Each becomes one pending
    /// edit, so `undo` takes them back one by one and `discard` drops them all.
    public func recover() throws(ExecutionError) -> [QueryResult] {
        let (session, record) = try answerable()
        guard let journal, !record.earlier.isEmpty else {
            throw .unavailable("no journaled edits for \(session.name)", help: nil)
        }
        let earlier = record.earlier
        let (edits, skipped, fromEarlier) = replay(earlier + record.ownEdits(of: session), on: session, counting: earlier.count)
        record.earlier = []
        record.restored = fromEarlier
        record.recovered = true
        save(edits, of: session, record, in: journal)
        let hint = fromEarlier == 0 ? "" : "; 'pending' lists them, 'undo' takes back the last, 'discard' drops them"
        return [.message(Message("recovered \(fromEarlier) edit(s) of \(session.name)\(hint)"))] + skipped.map { .message($0) }
    }

    /// `discard`: drops the edits an earlier session journaled when they were not recovered,
    /// else the ones `recover` restored (those still pending); this session's own stay.
    public func discard() throws(ExecutionError) -> [QueryResult] {
        let (session, record) = try answerable()
        guard let journal else { throw .unavailable("no journaled edits for \(session.name)", help: nil) }
        if !record.earlier.isEmpty {
            let count = record.earlier.count
            record.earlier = []
            save(record.ownEdits(of: session), of: session, record, in: journal)
            return [.message(Message("discarded the \(count) journaled edit(s) of \(session.name)"))]
        }
        let count = min(record.restored, session.pending.count)
        guard count > 0 else { throw .unavailable("no journaled edits for \(session.name)", help: nil) }
        let own = Array(record.ownEdits(of: session).dropFirst(count))
        let (edits, skipped, _) = replay(own, on: session, counting: 0)
        record.restored = 0
        record.recovered = false
        save(edits, of: session, record, in: journal)
        return [.message(Message("discarded the \(count) recovered edit(s) of \(session.name) (\(edits.count) pending)"))]
            + skipped.map { .message($0) }
    }

    private func answerable() throws(ExecutionError) -> (EvaluationSession, JournalRecord) {
        guard let session = workspace.current else { throw .unavailable("no evaluation is loaded", help: nil) }
        guard let record = journalRecord(for: session) else {
            throw .unavailable("no journaled edits for \(session.name) (no journal folder: HOME is not set)", help: nil)
        }
        return (session, record)
    }

    /// Takes back every pending edit of `session`, then runs `edits` through the executor in
    /// order. Returns the edits that applied (with their new effects, made when they first
    /// were), messages naming those that did not, and how many of the first `counting` applied.
    private func replay(_ edits: [JournalEntry.Edit], on session: EvaluationSession, counting: Int)
        -> (applied: [JournalEntry.Edit], skipped: [Message], counted: Int)
    {
        _ = session.reset()
        var applied: [JournalEntry.Edit] = []
        var skipped: [Message] = []
        var counted = 0
        for (i, edit) in edits.enumerated() {
            // An edit that no longer parses or applies (a renamed class, a grammar that moved
            // on, a file rewritten since) is named, not silently dropped; the others replay in order.
            let parsed = Parser.parse(edit.statement)
            if let diagnostic = parsed.diagnostics.first {
                skipped.append(Self.notReplayed(edit.statement, because: diagnostic.message))
                continue
            }
            for node in parsed.statements {
                let before = session.pending.count
                do throws(ExecutionError) {
                    _ = try executor.execute(node)
                    guard session.pending.count > before, let made = session.pending.last else { continue }
                    applied.append(JournalEntry.Edit(statement: made.statement, effect: made.effect, made: edit.made))
                    if i < counting { counted += 1 }
                } catch {
                    skipped.append(Self.notReplayed(edit.statement, because: error.message))
                }
            }
        }
        return (applied, skipped, counted)
    }

    private func save(_ edits: [JournalEntry.Edit], of session: EvaluationSession, _ record: JournalRecord, in journal: EditJournal) {
        do {
            try journal.save(edits, evaluation: session.name, identity: record.fingerprinted, slot: record.slot)
        } catch {
            writeNotice("cannot write the edit journal in \(journal.directory): \(error.localizedDescription)", level: .warning)
        }
        record.own = edits
    }

    private static func notReplayed(_ statement: String, because reason: String) -> Message {
        Message("could not replay '\(statement)': \(reason)", level: .warning)
    }
}
