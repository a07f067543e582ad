/// Reads the statement under the cursor as words and decides what comes next.
struct CompletionAnalyzer {
    /// A complete or partial word of the statement: glued tokens, a string's content.
    private struct Word {
        var text: String
        var lowered: String { text.lowercased() }
        var start: Int
    }

    private let before: String
    /// The complete words before the one being typed.
    private var words: [Word] = []
    private var prefix = ""
    private var prefixStart: Int
    /// An unclosed `[` precedes the cursor: a class inside `FN[…`.
    private var inBracket = false

    init(line: String, cursor: Int) {
        let characters = Array(line)
        let end = min(max(cursor, 0), characters.count)
        before = String(characters[..<end])
        prefixStart = end
        split()
    }

    private mutating func split() {
        var tokens = Lexer.tokenize(before).dropLast()
        if let separator = tokens.lastIndex(where: { $0.kind == .separator }) {
            tokens = tokens[(separator + 1)...]
        }
        var groups: [[Token]] = []
        for token in tokens {
            if token.isSpaced || groups.isEmpty { groups.append([token]) } else { groups[groups.count - 1].append(token) }
        }
        let endsWithSpace = before.last.map { $0.isWhitespace || $0 == ";" } ?? true
        var partial: [Token] = []
        if !endsWithSpace, let last = groups.popLast() { partial = last }
        words = groups.map { group in
            var text = group.map(\.text).joined()
            if group.count == 1, case .string(let value) = group[0].kind { text = value }
            return Word(text: text, start: group[0].range.start.offset)
        }
        readPartial(partial)
    }

    /// Sets the prefix from the word under the cursor: after an open `[`, inside an open
    /// quote, or the whole glued word.
    private mutating func readPartial(_ tokens: [Token]) {
        if let open = tokens.lastIndex(where: { $0.isSymbol("[") }), !tokens[open...].contains(where: { $0.isSymbol("]") }) {
            inBracket = true
            let rest = tokens[(open + 1)...]
            prefixStart = rest.first?.range.start.offset ?? tokens[open].range.end.offset
            prefix = rest.map(\.text).joined()
            if prefix.hasPrefix("\"") || prefix.hasPrefix("'") {
                prefix.removeFirst()
                prefixStart += 1
            }
            words.append(Word(text: tokens[...open].map(\.text).joined(), start: tokens[0].range.start.offset))
            return
        }
        guard let first = tokens.first else { return }
        prefixStart = first.range.start.offset
        prefix = tokens.map(\.text).joined()
        if let quote = prefix.first, quote == "\"" || quote == "'" {
            prefix.removeFirst()
            if prefix.last == quote { prefix.removeLast() }
            prefixStart += 1
        }
    }

    /// The context; after a dot (`delta.F`, `FN.c`) Tab completes the part after it: a class
    /// after a field or metric name (`FN.car`, `recall.car`), as the parser reads `x.y`, and a
    /// field or metric after a qualifier (`delta.FN`, `A.AP50`).
    func context() -> CompletionContext {
        var kind = kind()
        if kind == .field || kind == .metricName, let dot = prefix.lastIndex(of: ".") {
            let offset = prefix.distance(from: prefix.startIndex, to: dot) + 1
            let before = prefix[..<dot].split(separator: ".", omittingEmptySubsequences: false).last ?? ""
            if Reference.isKnownName(String(before)) { kind = .className }
            return CompletionContext(kind: kind, prefix: String(prefix[prefix.index(after: dot)...]),
                                     prefixStart: prefixStart + offset)
        }
        return CompletionContext(kind: kind, prefix: prefix, prefixStart: prefixStart, closing: inBracket ? "]" : nil)
    }

    private func kind() -> CompletionKind {
        if inBracket { return .className }
        guard let first = words.first else { return .statement }
        guard let keyword = StatementKeyword(word: first.text) else { return .none }
        let arguments = Array(words.dropFirst())
        if keyword == .assert || keyword == .where {
            return predicateKind(arguments, valueKind: keyword == .assert ? .metricName : .field)
        }
        if [.cell, .images, .exclude, .include, .compare].contains(keyword),
           let clause = arguments.firstIndex(where: { $0.lowered == "where" }),
           keyword != .cell || clause >= 2, keyword != .compare || clause >= 2 {
            return predicateKind(Array(arguments[(clause + 1)...]), valueKind: .field)
        }
        return argumentKind(keyword, arguments)
    }

    /// Inside a predicate: classes after `has`/`predicted`, the sort and limit clauses,
    /// otherwise a field or a named value.
    private func predicateKind(_ arguments: [Word], valueKind: CompletionKind) -> CompletionKind {
        let last = arguments.last?.lowered
        if last == "has" || last == "predicted" { return .className }
        if let sort = arguments.lastIndex(where: { $0.lowered == "sort" }) {
            return sortKind(after: arguments.count - sort - 1, field: .field)
        }
        return last == "limit" ? .none : valueKind
    }

