/// The word that opens each statement; drives parsing, `help`, completion and the
/// "did you mean" of an unknown statement.
public enum StatementKeyword: String, Hashable, Sendable, CaseIterable {
    case load, evals, use, drop
    case summary, classes, metrics, matrix, images, payload, check, cell, `where`, show, split, pr
    case boxes, errors, sweep
    case metric, unset, assert
    case exclude, include, rename, pending, undo, reset, recover, discard
    case push, pull, log, experiments, export, forget
    case compare
    case set, source, output, timing, help, history, edit, version, quit, exit

    /// The keyword spelled `word`, ignoring case.
    public init?(word: String) {
        self.init(rawValue: word.lowercased())
    }
}
