import EvalFormats

/// One statement of the query language, as parsed. Names are kept as written; the executor
/// resolves them against the loaded evaluations.
public enum Statement: Hashable, Sendable {
    // Workspace
    /// `load FILE [FILE] [as NAME]`: ground truth and predictions, or one payload.
    case load(files: [Name], as: Name?)
    case evals
    case use(Name)
    case drop(Name)

    // Views of the current evaluation
    case summary
    /// `classes [sort FIELD [asc|desc]]`.
    case classes(sort: SortClause?)
    case metrics
    /// `matrix [normalize gt|pred] [top N]`.
    case matrix(normalize: MatrixNormalization?, top: Int?)
    case images(ImageQuery)
    case payload(heatmap: Bool)
    case check
    /// `cell GT PRED [where …] [sort …] [limit N]`.
    case cell(groundTruth: ClassRef, prediction: ClassRef, ImageQuery)
    /// `where PREDICATE [sort …] [limit N]`: the query always has a predicate.
    case filter(ImageQuery)
    /// `show FILENAME [svg OUT.svg]`.
    case show(filename: Name, svg: Name?)
    case split
    /// `pr [CLASS]`.
    case pr(className: Name?)

    // Analysis of boxes and errors
    /// `boxes …`, `cell GT PRED … boxes …`, `where … boxes …`: one row per object and prediction.
    case boxes(BoxQuery)
    /// `errors [CLASS]`: TIDE's error breakdown.
    case errors(className: Name?)
    /// `sweep [CLASS]`: precision, recall and F1 against the confidence threshold.
    case sweep(className: Name?)
    /// `matrix agnostic`: objects found, missed, and predictions on background, any class.
    case agnosticMatrix

    // Operating point and checks
    case metric(MetricAssignment)
    /// `unset metric NAME`.
    case unsetMetric(Name)
    /// `assert CONDITION`.
    case assert(QueryExpression)

    // Edits
    case exclude(ImageSelection)
    case include(ImageSelection)
    /// `rename CLASS NEWNAME`.
    case rename(className: Name, newName: Name)
    case pending
    case undo
    case reset
    case recover
    case discard

    // Store
    /// `push [TARGET] [message "TEXT"]`.
    case push(target: Name?, message: String?)
    /// `pull TARGET [as NAME]`.
    case pull(target: Name, as: Name?)
    case log(Name)
    case experiments
    /// `export coco|yolo|voc FOLDER`.
    case export(format: ExportFormat, folder: Name)
    /// `forget store:NAME[@VERSION] [force]`.
    case forget(target: Name, force: Bool)

    // Comparison
    case compare(Name, Name, CompareView)

    // Session
    case set(SessionSetting)
    case source(Name)
    /// `output FILE` sends results to a file, bare `output` back to the terminal.
    case output(Name?)
    case timing(Bool)
    /// `help [TOPIC]`: a statement, a clause or a setting, lowercased (`HelpEntry.topics`).
    case help(topic: String?)
    case history
    /// `edit`: the last statement in `$VISUAL`/`$EDITOR`, then what was saved runs (psql's `\e`).
    case edit
    case version
    /// `quit` or `exit`.
    case quit
}

/// `matrix normalize gt|pred`.
public enum MatrixNormalization: String, Hashable, Sendable, CaseIterable {
    /// Rows sum to 1 (`gt`).
    case groundTruth = "gt"
    /// Columns sum to 1 (`pred`).
    case prediction = "pred"
}

/// The images an `exclude` or `include` acts on.
public enum ImageSelection: Hashable, Sendable {
    case file(Name)
    /// `exclude where PREDICATE`.
    case matching(QueryExpression)
}
