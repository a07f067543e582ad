import EvalCore
import EvalFormats

/// `boxes`, `errors`, `sweep`, `matrix agnostic` and `metric confidence=best`: the object-level
/// views of the analysis engines (`EvalCore/Engine/Analysis`).
extension Executor {
    /// `boxes …` alone, or after the images of a `cell` or a `where`.
    func boxes(_ query: BoxQuery) throws(ExecutionError) -> BoxListResult {
        let session = try current()
        let (_, view, _) = try boxData(session, for: "boxes")
        var title = "boxes"
        var images: [Int]?
        switch query.scope {
        case .all: break
        case .images(let imageQuery):
            images = try select(view.included, in: view, imageQuery, resolver: ImageFieldResolver(view: view)).selected
            title += " of where \(imageQuery.predicate.map { "\($0)" } ?? "")"
        case .cell(let gt, let pred, let imageQuery):
            let row = try axisIndex(gt, view), column = try axisIndex(pred, view)
            let behind = view.images(inCell: row, column)
            var counts: [Int: Int] = [:]
            for entry in behind { counts[entry.image] = entry.count ?? 0 }
            var imageQuery = imageQuery
            if imageQuery.sort == nil, behind.allSatisfy({ $0.count != nil }) {
                imageQuery.sort = SortClause(Reference("count"), .descending)
            }
            let resolver = ImageFieldResolver(view: view, cellCounts: counts)
            images = try select(behind.map(\.image), in: view, imageQuery, resolver: resolver).selected
            let name = { (i: Int) in i == view.classCount ? "none" : view.labels[i] }
            title += " of cell \(name(row)) → \(name(column))"
        }
        guard let table = session.boxTable() else { throw Self.noBoxes(session, "boxes") }
        let resolver = BoxFieldResolver(table: table, labels: view.labels, filenames: view.filenames)
        var rows = images.map { table.rows(ofImages: $0) } ?? Array(0..<table.count)
        if let predicate = query.query.predicate {
            let test = try ExpressionCompiler.condition(try resolver.literals(predicate), resolver)
            rows = try ExpressionCompiler.filter(rows, test)
            title += " where \(predicate)"
        }
        if let sort = query.query.sort {
            rows = try sorted(rows, by: sort, resolver)
        }
        let matched = rows.count
        if let limit = query.query.limit { rows = Array(rows.prefix(max(limit, 0))) }
        return BoxListResult(
            title: title, table: table, rows: rows, matched: matched, labels: view.labels, filenames: view.filenames)
    }

    /// Rows ordered by a field: numbers descending unless `asc`, texts ascending unless `desc`;
    /// rows without the value (a ground truth's score, an unmatched IoU) last either way; ties in
    /// table order.
    private func sorted(_ rows: [Int], by sort: SortClause, _ resolver: BoxFieldResolver) throws(ExecutionError) -> [Int] {
        switch try ExpressionCompiler.compile(.reference(sort.key), resolver) {
        case .number(let f):
            var keys: [Double] = []
            for row in rows { keys.append(try f(row)) }
            let descending = (sort.order ?? .descending) == .descending
            return rows.indices.sorted { l, r in
                let (a, b) = (keys[l], keys[r])
                if a.isNaN || b.isNaN { return !a.isNaN && b.isNaN || (a.isNaN == b.isNaN && l < r) }
                return a != b ? (descending ? a > b : a < b) : l < r
            }.map { rows[$0] }
        case .text(let f):
            var keys: [String] = []
            for row in rows { keys.append(try f(row)) }
            let descending = sort.order == .descending
            return rows.indices.sorted { l, r in
                let (a, b) = (keys[l], keys[r])
                return a != b ? (descending ? a > b : a < b) : l < r
            }.map { rows[$0] }
        case .condition:
            throw .typeMismatch("sort takes a field, not a condition", at: sort.key.range)
        }
    }

