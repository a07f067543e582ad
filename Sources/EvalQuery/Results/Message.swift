/// A line of information with its level. A statement's warnings are `Diagnostic`s, which know
/// their place in it; the shell's own notices (unpushed edits at exit) are warning messages.
public struct Message: Equatable, Sendable {
    public enum Level: Sendable { case info, warning, note }
    public var level: Level
    public var text: String

    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }
}

extension Message {
    /// A diagnostic as a line without its place, for output that has no source to point into
    /// (JSON, CSV, a view rendered on its own). An error's level is a warning's.
    public init(_ diagnostic: Diagnostic) {
        self.init(diagnostic.message, level: diagnostic.severity == .note ? .note : .warning)
    }
}
