import Foundation

/// Decides whether, and as what, a statement is remembered in history.
public struct HistoryPolicy: Sendable {
    /// Turns a statement into the text to remember, or nil to keep it out of history
    /// entirely (memory and file). The REPL uses it for statements carrying secrets.
    public var redact: @Sendable (String) -> String?
    /// Whether statements typed with a leading space are left out (as in bash's
    /// `HISTCONTROL=ignorespace`).
    public var skipsLinesStartingWithSpace: Bool

    public init(
        skipsLinesStartingWithSpace: Bool = true,
        redact: @escaping @Sendable (String) -> String? = HistoryPolicy.dropLinesWithSecrets
    ) {
        self.skipsLinesStartingWithSpace = skipsLinesStartingWithSpace
        self.redact = redact
    }

    /// The entry to record for `statement` given the most recent entry, or nil to record
    /// nothing: blank statements, statements starting with a space (when enabled), redacted
    /// statements and repeats of the previous entry are skipped.
    public func entry(for statement: String, previous: String?) -> String? {
        if statement.allSatisfy(\.isWhitespace) { return nil }
        if skipsLinesStartingWithSpace, statement.first == " " { return nil }
        guard let entry = redact(statement), !entry.allSatisfy(\.isWhitespace) else { return nil }
        return entry == previous ? nil : entry
    }

    /// Keeps out of history any statement that assigns a credential: a word such as
    /// `token`, `api_key`, `apikey`, `password` or `secret` directly followed by `=` or `:`
    /// (case-insensitive), e.g. `push picsellia token=…`.
    public static let dropLinesWithSecrets: @Sendable (String) -> String? = { statement in
        containsSecretAssignment(statement) ? nil : statement
    }

    static let secretKeys = ["token", "api_key", "api-key", "apikey", "password", "passwd", "secret"]

    static func containsSecretAssignment(_ statement: String) -> Bool {
        let lowered = statement.lowercased()
        return secretKeys.contains { key in
            var searchStart = lowered.startIndex
            while let range = lowered.range(of: key, range: searchStart..<lowered.endIndex) {
                let rest = lowered[range.upperBound...].drop { $0 == " " }
                if rest.first == "=" || rest.first == ":" { return true }
                searchStart = range.upperBound
            }
            return false
        }
    }
}