    /// After `sort`: the key, then the order, then `limit`.
    private func sortKind(after count: Int, field: CompletionKind) -> CompletionKind {
        switch count {
        case 0: return field
        case 1: return .keywords(["asc", "desc", "limit"])
        default: return .keywords(["limit"])
        }
    }

    private func argumentKind(_ keyword: StatementKeyword, _ arguments: [Word]) -> CompletionKind {
        let count = arguments.count
        let last = arguments.last?.lowered
        switch keyword {
        case .cell:
            return count < 2 ? .matrixClass : .keywords(["where", "sort", "limit", "boxes"])
        case .images:
            if let sort = arguments.lastIndex(where: { $0.lowered == "sort" }) { return sortKind(after: count - sort - 1, field: .field) }
            return last == "limit" ? .none : .keywords(["where", "sort", "limit"])
        case .classes:
            if let sort = arguments.lastIndex(where: { $0.lowered == "sort" }) {
                return sortKind(after: count - sort - 1, field: .metricName)
            }
            return .keywords(["sort"])
        case .show:
            return count == 0 ? .filename : last == "svg" ? .path : .keywords(["svg"])
        case .exclude, .include:
            return count == 0 ? .filename : .none
        case .rename:
            return count == 0 ? .className : .none
        case .pr, .errors, .sweep:
            return count == 0 ? .className : .none
        case .load:
            return last == "as" ? .none : .path
        case .source, .output:
            return count == 0 ? .path : .none
        case .push:
            if last == "message" { return .none }
            if count == 0 { return looksLikePath ? .path : .target }
            return .keywords(["message"])
        case .pull:
            if count == 0 { return looksLikePath ? .path : .target }
            return last == "as" ? .none : .keywords(["as"])
        case .forget:
            return count == 0 ? .target : .keywords(["force"])
        case .use, .drop, .log:
            return count == 0 ? .evaluationName : .none
        case .compare:
            return compareKind(arguments)
        case .matrix:
            if last == "normalize" { return .keywords(["gt", "pred"]) }
            return last == "top" ? .none : .keywords(count == 0 ? ["agnostic", "normalize", "top"] : ["normalize", "top"])
        case .payload:
            return count == 0 ? .keywords(["heatmap"]) : .none
        case .timing:
            return count == 0 ? .keywords(["on", "off"]) : .none
        case .set:
            return setKind(arguments)
        case .help:
            return count == 0 ? .keywords(HelpEntry.topics) : .none
        case .metric:
            // After `=` comes a value: nothing to offer.
            return prefix.contains("=") ? .none : .metricEntry(allowsTarget: count == 0)
        case .unset:
            return count == 0 ? .keywords(["metric"]) : count == 1 ? .metricEntry(allowsTarget: false) : .none
        default:
            return .none
        }
    }

    private func compareKind(_ arguments: [Word]) -> CompletionKind {
        switch arguments.count {
        case 0, 1: return .evaluationName
        case 2: return .keywords(["matrix", "classes", "where", "show", "boxes"])
        default:
            switch arguments[2].lowered {
            case "show": return arguments.count == 3 ? .filename : .none
            case "classes":
                guard let sort = arguments.lastIndex(where: { $0.lowered == "sort" }) else { return .keywords(["sort"]) }
                return sortKind(after: arguments.count - sort - 1, field: .metricName)
            default: return .none
            }
        }
    }

    private func setKind(_ arguments: [Word]) -> CompletionKind {
        guard let setting = arguments.first?.lowered else { return .keywords(SessionSetting.names) }
        guard arguments.count == 1 else { return .none }
        switch setting {
        case "format": return .keywords(OutputFormat.allCases.map(\.rawValue))
        case "color": return .keywords(ColorMode.allCases.map(\.rawValue))
        case "pager", "ascii": return .keywords(["on", "off"])
        case "rows": return .keywords(["all"])
        case "mixed-thresholds": return .keywords(["allow", "refuse"])
        case "errors": return .keywords(["stop", "continue"])
        case "expanded": return .keywords(ExpandedMode.allCases.map(\.rawValue))
        case "images": return .path
        default: return .none
        }
    }

    /// The word being typed starts like a path: `/`, `.`, `~`, or holds a `/` before any `:`.
    private var looksLikePath: Bool {
        guard let first = prefix.first else { return false }
        if first == "/" || first == "." || first == "~" { return true }
        guard let slash = prefix.firstIndex(of: "/") else { return false }
        return prefix.firstIndex(of: ":").map { slash < $0 } ?? true
    }
}
