/// What kind of word Tab should complete at the cursor, and the part of it already typed.
public struct CompletionContext: Equatable, Sendable {
    public var kind: CompletionKind
    /// The typed part of the word being completed (without an opening quote).
    public var prefix: String
    /// The character offset in the line where `prefix` starts: the completion replaces
    /// `prefixStart ..< cursor`.
    public var prefixStart: Int
    /// What closes the word once a single candidate is chosen: `]` for a class inside `FN[…`.
    public var closing: String?

    public init(kind: CompletionKind, prefix: String, prefixStart: Int, closing: String? = nil) {
        self.kind = kind
        self.prefix = prefix
        self.prefixStart = prefixStart
        self.closing = closing
    }
}

/// The candidates Tab should offer; the shell fills the names from the workspace.
public enum CompletionKind: Equatable, Sendable {
    /// A statement keyword.
    case statement
    /// A class of the current evaluation (after `has`, `predicted`, `FN[`, `FN.`, `rename`, `pr`).
    case className
    /// A row or column of the confusion matrix after `cell`: a class, or `none` for the
    /// background. Only there: elsewhere `none` is no class, and Tab offers only what parses.
    case matrixClass
    /// An image filename (after `show`, `exclude`, `include`).
    case filename
    /// A field of an image predicate or sort key (`FN`, `objects`, `filename`, …).
    case field
    /// A named value of an assertion (`AP50`, `recall`, `FN`, …).
    case metricName
    /// An entry of the current evaluation's metrics, or `iou`/`confidence` (`metric NAME=`,
    /// `unset metric NAME`); with `both` when `allowsTarget` (the first word of `metric`).
    case metricEntry(allowsTarget: Bool)
    /// A file system path.
    case path
    /// A loaded evaluation's name.
    case evaluationName
    /// A push or pull target (`store:`, `picsellia:`).
    case target
    /// One of these words.
    case keywords([String])
    /// Nothing to offer (a number, free text).
    case none
}

/// The completion context of `line` with the cursor at character offset `cursor`.
public func completionContext(line: String, cursor: Int) -> CompletionContext {
    CompletionAnalyzer(line: line, cursor: cursor).context()
}
