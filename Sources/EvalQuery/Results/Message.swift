/// A message with its level; warnings and errors go to stderr in scripts.
public struct Message: Equatable, Sendable {
    public enum Level: Sendable { case info, warning, note }
    public var level: Level
    public var text: String

    public init(_ text: String, level: Level = .info) {
        self.text = text
        self.level = level
    }
}
