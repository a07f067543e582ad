import EvalCore
import EvalQuery
import Foundation

/// What the shell knows of one loaded evaluation's journal: its file (source and slot), the
/// edits an earlier session left and nobody answered yet, this session's own as last written,
/// and how many of the pending edits `recover` brought back (what `discard` then drops).
final class JournalRecord {
    weak var session: EvaluationSession?
    /// The source's key and files, without their digests: what finds the journal.
    let identity: JournalIdentity
    let slot: Int
    /// `identity` with the files' digests, read once: ahead of time on another thread in the
    /// shell (`prepareFingerprints`, while the user types), else when the journal is first
    /// written or an earlier journal's files are compared. A script that makes no edit never
    /// hashes its files (60 MB of predictions: 23 ms).
    private let digests: BuiltOnce<JournalIdentity>
    /// The earlier session's edits, oldest first, until `recover` or `discard`.
    var earlier: [JournalEntry.Edit] = []
    /// The journal those came from, for the offer.
    var found: JournalEntry?
    /// This session's pending edits as the journal holds them, each with when it was made.
    var own: [JournalEntry.Edit] = []
    /// How many pending edits, at the front, `recover` restored (undo and push lower it).
    var restored = 0
    /// Set by `recover`: a script keeps the journal it recovered up to its end.
    var recovered = false
    /// How many edits the journal leaves out because they hold a secret (said when it grows).
    var withheld = 0

    init(session: EvaluationSession, identity: JournalIdentity, slot: Int) {
        self.session = session
        self.identity = identity
        self.slot = slot
        self.digests = BuiltOnce { identity.fingerprinted }
    }

    /// `identity` with its files' digests (read on first use, once).
    var fingerprinted: JournalIdentity { digests.value }

    /// Reads the digests on another thread, so that the first edit does not wait for them.
    func prepareFingerprints() {
        let digests = self.digests
        DispatchQueue.global(qos: .utility).async { _ = digests.value }
    }

    /// The files of the source whose content differs from when the earlier edits were made.
    var changedFiles: [String] {
        guard let found, !found.sources.isEmpty else { return [] }
        return fingerprinted.changedFiles(since: found.sources)
    }

    /// `own` brought in line with the session's pending edits: the edits already written keep
    /// when they were made, new ones are made now, every effect is the session's.
    func ownEdits(of session: EvaluationSession, now: Date = Date()) -> [JournalEntry.Edit] {
        var edits: [JournalEntry.Edit] = []
        var matching = true
        for (i, pending) in session.pending.enumerated() {
            matching = matching && i < own.count && own[i].statement == pending.statement
            edits.append(JournalEntry.Edit(statement: pending.statement, effect: pending.effect, made: matching ? own[i].made : now))
        }
        return edits
    }
}
