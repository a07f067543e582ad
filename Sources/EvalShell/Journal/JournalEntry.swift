import Foundation

/// What a journal file holds: the source it belongs to, the fingerprints of its files when the
/// edits were made, and the edits in the order they replay.
public struct JournalEntry: Codable, Equatable, Sendable {
    /// One journaled edit: the statement as typed, what it changed then, and when it was made.
    public struct Edit: Codable, Equatable, Sendable {
        public var statement: String
        public var effect: String
        public var made: Date

        public init(statement: String, effect: String, made: Date) {
            self.statement = statement
            self.effect = effect
            self.made = made
        }
    }

    /// 2; a file without it is of the older format, keyed by the evaluation's name too.
    public var format: Int = 2
    /// `JournalIdentity.key` of the source.
    public var origin: String
    public var sources: [JournalIdentity.Source]
    /// The name the evaluation had in the session that made the edits (shown, not matched).
    public var evaluation: String
    public var edits: [Edit]
    /// How many of `edits`, at the front, an earlier session left and nobody has recovered or
    /// discarded yet: kept when a new session edits before answering.
    public var earlier: Int
    public var updated: Date

    public init(
        origin: String, sources: [JournalIdentity.Source], evaluation: String, edits: [Edit], earlier: Int = 0,
        updated: Date
    ) {
        self.origin = origin
        self.sources = sources
        self.evaluation = evaluation
        self.edits = edits
        self.earlier = earlier
        self.updated = updated
    }

    public var statements: [String] { edits.map(\.statement) }

    /// The file of the older format: statements only, keyed by source description and name.
    struct Legacy: Decodable {
        var origin: String
        var evaluation: String
        var statements: [String]
        var updated: Date
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }

    /// A journal of either format; the older one comes back as `legacy`, its edits with no
    /// recorded effect and made at its last update.
    static func decode(_ data: Data) -> Result<JournalEntry, JournalReadProblem> {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let format: Int?
        do {
            format = try decoder.decode(FormatProbe.self, from: data).format
        } catch {
            return .failure(JournalReadProblem(error))
        }
        do {
            if format == 2 { return .success(try decoder.decode(JournalEntry.self, from: data)) }
            if let format { return .failure(JournalReadProblem(reason: "is of an unknown format (\(format))")) }
            let old = try decoder.decode(Legacy.self, from: data)
            var entry = JournalEntry(
                origin: old.origin, sources: [], evaluation: old.evaluation,
                edits: old.statements.map { Edit(statement: $0, effect: "", made: old.updated) }, updated: old.updated)
            entry.format = 1
            return .success(entry)
        } catch {
            return .failure(JournalReadProblem(error))
        }
    }

    private struct FormatProbe: Decodable { var format: Int? }
}

/// Why a journal file could not be read, with the JSON path of the bad value when there is one.
public struct JournalReadProblem: Error, Sendable {
    public var reason: String

    init(reason: String) { self.reason = reason }

    init(_ error: any Error) {
        guard let error = error as? DecodingError else {
            reason = "is not a journal (\(error.localizedDescription))"
            return
        }
        func jsonPath(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "$" : "$" + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            reason = "is not valid JSON"
        case .dataCorrupted(let context):
            reason = "holds a bad value at \(jsonPath(context.codingPath)) (\(context.debugDescription))"
        case .keyNotFound(let key, let context):
            reason = "lacks \(jsonPath(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            reason = "holds a bad value at \(jsonPath(context.codingPath)) (\(context.debugDescription))"
        @unknown default:
            reason = "is not a journal"
        }
    }
}
