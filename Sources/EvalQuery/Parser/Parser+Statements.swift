import EvalFormats

/// The body of each statement, after its keyword.
extension Parser {
    mutating func parseBody(of keyword: StatementKeyword) throws(Diagnostic) -> Statement {
        switch keyword {
        case .load: return try load()
        case .evals: return .evals
        case .use: return .use(try word(.evaluationName))
        case .drop: return .drop(try word(.evaluationName))
        case .summary: return .summary
        case .classes: return .classes(sort: try optionalSort())
        case .metrics: return .metrics
        case .matrix: return try matrix()
        case .images: return .images(try imageQuery())
        case .payload: return .payload(heatmap: take("heatmap"))
        case .check: return .check
        case .cell:
            let groundTruth = try classRef()
            let prediction = try classRef()
            let query = try imageQuery()
            if take("boxes") {
                return .boxes(BoxQuery(scope: .cell(groundTruth: groundTruth, prediction: prediction, query), try imageQuery()))
            }
            return .cell(groundTruth: groundTruth, prediction: prediction, query)
        case .where:
            let query = try imageQuery(requiringPredicate: true)
            if take("boxes") { return .boxes(BoxQuery(scope: .images(query), try imageQuery())) }
            return .filter(query)
        case .show: return try show()
        case .split: return .split
        case .pr: return .pr(className: try optionalWord(.className))
        case .boxes: return .boxes(BoxQuery(scope: .all, try imageQuery()))
        case .errors: return .errors(className: try optionalWord(.className))
        case .sweep: return .sweep(className: try optionalWord(.className))
        case .metric: return .metric(try metricAssignment())
        case .unset:
            _ = try option(["metric"])
            return .unsetMetric(try word(.parameterName))
        case .assert: return .assert(try condition())
        case .exclude: return .exclude(try imageSelection())
        case .include: return .include(try imageSelection())
        case .rename:
            let className = try word(.className)
            return .rename(className: className, newName: try word(.newName))
        case .pending: return .pending
        case .undo: return .undo
        case .reset: return .reset
        case .recover: return .recover
        case .discard: return .discard
        case .push: return try push()
        case .pull:
            let target = try word(.target)
            return .pull(target: target, as: take("as") ? try word(.evaluationName) : nil)
        case .log: return .log(try word(.evaluationName))
        case .experiments: return .experiments
        case .export:
            let format = ExportFormat(rawValue: try option(ExportFormat.allCases.map(\.rawValue)))!
            return .export(format: format, folder: try word(.path))
        case .forget:
            let target = try word(.target)
            return .forget(target: target, force: take("force"))
        case .compare: return try compare()
        case .set: return .set(try sessionSetting())
        case .source: return .source(try word(.path))
        case .output: return .output(try optionalWord(.path))
        case .timing: return .timing(try onOff())
        case .help: return .help(topic: try helpTopic())
        case .history: return .history
        case .edit: return .edit
        case .version: return .version
        case .quit, .exit: return .quit
        }
    }

    /// `FILE [FILE] [as NAME]`.
    private mutating func load() throws(Diagnostic) -> Statement {
        var files: [Name] = []
        while !cursor.current.endsStatement && !cursor.isAtKeyword("as") {
            let file = try word(.path)
            files.append(file)
            if files.count > 2, let range = file.range {
                throw Diagnostic(.tooManyFiles(files.count), at: range)
            }
        }
        if files.isEmpty { throw expected(.path) }
        return .load(files: files, as: take("as") ? try word(.evaluationName) : nil)
    }

    /// `agnostic` or `[normalize gt|pred] [top N]`.
    private mutating func matrix() throws(Diagnostic) -> Statement {
        if take("agnostic") { return .agnosticMatrix }
        var normalization: MatrixNormalization?
        if take("normalize") {
            normalization = try choice(of: MatrixNormalization.self)
        }
        return .matrix(normalize: normalization, top: take("top") ? try count() : nil)
    }

    /// `FILENAME [svg OUT.svg]`.
    private mutating func show() throws(Diagnostic) -> Statement {
        let filename = try word(.filename)
        return .show(filename: filename, svg: take("svg") ? try word(.path) : nil)
    }

    /// `FILENAME` or `where PREDICATE`.
    private mutating func imageSelection() throws(Diagnostic) -> ImageSelection {
        take("where") ? .matching(try condition()) : .file(try word(.filename))
    }

    /// `[TARGET] [message "TEXT"]`.
    private mutating func push() throws(Diagnostic) -> Statement {
        var target: Name?
        if !cursor.current.endsStatement && !cursor.isAtKeyword("message") {
            target = try word(.target)
        }
        return .push(target: target, message: take("message") ? try word(.quotedText).text : nil)
    }

    /// `A B [matrix | classes [sort …] | where PREDICATE [sort …] [limit N] | show FILENAME | boxes …]`.
    private mutating func compare() throws(Diagnostic) -> Statement {
        let first = try word(.evaluationName)
        let second = try word(.evaluationName)
        guard !cursor.current.endsStatement else { return .compare(first, second, .summary) }
        let view: CompareView
        switch try option(["matrix", "classes", "where", "show", "boxes"]) {
        case "matrix": view = .matrix
        case "boxes": view = .boxes(try imageQuery())
        case "classes": view = .classes(sort: try optionalSort())
        case "where": view = .images(try imageQuery(requiringPredicate: true))
        default: view = .show(filename: try word(.filename))
        }
        return .compare(first, second, view)
    }

    /// `NAME VALUE` after `set`.
    private mutating func sessionSetting() throws(Diagnostic) -> SessionSetting {
        if cursor.current.isKeyword("mixed"), cursor.peek(1).isSymbol("-"), !cursor.peek(1).isSpaced,
           cursor.peek(2).isKeyword("thresholds"), !cursor.peek(2).isSpaced {
            cursor.advance()
            cursor.advance()
            cursor.advance()
            cursor.consumed("mixed-thresholds", upTo: cursor.tokens[cursor.index - 1].range.end)
            return .mixedThresholds(allow: try option(["allow", "refuse"]) == "allow")
        }
        switch try option(SessionSetting.names) {
        case "format": return .format(try choice(of: OutputFormat.self))
        case "color": return .color(try choice(of: ColorMode.self))
        case "rows": return .rows(try rowCount())
        case "pager": return .pager(try onOff())
        case "ascii": return .ascii(try onOff())
        case "errors": return .errors(stop: try option(["stop", "continue"]) == "stop")
        case "expanded": return .expanded(try choice(of: ExpandedMode.self))
        default: return .images(directory: try word(.path))
        }
    }

    /// The value of `set rows`. 0 and `all` both mean no limit (as PostgreSQL's `LIMIT ALL`):
    /// a table cut to no rows is never what someone asks for.
    private mutating func rowCount() throws(Diagnostic) -> Int {
        if take("all") { return 0 }
        do { return try count() } catch {
            if case .numberOutOfRange = error.kind { throw error }
            throw expected(.rowCount)
        }
    }

    /// An optional topic after `help`: a statement, a clause or a setting.
    private mutating func helpTopic() throws(Diagnostic) -> String? {
        guard let topic = try optionalWord(.statement) else { return nil }
        if let entry = HelpEntry.lookup(topic.text) { return entry.topic }
        let suggestion = Suggestion.closest(to: topic.text, among: HelpEntry.topics)
        throw Diagnostic(.unknownHelpTopic(topic.text, suggestion: suggestion), at: topic.range ?? SourceRange(at: .start))
    }
}
