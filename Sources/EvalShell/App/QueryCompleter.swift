import EvalCore
import EvalQuery
import Foundation

/// Tab completion by context: statements at the start, class names after `cell`/`has`/`FN[`/`FN.`,
/// filenames after `show`, fields and metric names in predicates, paths after `load`/`source`.
final class QueryCompleter: Completer {
    private let workspace: Workspace
    private let paths: PathCompleter

    init(workspace: Workspace) {
        self.workspace = workspace
        paths = PathCompleter(
            homeDirectory: ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory(),
            workingDirectory: FileManager.default.currentDirectoryPath)
    }

    func completions(line: String, cursor: Int) -> (replaceFrom: Int, candidates: [String]) {
        let context = completionContext(line: line, cursor: cursor)
        let prefix = context.prefix
        let words: [String]
        switch context.kind {
        case .statement: words = StatementKeyword.allCases.map(\.rawValue)
        case .className: words = workspace.current?.state.labels ?? []
        case .matrixClass: words = (workspace.current?.state.labels ?? []) + ["none"]
        case .filename: words = workspace.current?.view().filenames ?? []
        case .field: words = ImageFieldNames.all
        case .metricName:
            words = COCOMetrics.statNames + ["precision", "recall", "F1"] + ImageFieldNames.counts
                + workspace.evaluations.map(\.name) + (workspace.comparison == nil ? [] : ["delta"])
        case .metricEntry(let allowsTarget):
            return metricEntries(context, line: line, withTarget: allowsTarget)
        case .path: return (context.prefixStart, paths.candidates(for: prefix))
        case .evaluationName: words = workspace.evaluations.map(\.name)
        case .target: words = ["store:", "picsellia:"] + workspace.evaluations.map { "store:\($0.name)" }
        case .keywords(let options): words = options
        case .none: words = []
        }
        let lowered = prefix.lowercased()
        var matches = words.filter { $0.lowercased().hasPrefix(lowered) }
        if context.kind == .filename, matches.isEmpty, !prefix.isEmpty, prefix.allSatisfy(\.isASCII), prefix.allSatisfy(\.isNumber) {
            matches = imagesByID(startingWith: prefix)
        }
        var seen = Set<String>()
        let unique = matches.filter { seen.insert($0).inserted }
        // A name begun in quotes is finished in the same quotes: the candidates replace the
        // opening quote too, closed with it.
        let characters = Array(line)
        // A `]` already after the cursor closes the class: none is added.
        let closing = cursor < characters.count && characters[cursor] == "]" ? nil : context.closing
        if context.prefixStart > 0, context.prefixStart <= characters.count,
            let quote = Optional(characters[context.prefixStart - 1]), quote == "\"" || quote == "'"
        {
            return (context.prefixStart - 1, unique.map { Self.quoted($0, with: quote) + (closing ?? "") })
        }
        // A class inside `FN[` is closed with its `]`, quoted first when it needs quotes.
        if let closing {
            return (context.prefixStart, unique.map { CompletionQuoting.quoteIfNeeded($0) + closing })
        }
        return (context.prefixStart, unique)
    }

    /// The current evaluation's metrics entries (and `iou`, `confidence`, `both`), quoted when
    /// a bare name would not read back: in the quote begun, else in `"` when needed.
    private func metricEntries(_ context: CompletionContext, line: String, withTarget: Bool) -> (replaceFrom: Int, candidates: [String]) {
        var names = ["iou", "confidence"] + (workspace.current?.state.metrics.map(\.key) ?? [])
        if withTarget && workspace.comparison != nil { names.append("both") }
        var seen = Set<String>()
        let lowered = context.prefix.lowercased()
        let matches = names.filter { $0.lowercased().hasPrefix(lowered) && seen.insert($0).inserted }
        let characters = Array(line)
        if context.prefixStart > 0, context.prefixStart <= characters.count,
            let quote = Optional(characters[context.prefixStart - 1]), quote == "\"" || quote == "'"
        {
            return (context.prefixStart - 1, matches.map { Self.quoted($0, with: quote) })
        }
        return (context.prefixStart, matches.map { MetricNameSyntax.isBare($0) ? $0 : Self.quoted($0, with: "\"") })
    }

    /// `show 1673`: the filenames of the images whose ground-truth id starts with the digits
    /// typed (COCO ids are not in the filenames' first characters: `000000167379.jpg`).
    private func imagesByID(startingWith digits: String) -> [String] {
        guard let session = workspace.current, case .boxes(let evaluator) = session.data else { return [] }
        return evaluator.groundTruth.images.filter { String($0.id).hasPrefix(digits) }.map(\.fileName)
    }

    /// `name` between `quote`s, with that quote and backslashes escaped as the lexer reads them.
    static func quoted(_ name: String, with quote: Character) -> String {
        var text = String(quote)
        for character in name {
            if character == quote || character == "\\" { text.append("\\") }
            text.append(character)
        }
        text.append(quote)
        return text
    }
}

/// The names an image predicate knows.
enum ImageFieldNames {
    static let counts = ["TP", "FP", "FN", "objects", "preds"]
    static let all = counts + ["filename"]
}
