import EvalCore
import EvalFormats

extension Executor {
    func summary() throws(ExecutionError) -> SummaryResult {
        let session = try current()
        return summary(of: session)
    }

    func summary(of session: EvaluationSession) -> SummaryResult {
        // Both families of numbers, each with its index on first use: side by side.
        session.prefetchCOCOMetrics()
        let view = session.view()
        var coco: COCOMetrics?
        var reason: String?
        switch session.cocoMetrics() {
        case .success(let metrics)?: coco = metrics
        case .failure(.missingScore(let index))?:
            reason = "prediction \(index) has no score; COCO metrics rank predictions by score"
        case nil:
            reason = "a Picsellia payload holds no boxes to rank: COCO metrics need ground truth and predictions"
        }
        return SummaryResult(
            name: session.name, point: session.countsPoint, coco: coco?.stats, cocoUnavailable: reason,
            totals: view.totals(), perClass: classTotals(view, coco), metrics: session.state.metrics,
            imageCount: view.included.count, excludedCount: session.state.excluded.count)
    }

    func classTotals(_ view: EvaluationView, _ coco: COCOMetrics?) -> [ClassTotals] {
        let totals = view.perClassTotals()
        return view.labels.indices.map { c in
            ClassTotals(
                name: view.labels[c], totals: totals[c],
                ap: coco.map { $0.perClassAP[c] }, ap50: coco.map { $0.perClassAP50[c] }, classIndex: c,
                detail: coco?.perClass(c))
        }
    }

    func classes(sort: SortClause?) throws(ExecutionError) -> ClassTableResult {
        let session = try current()
        let coco = try? session.cocoMetrics()?.get()
        var rows = classTotals(session.view(), coco)
        if let sort {
            let key = try Self.classSortKey(sort.key)
            let descending = (sort.order ?? (key == nil ? .ascending : .descending)) == .descending
            rows = rows.enumerated().sorted { l, r in
                let (a, b) = (l.element, r.element)
                if let key {
                    let (x, y) = (key(a), key(b))
                    if x != y { return descending ? x > y : x < y }
                } else if a.name != b.name {
                    return descending ? a.name > b.name : a.name < b.name
                }
                return l.offset < r.offset
            }.map(\.element)
        }
        return ClassTableResult(rows: rows, point: session.countsPoint, sortedBy: sort.map { Self.classColumnName($0.key) })
    }

    /// The numeric columns `classes sort` takes, as their headers read.
    static let classSortColumns = [
        "AP", "AP50", "AP75", "APs", "APm", "APl", "AR100", "precision", "recall", "F1", "TP", "FP", "FN", "objects", "preds",
    ]

    /// The header of the column a (valid) class sort key names: `f1` → `F1`, `name` → `class`.
    static func classColumnName(_ reference: Reference) -> String {
        let key = reference.name.text.lowercased()
        if key == "name" || key == "class" { return "class" }
        return classSortColumns.first { $0.lowercased() == key } ?? reference.name.text
    }

    /// A numeric key of a class row; nil for `name` (sorted as text).
    static func classSortKey(_ reference: Reference) throws(ExecutionError) -> ((ClassTotals) -> Double)? {
        switch reference.name.text.lowercased() {
        case "name", "class": return nil
        case "ap": return { $0.ap ?? -1 }
        case "ap50": return { $0.ap50 ?? -1 }
        case "ap75": return { $0.detail?.ap75 ?? -1 }
        case "aps": return { $0.detail?.apSmall ?? -1 }
        case "apm": return { $0.detail?.apMedium ?? -1 }
        case "apl": return { $0.detail?.apLarge ?? -1 }
        case "ar100": return { $0.detail?.ar100 ?? -1 }
        case "precision": return { $0.totals.precision }
        case "recall": return { $0.totals.recall }
        case "f1": return { $0.totals.f1 }
        case "tp": return { Double($0.totals.tp) }
        case "fp": return { Double($0.totals.fp) }
        case "fn": return { Double($0.totals.fn) }
        case "objects": return { Double($0.totals.objects) }
        case "preds": return { Double($0.totals.predictions) }
        default:
            let keys = ["name"] + classSortColumns
            throw .unknownName(
                reference.name.text, expected: "class column (\(keys.joined(separator: ", ")))",
                suggestion: Suggestion.closest(to: reference.name.text, among: keys), at: reference.range)
        }
    }

    func metricList() throws(ExecutionError) -> MetricListResult {
        let session = try current()
        return MetricListResult(
            evaluation: session.name, metrics: session.state.metrics.map { MetricListResult.Entry(name: $0.key, value: $0.value) })
    }

    func matrix(_ normalize: MatrixNormalization?, top: Int?) throws(ExecutionError) -> MatrixResult {
        let session = try current()
        guard let counts = session.view().confusion else {
            throw .unavailable(
                "\(session.name) was loaded without its confusion-matrix log",
                help: "load the payload with its matrix: load evaluation.json confusion-matrix.json")
        }
        if let top, top < 1 { throw .invalidValue("'top' needs at least 1 class", at: nil) }
        let mode: MatrixResult.Normalization
        switch normalize {
        case nil: mode = .none
        case .groundTruth?: mode = .groundTruth
        case .prediction?: mode = .prediction
        }
        return MatrixResult(labels: session.state.labels, counts: counts, normalization: mode, top: top, point: session.countsPoint)
    }

    func split() throws(ExecutionError) -> BarChartResult {
        let session = try current()
        let view = session.view()
        let bars = view.labels.indices.map { (label: view.labels[$0], value: Double(view.totals(classIndex: $0).predictions)) }
        return BarChartResult(
            title: "predictions per class (confidence ≥ \(session.countsPoint.confidence))",
            bars: bars.sorted { $0.value > $1.value })
    }

    func precisionRecall(_ className: Name?) throws(ExecutionError) -> CurveResult {
        let session = try current()
        guard let result = session.cocoMetrics() else {
            throw .unavailable("a Picsellia payload holds no boxes to rank: a PR curve needs ground truth and predictions", help: nil)
        }
        let coco: COCOMetrics
        switch result {
        case .success(let m): coco = m
        case .failure(.missingScore(let i)): throw .unavailable("prediction \(i) has no score; a PR curve ranks by score", help: nil)
        }
        let view = session.view()
        let classes = try className.map { (n: Name) throws(ExecutionError) in [try ClassLookup.index(of: n, in: view.labels)] }
            ?? Array(view.labels.indices)
        let recall = (0..<coco.shape.r).map { Double($0) / Double(coco.shape.r - 1) }
        /// The mean over classes and IoU thresholds of each recall point's precision, skipping the
        /// -1 entries of classes without ground truth, as COCO's averages do.
        func mean(_ ious: Range<Int>) -> [Double] {
            var sums = [Double](repeating: 0, count: coco.shape.r)
            var counts = [Int](repeating: 0, count: coco.shape.r)
            for t in ious {
                for c in classes {
                    for (r, p) in coco.precisionCurve(iouIndex: t, classIndex: c).enumerated() where p > -1 {
                        sums[r] += p
                        counts[r] += 1
                    }
                }
            }
            return zip(sums, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
        }
        let totals = view.totals(classIndex: className == nil ? nil : classes[0])
        let subject = className == nil ? "all classes" : view.labels[classes[0]]
        return CurveResult(
            title: "precision–recall, \(subject)", recall: recall,
            series: [
                .init(name: "IoU 0.50", precision: mean(0..<1)),
                .init(name: "IoU 0.50:0.95 (COCO)", precision: mean(0..<coco.shape.t)),
            ],
            operatingPoint: (totals.recall, totals.precision))
    }
}
