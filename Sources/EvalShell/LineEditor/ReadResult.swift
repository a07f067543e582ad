/// What one call to `LineEditor.readLine(prompt:)` produced.
public enum ReadResult: Equatable, Sendable {
    /// The user pressed Enter; the text has no trailing newline.
    case line(String)
    /// Ctrl-D on an empty line, or the input ended.
    case eof
    /// Ctrl-C: the line being typed was abandoned.
    case interrupted
}
