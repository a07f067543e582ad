/// Every problem the lexer and parser report, and the warnings of statements that ran. Each
/// case renders its message and, when it can help, a hint.
public enum DiagnosticKind: Hashable, Sendable {
    case unterminatedString
    /// The first word is no statement.
    case unknownStatement(String, suggestion: String?)
    /// `expected` was looked for after the word `after` (nil when no word gives context) but
    /// `found` came (nil at the end of the statement).
    case expected(Expectation, after: String?, found: String?)
    /// Words left over once the statement `statement` is complete.
    case unexpectedInput(String, statement: String)
    /// A clause keyword (`where`, `sort`, `limit`) out of its place.
    case clauseOutOfOrder(String)
    /// A word not among the allowed ones (`set color blue`, `matrix normalize rows`).
    case invalidOption(String, after: String, allowed: [String], suggestion: String?)
    /// `help TOPIC` with an unknown topic.
    case unknownHelpTopic(String, suggestion: String?)
    /// A value where a condition is needed (`where FN`).
    case notACondition(String)
    /// A condition where a value is needed (`(FN > 1) + 2`).
    case notAValue(String)
    /// `a < b < c`.
    case chainedComparison
    /// More than `qualifier.name.class` in a reference.
    case referenceTooLong(String)
    /// A class with a space written after a dot (`FN.dining table > 1`): the words, and the
    /// condition in brackets (`FN["dining table"] > 1`).
    case spacedClass(String, suggestion: String)
    /// `load` with more than two files.
    case tooManyFiles(Int)
    /// An expression deeper than the parser's limit (parentheses, `not`, `-`, or a long chain).
    case nestedTooDeeply(limit: Int)
    /// A number that does not fit (`1e400`, `limit 9223372036854775807`); `limit` says what fits.
    case numberOutOfRange(String, limit: String?)
    /// A statement longer than `limit` characters.
    case statementTooLong(limit: Int)

    // MARK: Warnings of a statement that ran

    /// An edit that found nothing to change: `why` says what it looked for.
    case nothingChanged(why: String)
    /// `undo` with no pending edit.
    case nothingToUndo
    /// A count or rate of `compare` read at two operating points, which `set mixed-thresholds
    /// allow` let pass.
    case mixedOperatingPoints(reference: String, points: String)
    /// A payload with excluded images: its confusion-matrix log cannot leave them out.
    case matrixKeepsExcludedImages(evaluation: String, excluded: Int)
    /// What a reader noticed in a file it loaded anyway, in its words.
    case inputWarning(String)

    /// The one-line message, after `error: `.
    public var message: String {
        switch self {
        case .unterminatedString:
            return "unterminated string; expected a closing '\"' before the end of the line"
        case .unknownStatement(let word, let suggestion):
            return "unknown statement '\(Self.shown(word))'" + Self.didYouMean(suggestion)
        case .expected(let what, let after, let found):
            var text = "expected \(what)"
            if let after { text += " after '\(after)'" }
            text += found.map { ", found '\(Self.shown($0))'" } ?? ""
            return text
        case .unexpectedInput(let word, let statement):
            return "unexpected '\(Self.shown(word))' after the end of '\(statement)'"
        case .clauseOutOfOrder(let word):
            return "'\(word)' is out of place; clauses come in the order where, sort, limit"
        case .invalidOption(let word, let after, let allowed, let suggestion):
            return "'\(Self.shown(word))' is not valid after '\(Self.shown(after))'; expected \(Expectation.alternatives(allowed))"
                + Self.didYouMean(suggestion)
        case .unknownHelpTopic(let word, let suggestion):
            return "no help on '\(Self.shown(word))'" + Self.didYouMean(suggestion)
        case .notACondition(let text):
            return "'\(Self.shown(text))' is a value, not a condition"
        case .notAValue(let text):
            return "'\(Self.shown(text))' is a condition, not a value"
        case .chainedComparison:
            return "comparisons cannot be chained"
        case .referenceTooLong(let text):
            return "'\(Self.shown(text))' has too many parts; a reference is [QUALIFIER.]NAME[CLASS]"
        case .spacedClass(let text, let suggestion):
            return "'\(Self.shown(text))' is a class name with a space after a dot" + Self.didYouMean(suggestion)
        case .tooManyFiles(let count):
            return "'load' takes one or two files, found \(count)"
        case .nestedTooDeeply(let limit):
            return "expression nested too deeply (limit \(limit))"
        case .numberOutOfRange(let text, let limit):
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "number '\(shown)' is out of range" + (limit.map { "; expected \($0)" } ?? "; expected a finite number")
        case .statementTooLong(let limit):
            return "statement longer than \(limit) characters (1 MiB)"
        case .nothingChanged(let why):
            return "\(why): nothing changed"
        case .nothingToUndo:
            return "nothing to undo"
        case .mixedOperatingPoints(let reference, let points):
            return "\(reference) compares different operating points: \(points)"
        case .matrixKeepsExcludedImages(let evaluation, let excluded):
            return "\(evaluation) is a payload: its confusion matrix keeps the counts of all images "
                + "(\(excluded) excluded); the per-image counts and totals leave them out"
        case .inputWarning(let text):
            return text
        }
    }

    /// A hint on how to fix it, printed as `help: …`.
    public var help: String? {
        switch self {
        case .unterminatedString:
            return "a string cannot span lines; end the line with '\\' to continue a statement"
        case .unknownStatement:
            return "type 'help' to list the statements"
        case .unexpectedInput:
            return "separate statements with ';' or a new line, and quote names that hold spaces"
        case .notACondition:
            return "compare it, for example 'FN > 0'"
        case .chainedComparison:
            return "join two comparisons with 'and': 'FN > 1 and FN < 5'"
        case .referenceTooLong, .spacedClass:
            return "write a class with spaces or dots in brackets: FN[\"traffic light\"]"
        case .expected(.classOrBackground, _, _):
            return "a bare number is a row or column of the matrix; quote a class named like a number"
        case .nestedTooDeeply:
            return "remove redundant parentheses, 'not' or '-', or split a long chain of 'and'/'or' into several statements"
        case .statementTooLong:
            return "split it into several statements"
        case .expected, .clauseOutOfOrder, .invalidOption, .unknownHelpTopic, .notAValue, .tooManyFiles, .numberOutOfRange,
            .nothingChanged, .nothingToUndo, .mixedOperatingPoints, .matrixKeepsExcludedImages, .inputWarning:
            return nil
        }
    }

    /// Words longer than 80 characters are cut in messages (the source line below shows them).
    static func shown(_ word: String) -> String {
        word.count > 80 ? String(word.prefix(80)) + "…" : word
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
