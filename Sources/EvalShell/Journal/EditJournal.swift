import EvalQuery
import Foundation

/// Pending edits written down as they are made, so that a shell that is killed or loses its
/// terminal offers them back on the next start with the same evaluation (`recover`/`discard`).
///
/// One file per evaluation source under `$XDG_STATE_HOME/evalsh/journal/` (else
/// `~/.local/state/evalsh/journal/`), mode 0600, holding the edit statements in order with what
/// each changed and when; they are replayed through the executor on recovery, which gives the
/// same edits since each edit is a function of the state before it. The file is named after the
/// evaluation's source (`JournalIdentity`), not after the name it was loaded under, so that
/// `evalsh out.json` finds the edits made after `load out.json as v2`. Writes are atomic
/// (temporary file, rename); a file that cannot be read is set aside as `.corrupt`, never
/// deleted.
public struct EditJournal: Sendable {
    public let directory: String
    /// The local store `store:` origins name: the same experiment name in another store
    /// (`--store`) is another evaluation, with a journal of its own.
    public let storePath: String?
    /// Values never written to a journal (the Picsellia token): an edit holding one is left out.
    public let secrets: [String]

    public init(directory: String, storePath: String? = nil, secrets: [String] = []) {
        self.directory = directory
        self.storePath = storePath
        self.secrets = secrets.filter { !$0.isEmpty }
    }

    /// The journal folder for an environment, keeping `PICSELLIA_TOKEN` out of its files.
    public static func defaultLocation(environment: [String: String], storePath: String? = nil) -> EditJournal? {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { "\($0)/.local/state" }
        return state.map {
            EditJournal(
                directory: "\($0)/evalsh/journal", storePath: storePath,
                secrets: environment["PICSELLIA_TOKEN"].map { [$0] } ?? [])
        }
    }

    /// The journal file of a source. `slot` tells apart the evaluations of one source loaded at
    /// once in one session (`load gt.json dt.json as big2` beside `big`): the first has slot 0.
    func path(for identity: JournalIdentity, slot: Int = 0) -> String {
        let name = Self.hash("journal 2\n" + identity.key + (slot == 0 ? "" : "\n#\(slot)"))
        return "\(directory)/\(name).json"
    }

    /// Records the edits of an evaluation, the first `earlier` of them left by an earlier
    /// session; an empty list removes the file. Returns how many edits were left out because
    /// they hold a secret.
    @discardableResult
    public func save(
        _ edits: [JournalEntry.Edit], earlier: Int = 0, evaluation: String, identity: JournalIdentity, slot: Int = 0
    ) throws -> Int {
        let file = path(for: identity, slot: slot)
        let holdsSecret = { (edit: JournalEntry.Edit) in
            secrets.contains { edit.statement.contains($0) || edit.effect.contains($0) }
        }
        let kept = edits.filter { !holdsSecret($0) }
        if kept.isEmpty {
            try? FileManager.default.removeItem(atPath: file)
            return edits.count
        }
        let entry = JournalEntry(
            origin: identity.key, sources: identity.sources, evaluation: evaluation, edits: kept,
            earlier: edits.prefix(earlier).filter { !holdsSecret($0) }.count, updated: Date())
        try write(JournalEntry.encoder.encode(entry), to: file)
        return edits.count - kept.count
    }

    /// Writes `data` to `file` through a temporary file renamed over it: a reader (or a shell
    /// started after a `kill -9`) sees the old journal or the new one, never half of one.
    func write(_ data: Data, to file: String) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = file + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, file) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
    }

    /// What a lookup found: the journal (if any) and what to tell the user about files that
    /// could not be read (set aside) or were carried over from the older format.
    public struct Lookup: Sendable {
        public var entry: JournalEntry?
        public var notices: [String] = []
    }

    /// The journal a source left behind, if any. A journal of the older format (keyed by the
    /// source and the evaluation's name) for the same source is taken over: rewritten under the
    /// new name, whatever name it was made under, and its old file removed.
    public func lookup(_ identity: JournalIdentity, slot: Int = 0, origin: EvaluationOrigin? = nil) -> Lookup {
        var lookup = Lookup()
        let file = path(for: identity, slot: slot)
        if FileManager.default.fileExists(atPath: file) {
            switch read(file) {
            case .success(let entry) where entry.origin == identity.key:
                lookup.entry = entry
                return lookup
            case .success: return lookup  // another source's file under the same hash: left alone
            case .failure(let problem):
                lookup.notices.append(setAside(file, problem))
            }
        }
        if let origin { migrateOlderJournal(of: origin, to: identity, slot: slot, into: &lookup) }
        return lookup
    }

    /// Reads a journal file: the current format, or the older one (`JournalEntry.legacy`).
    func read(_ file: String) -> Result<JournalEntry, JournalReadProblem> {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .failure(JournalReadProblem(reason: "cannot be read"))
        }
        return JournalEntry.decode(data)
    }

    /// Renames an unreadable journal to `FILE.corrupt` (`FILE.corrupt-2`, … when taken) and says so.
    func setAside(_ file: String, _ problem: JournalReadProblem) -> String {
        var target = file + ".corrupt"
        var n = 2
        while FileManager.default.fileExists(atPath: target) {
            target = file + ".corrupt-\(n)"
            n += 1
        }
        guard rename(file, target) == 0 else {
            return "the edit journal \(file) \(problem.reason), and could not be set aside (\(String(cString: strerror(errno))))"
        }
        return "the edit journal \(file) \(problem.reason); set aside as \(target)"
    }

    /// FNV-1a over UTF-8: a stable file name, whatever characters the paths hold.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