    /// `errors [CLASS]`.
    func errors(_ className: Name?) throws(ExecutionError) -> ErrorBreakdownResult {
        let session = try current()
        let (_, view, _) = try boxData(session, for: "errors")
        let classIndex = try className.map { (n: Name) throws(ExecutionError) in try ClassLookup.index(of: n, in: view.labels) }
        let breakdown = try withProgress("TIDE error breakdown") { () throws(ExecutionError) -> TIDEBreakdown in
            let outcome = Result { () throws(EvalCoreError) in try session.tideBreakdown() }
            switch outcome {
            case .success(let breakdown?): return breakdown
            case .success(nil): throw Self.noBoxes(session, "errors")
            case .failure(let error): throw Self.unranked(error, "TIDE ranks predictions by score")
            }
        }
        return ErrorBreakdownResult(breakdown: breakdown, labels: view.labels, classIndex: classIndex)
    }

    /// `sweep [CLASS]`.
    func sweep(_ className: Name?) throws(ExecutionError) -> SweepResult {
        let session = try current()
        let (_, view, _) = try boxData(session, for: "sweep")
        let classIndex = try className.map { (n: Name) throws(ExecutionError) in try ClassLookup.index(of: n, in: view.labels) }
        let point = session.state.point
        return SweepResult(
            sweep: try confidenceSweep(session, iou: point.iou), labels: view.labels, classIndex: classIndex,
            currentConfidence: point.confidence)
    }

    /// `matrix agnostic`: the matrix read without classes.
    func agnosticMatrix() throws(ExecutionError) -> ResultTable {
        let session = try current()
        let (_, _, result) = try boxData(session, for: "matrix agnostic")
        let counts = AgnosticCounts(result)
        let point = session.state.point
        return ResultTable(
            title: "class-agnostic matrix, IoU \(NumberText.precise(point.iou)), confidence \(NumberText.precise(point.confidence)): "
                + "a prediction of any class finds an object",
            columns: ["ground truth", "predicted", "none"],
            rows: [
                [.string("object"), .int(counts.found), .int(counts.missed)],
                [.string("none"), .int(counts.background), .null],
            ],
            notes: [
                "found \(counts.found), missed \(counts.missed), background \(counts.background); "
                    + "precision \(NumberText.fixed(counts.precision, places: 3)), recall \(NumberText.fixed(counts.recall, places: 3))",
            ])
    }

    /// The overall best-F1 confidence at `iou` (`metric confidence=best`).
    func bestConfidence(_ session: EvaluationSession, iou: Double, at range: SourceRange?) throws(ExecutionError) -> Double {
        _ = try boxData(session, for: "confidence=best")
        guard let best = try confidenceSweep(session, iou: iou).overall.best else {
            throw .invalidValue("\(session.name) has no prediction to pick a best confidence from", at: range)
        }
        return best.confidence
    }

    private func confidenceSweep(_ session: EvaluationSession, iou: Double) throws(ExecutionError) -> ConfidenceSweep {
        let sweep: ConfidenceSweep?
        do throws(EvalCoreError) {
            sweep = try session.confidenceSweep(iou: iou)
        } catch {
            throw Self.unranked(error, "a sweep ranks predictions by score")
        }
        guard let sweep else { throw Self.noBoxes(session, "sweep") }
        return sweep
    }

    private static func unranked(_ error: EvalCoreError, _ why: String) -> ExecutionError {
        switch error {
        case .missingScore(let index): return .unavailable("prediction \(index) has no score; \(why)", help: nil)
        }
    }

    /// The evaluator, view and operating point of an evaluation with boxes, or an error naming
    /// the statement.
    private func boxData(_ session: EvaluationSession, for statement: String) throws(ExecutionError)
        -> (Evaluator, EvaluationView, OperatingPointResult)
    {
        let view = session.view()
        guard case .boxes(let evaluator) = session.data, let result = view.result else {
            throw Self.noBoxes(session, statement)
        }
        return (evaluator, view, result)
    }

    /// The error of a box-level statement on an evaluation without boxes.
    static func noBoxes(_ session: EvaluationSession, _ statement: String) -> ExecutionError {
        .unavailable(
            "\(session.name) is a Picsellia payload: it holds no boxes for \(statement)",
            help: "load its ground truth and predictions: load GT.json PREDICTIONS.json")
    }
}
