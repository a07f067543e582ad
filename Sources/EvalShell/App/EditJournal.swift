import EvalQuery
import Foundation

/// Pending edits written down as they are made, so that a shell that is killed or loses its
/// terminal offers them back on the next start with the same evaluation (`recover`/`discard`).
///
/// One file per evaluation origin under `$XDG_STATE_HOME/evalsh/journal/` (else
/// `~/.local/state/evalsh/journal/`), mode 0600, holding the edit statements in order; they are
/// replayed through the executor on recovery, which gives the same edits since each edit is a
/// function of the state before it. Writes are atomic (temporary file, rename).
public struct EditJournal: Sendable {
    public let directory: String
    /// The local store `store:` origins name: the same experiment name in another store
    /// (`--store`) is another evaluation, with a journal of its own.
    public let storePath: String?

    public init(directory: String, storePath: String? = nil) {
        self.directory = directory
        self.storePath = storePath
    }

    /// The journal folder for an environment.
    public static func defaultLocation(environment: [String: String], storePath: String? = nil) -> EditJournal? {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { "\($0)/.local/state" }
        return state.map { EditJournal(directory: "\($0)/evalsh/journal", storePath: storePath) }
    }

    /// What a journal file holds.
    public struct Entry: Codable, Equatable, Sendable {
        public var origin: String
        public var evaluation: String
        /// Every journaled edit statement, in the order they replay.
        public var statements: [String]
        /// How many of `statements`, at the front, an earlier session left and nobody has
        /// recovered or discarded yet: kept when a new session edits before answering.
        public var earlier: Int
        public var updated: Date

        public init(origin: String, evaluation: String, statements: [String], earlier: Int = 0, updated: Date) {
            self.origin = origin
            self.evaluation = evaluation
            self.statements = statements
            self.earlier = earlier
            self.updated = updated
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            origin = try container.decode(String.self, forKey: .origin)
            evaluation = try container.decode(String.self, forKey: .evaluation)
            statements = try container.decode([String].self, forKey: .statements)
            earlier = try container.decodeIfPresent(Int.self, forKey: .earlier) ?? 0
            updated = try container.decode(Date.self, forKey: .updated)
        }
    }

    /// What identifies an origin's journal: its description with every file path made absolute,
    /// so that the same files opened from another folder find their journal, and files of the
    /// same name in another folder do not.
    func key(for origin: EvaluationOrigin, workingDirectory: String = FileManager.default.currentDirectoryPath)
        -> String
    {
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
                .standardizedFileURL.path
        }
        switch origin {
        case .files(let paths): return EvaluationOrigin.files(paths.map(absolute)).description
        case .payloadFile(let path, _): return EvaluationOrigin.payloadFile(absolute(path)).description
        case .target(let target) where target.hasPrefix("store:"):
            return origin.description + (storePath.map { " in \(absolute($0))" } ?? "")
        case .target(let target) where target.hasPrefix("picsellia:"):
            return origin.description
        case .target(let path): return EvaluationOrigin.target(absolute(path)).description
        }
    }

    /// The journal file of an evaluation: its origin and its name, so that the same files
    /// loaded twice under two names (`load gt.json dt.json as big2`) have a journal each.
    func path(for origin: EvaluationOrigin, evaluation: String) -> String {
        // FNV-1a: a stable file name, whatever characters the paths and the name hold.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (key(for: origin) + "\n" + evaluation.lowercased()).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "\(directory)/\(String(hash, radix: 16)).json"
    }

    /// Records the edit statements of an evaluation, the first `earlier` of them left by an
    /// earlier session; an empty list removes the file.
    public func save(_ statements: [String], earlier: Int = 0, evaluation: String, origin: EvaluationOrigin) throws {
        let file = path(for: origin, evaluation: evaluation)
        if statements.isEmpty {
            try? FileManager.default.removeItem(atPath: file)
            return
        }
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let entry = Entry(
            origin: key(for: origin), evaluation: evaluation, statements: statements, earlier: earlier, updated: Date())
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(entry)
        let temporary = file + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        guard rename(temporary, file) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file])
        }
    }

    /// The journal of an origin, if one was left behind.
    public func entry(for origin: EvaluationOrigin, evaluation: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(for: origin, evaluation: evaluation)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let entry = try? decoder.decode(Entry.self, from: data), entry.origin == key(for: origin),
            entry.evaluation.lowercased() == evaluation.lowercased()
        else { return nil }
        return entry
    }
}
