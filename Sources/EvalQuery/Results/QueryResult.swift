import EvalCore

/// What one statement produces. The executor returns these values, never text: EvalRender
/// turns them into a terminal view, CSV, JSON or Markdown.
public enum QueryResult: Sendable {
    /// A line of information or a note (`metric` saying what it recomputed, …).
    case message(Message)
    /// A warning (or a note) about the statement, with the place in it that it is about; the
    /// shell prints it as it prints errors, with the source line and a caret.
    case diagnostic(Diagnostic)
    /// A table laid out by its producer.
    case table(ResultTable)
    /// `evals`: the loaded evaluations.
    case evaluations(EvaluationListResult)
    /// `metrics`: the metrics an evaluation carries.
    case metrics(MetricListResult)
    /// `pending`: the edits not pushed yet.
    case pending(PendingEditsResult)
    /// `help [TOPIC]`.
    case help(HelpResult)
    /// `check`: the consistency rules a payload breaks.
    case check(CheckResult)
    /// `log NAME`: the versions of a stored experiment.
    case versions(VersionHistoryResult)
    /// `experiments`: the stored experiments.
    case experiments(ExperimentListResult)
    /// `compare A B`: both sides' statistics, rates and counts, with the change.
    case compareSummary(CompareSummaryResult)
    /// `compare A B classes`: per class, B's AP and F1 with every change.
    case compareClasses(CompareClassesResult)
    /// `compare A B where …`: per image, B's counts and the change.
    case compareImages(CompareImagesResult)
    /// `compare A B matrix`: the difference of the two confusion matrices (after both, side by side).
    case compareMatrix(CompareMatrixResult)
    /// `compare A B boxes`: the boxes whose fate changed.
    case compareBoxes(CompareBoxesResult)
    /// `summary`: the 12 COCO statistics (when boxes are loaded), the operating point's totals.
    case summary(SummaryResult)
    /// `classes`: per-class AP, AP50, precision, recall, F1 and counts.
    case classes(ClassTableResult)
    /// `matrix`: the confusion matrix at the operating point.
    case matrix(MatrixResult)
    /// `images`, `where`, `cell`: one row per image with per-class counts.
    case images(ImageListResult)
    /// `show FILENAME`: an image's ground truth and predictions with their fates.
    case imageView(ImageViewResult)
    /// `split`: horizontal bars, one per class.
    case bars(BarChartResult)
    /// `pr [CLASS]`: precision–recall curves.
    case curve(CurveResult)
    /// `boxes …`: one row per object and kept prediction.
    case boxes(BoxListResult)
    /// `errors [CLASS]`: TIDE's error breakdown.
    case errors(ErrorBreakdownResult)
    /// `sweep [CLASS]`: precision, recall and F1 against the confidence threshold.
    case sweep(SweepResult)
    /// `history`: the line editor's newest entries.
    case history(HistoryResult)
    /// `payload`: a JSON document to print as is (the Picsellia logs).
    case json(JSONValue)
    /// Views to show next to each other when the terminal is wide enough, else one after the
    /// other (`compare A B matrix`: both matrices).
    indirect case sideBySide([QueryResult])
}

extension QueryResult {
    /// A line for the user (a message or a diagnostic) rather than data.
    /// A warning about the place `range` of the statement.
    static func warning(_ kind: DiagnosticKind, at range: SourceRange) -> QueryResult {
        .diagnostic(Diagnostic(kind, at: range, severity: .warning))
    }

    public var isMessage: Bool {
        switch self {
        case .message, .diagnostic: return true
        default: return false
        }
    }
}
