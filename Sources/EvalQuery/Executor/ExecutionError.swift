import EvalCore
import EvalFormats

/// Why a statement failed when it ran (the parser's `Diagnostic` covers malformed text).
///
/// Each case carries the place in the statement it is about, when there is one, so the shell can
/// print the line with a caret; its category decides the exit code of a script.
public enum ExecutionError: Error, Sendable {
    /// A name that is not a class of the evaluation: `suggestion` is the closest one.
    case unknownClass(String, suggestion: String?, at: SourceRange?)
    case unknownImage(String, suggestion: String?, at: SourceRange?)
    /// A whole number that is neither a filename nor an image id of the ground truth;
    /// `suggestion` names the closest image (`"000000167380.jpg" (id 167380)`).
    case unknownImageId(Int, suggestion: String?, at: SourceRange?)
    case unknownEvaluation(String, suggestion: String?, at: SourceRange?)
    /// A field or value name that means nothing here (`where AP > 1`, `assert FOO > 1`).
    case unknownName(String, expected: String, suggestion: String?, at: SourceRange?)
    /// A row or column number outside the matrix.
    case indexOutOfRange(Int, count: Int, at: SourceRange?)
    /// Values of the wrong kind for an operator (`filename > 3`).
    case typeMismatch(String, at: SourceRange?)
    /// The statement needs something the workspace lacks (no evaluation loaded, no boxes, …).
    case unavailable(String, help: String?)
    /// A value outside its domain (`metric iou=1.5`).
    case invalidValue(String, at: SourceRange?)
    /// A file could not be read or is not a valid evaluation; the place is the file's name in
    /// the statement, when the statement names it.
    case input(FormatError, at: SourceRange?)
    /// An output file could not be written; the place is its name in the statement.
    case output(OutputError, at: SourceRange?)
    /// A push, pull or store listing failed; its kind says where (the store, a file, Picsellia).
    case store(StoreFailure)
    /// `assert` found its condition false; `detail` gives the values it compared.
    case assertionFailed(condition: String, detail: String, at: SourceRange?)

    /// The one-line message, after `error: `.
    public var message: String {
        switch self {
        case .unknownClass(let name, let suggestion, _):
            return "unknown class \"\(DiagnosticKind.shown(name))\"" + Self.didYouMean(suggestion)
        case .unknownImage(let name, let suggestion, _):
            return "no image named \"\(DiagnosticKind.shown(name))\"" + Self.didYouMean(suggestion)
        case .unknownImageId(let id, let suggestion, _):
            return "no image named \"\(id)\" or with id \(id)" + (suggestion.map { "; did you mean \($0)?" } ?? "")
        case .unknownEvaluation(let name, let suggestion, _):
            return "no evaluation named \"\(DiagnosticKind.shown(name))\"" + Self.didYouMean(suggestion)
        case .unknownName(let name, let expected, let suggestion, _):
            return "unknown \(expected) \"\(DiagnosticKind.shown(name))\"" + Self.didYouMean(suggestion)
        case .indexOutOfRange(let index, let count, _):
            return "no row or column \(index): the matrix has \(count) (1 to \(count), the last is none)"
        case .typeMismatch(let text, _), .invalidValue(let text, _):
            return text
        case .output(let error, _):
            return error.description
        case .store(let failure):
            return failure.message
        case .unavailable(let text, _):
            return text
        case .input(let error, _):
            return error.description
        case .assertionFailed(let condition, let detail, _):
            return "assertion failed: \(condition) (\(detail))"
        }
    }

    /// A hint on how to go on, printed as `help: …`.
    public var help: String? {
        switch self {
        case .unavailable(_, let help): return help
        case .unknownClass: return "type 'classes' to list the classes"
        case .unknownEvaluation: return "type 'evals' to list the loaded evaluations"
        default: return nil
        }
    }

    /// Where in the statement, for the caret.
    public var range: SourceRange? {
        switch self {
        case .unknownClass(_, _, let r), .unknownImage(_, _, let r), .unknownImageId(_, _, let r), .unknownEvaluation(_, _, let r),
            .unknownName(_, _, _, let r), .indexOutOfRange(_, _, let r), .typeMismatch(_, let r),
            .invalidValue(_, let r), .assertionFailed(_, _, let r), .input(_, let r), .output(_, let r):
            return r
        case .unavailable, .store:
            return nil
        }
    }

    /// The same error placed at the name in `files` of the file it is about, when it is about
    /// one of them and carries no place yet (a `load` whose second file fails).
    func located(in files: [Name]) -> ExecutionError {
        guard case .input(let failure, nil) = self,
            let name = files.first(where: { Executor.expandTilde($0.text) == failure.file || $0.text == failure.file })
        else { return self }
        return .input(failure, at: name.range)
    }

    /// `; did you mean "car"?`, or in single quotes a suggestion that holds double quotes
    /// (`FN["traffic light"]`).
    private static func didYouMean(_ suggestion: String?) -> String {
        guard let suggestion else { return "" }
        return suggestion.contains("\"") ? "; did you mean '\(suggestion)'?" : "; did you mean \"\(suggestion)\"?"
    }
}
