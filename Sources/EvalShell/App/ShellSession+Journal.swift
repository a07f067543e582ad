import EvalRender
import EvalQuery
import Foundation

extension ShellSession {
    /// The journal record of an evaluation, made on first use: its identity (the files'
    /// fingerprints read then), the lowest slot no other loaded evaluation of the same source
    /// holds, and what an earlier session left in that journal.
    func journalRecord(for session: EvaluationSession) -> JournalRecord? {
        guard let journal else { return nil }
        if let record = journalRecords[ObjectIdentifier(session)], record.session === session { return record }
        let store = executor.store
        let identity = JournalIdentity.of(session.origin, storePath: journal.storePath, storeVersion: { name in
            (try? store?.log(name: name))?.versions.map(\.number).max()
        }, fingerprints: false)
        let live = workspace.evaluations.map(ObjectIdentifier.init)
        let taken = Set(
            journalRecords.filter { live.contains($0.key) && $0.value.session != nil && $0.value.identity.key == identity.key }
                .map(\.value.slot))
        let record = JournalRecord(session: session, identity: identity, slot: (0...).first { !taken.contains($0) }!)
        let lookup = journal.lookup(identity, slot: record.slot, origin: session.origin)
        for notice in lookup.notices { writeNotice(notice, level: .warning) }
        if let entry = lookup.entry {
            record.found = entry
            record.earlier = entry.edits
        }
        journalRecords[ObjectIdentifier(session)] = record
        return record
    }

    /// After a load or pull: in the shell, offers what an earlier session left for this source,
    /// under whatever name: the edits as `pending` shows them, when they were made, whether the
    /// files changed since, and the statements that answer.
    func noteJournal(_ session: EvaluationSession) {
        guard let record = journalRecord(for: session), interactive, session.pending.isEmpty, !record.earlier.isEmpty,
            let entry = record.found
        else { return }
        let madeAs = entry.evaluation.lowercased() == session.name.lowercased() ? "" : "made as \(entry.evaluation), "
        print(.message(Message(
            "\(record.earlier.count) unpushed edit(s) of \(session.name) from an earlier session "
                + "(\(madeAs)last \(DateText.local(entry.updated))): 'recover' restores them, 'discard' drops them",
            level: .note)))
        let changed = record.changedFiles
        if !changed.isEmpty {
            print(.message(Message(
                "\(changed.joined(separator: ", ")) changed since these edits were made; some may not apply "
                    + "('recover' names those it cannot replay)",
                level: .warning)))
        } else if entry.sources.isEmpty && !record.identity.sources.isEmpty {
            // A journal taken over from an older evalsh: it has no fingerprints to compare.
            print(.message(Message(
                "journaled by an older evalsh, which did not record the files' content: they may have changed since",
                level: .note)))
        }
        print(.table(ResultTable(
            columns: ["#", "statement", "effect", "made"],
            rows: record.earlier.enumerated().map { i, edit in
                [.int(i + 1), .string(edit.statement), .string(edit.effect.isEmpty ? "(not recorded)" : edit.effect),
                 .string(DateText.local(edit.made))]
            })))
    }

    /// Writes the journal of every evaluation whose pending edits changed. Edits an earlier
    /// session left and that were neither recovered nor discarded stay at the front of the
    /// journal, so editing before answering the offer loses nothing.
    func syncJournal() {
        guard let journal else { return }
        for session in workspace.evaluations {
            // Every mode journals (stdin, `-f`, `-c` as the shell): a script killed midway
            // leaves its edits for `recover` (`closeScriptJournal` takes them back at its end).
            let known = journalRecords[ObjectIdentifier(session)].flatMap { $0.session === session ? $0 : nil }
            guard let record = known ?? (session.pending.isEmpty ? nil : journalRecord(for: session)) else { continue }
            record.restored = min(record.restored, session.pending.count)
            guard session.pending.map(\.statement) != record.own.map(\.statement) else { continue }
            let own = record.ownEdits(of: session)
            do {
                let withheld = try journal.save(
                    record.earlier + own, earlier: record.earlier.count, evaluation: session.name,
                    identity: record.fingerprinted, slot: record.slot)
                record.own = own
                if withheld > record.withheld {
                    writeNotice(
                        "an edit of \(session.name) holds the value of PICSELLIA_TOKEN: it is kept out of the edit journal "
                            + "(a crash would lose it)", level: .warning)
                }
                record.withheld = withheld
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
        for session in workspace.evaluations {
            guard let record = journalRecords[ObjectIdentifier(session)], record.session === session, !record.own.isEmpty,
                // A recovered journal stays until a push clears it (the edits came from it).
                !record.recovered
            else { continue }
            try? journal.save(
                record.earlier, earlier: record.earlier.count, evaluation: session.name, identity: record.fingerprinted,
                slot: record.slot)
            record.own = []
        }
    }
}
