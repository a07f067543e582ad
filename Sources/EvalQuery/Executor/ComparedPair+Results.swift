import EvalCore

/// The pair's views as typed results; EvalRender lays them out (`Compare…Result+Table`).
extension ComparedPair {
    /// COCO statistics (computed over the common images, or as a payload recorded them), then
    /// the rates and counts at each side's operating point.
    func summary() -> CompareSummaryResult {
        let cocoA = self.cocoA(), cocoB = self.cocoB()
        let recordedA = sideA.recorded, recordedB = sideB.recorded
        var rows: [CompareSummaryResult.Row] = []
        var recordedSides: [String] = []
        if cocoA != nil || cocoB != nil || !recordedA.isEmpty || !recordedB.isEmpty {
            for (i, name) in COCOMetrics.statNames.enumerated() {
                rows.append(.init(
                    name: name, a: cocoA?.stats[i] ?? recordedA[name], b: cocoB?.stats[i] ?? recordedB[name],
                    dependsOnPoint: false, higherIsBetter: true))
            }
            recordedSides = [(cocoA, recordedA, a.name), (cocoB, recordedB, b.name)].filter { $0.0 == nil && !$0.1.isEmpty }.map(\.2)
        }
        let ta = viewA.counts.totals(images: images.map(\.a)), tb = viewB.counts.totals(images: images.map(\.b))
        func rate(_ name: String, _ value: (Totals) -> Double) -> CompareSummaryResult.Row {
            .init(name: name, a: value(ta), b: value(tb), dependsOnPoint: true, higherIsBetter: true)
        }
        func count(_ name: String, _ value: (Totals) -> Int, higherIsBetter: Bool) -> CompareSummaryResult.Row {
            .init(name: name, a: Double(value(ta)), b: Double(value(tb)), dependsOnPoint: true, higherIsBetter: higherIsBetter, whole: true)
        }
        rows += [
            rate("precision", \.precision), rate("recall", \.recall), rate("F1", \.f1),
            count("TP", \.tp, higherIsBetter: true), count("FP", \.fp, higherIsBetter: false),
            count("FN", \.fn, higherIsBetter: false),
        ]
        var missing: [(side: String, reason: CompareSummaryResult.MissingStatistics)] = []
        for (coco, session, source) in [(cocoA, a, sideA), (cocoB, b, sideB)] where coco == nil && source.recorded.isEmpty {
            missing.append((session.name, session.recordedStatistics.isEmpty ? .noBoxes : .recordedForAllImages))
        }
        return CompareSummaryResult(
            a: a.name, b: b.name, rows: rows, sharedPoint: mixedPoints ? nil : a.countsPoint, recordedSides: recordedSides,
            missing: missing)
    }

    /// Per class both sides hold: B's AP and F1 with every change, sorted as asked.
    func classes(sort: SortClause?) throws(ExecutionError) -> CompareClassesResult {
        let cocoA = self.cocoA(), cocoB = self.cocoB()
        let imagesA = images.map(\.a), imagesB = images.map(\.b)
        var rows: [CompareClassesResult.Row] = classes.map { c in
            let ta = viewA.counts.totals(images: imagesA, classIndex: c.a)
            let tb = viewB.counts.totals(images: imagesB, classIndex: c.b)
            let ap = (cocoA?.perClassAP[c.a], cocoB?.perClassAP[c.b]), ap50 = (cocoA?.perClassAP50[c.a], cocoB?.perClassAP50[c.b])
            // AP is -1 for a class without ground truth: no value, no change.
            func change(_ pair: (Double?, Double?)) -> Double? {
                guard let x = pair.0, let y = pair.1, x >= 0, y >= 0 else { return nil }
                return y - x
            }
            return CompareClassesResult.Row(
                name: c.name, ap: ap.1.flatMap { $0 >= 0 ? $0 : nil }, apChange: change(ap), ap50Change: change(ap50),
                precisionChange: tb.precision - ta.precision, recallChange: tb.recall - ta.recall, f1: tb.f1,
                f1Change: tb.f1 - ta.f1, tpChange: tb.tp - ta.tp, fpChange: tb.fp - ta.fp, fnChange: tb.fn - ta.fn)
        }
        if let sort { rows = try Self.sorted(rows, by: sort) }
        return CompareClassesResult(
            a: a.name, b: b.name, rows: rows, mixedPoints: mixedPoints, lacksClassAP: cocoA == nil || cocoB == nil, notes: notes)
    }

    /// The rows in the order of a change (or of `name`); rows without the value go last either way.
    private static func sorted(_ rows: [CompareClassesResult.Row], by sort: SortClause) throws(ExecutionError)
        -> [CompareClassesResult.Row]
    {
        let key = sort.key.name.text.lowercased()
        let keys = ["AP", "AP50", "precision", "recall", "F1", "TP", "FP", "FN"]
        guard keys.contains(where: { $0.lowercased() == key }) || key == "name" else {
            throw .unknownName(
                sort.key.name.text, expected: "change to sort by (\(keys.joined(separator: ", ")), or name)",
                suggestion: Suggestion.closest(to: sort.key.name.text, among: keys), at: sort.key.range)
        }
        func value(_ row: CompareClassesResult.Row) -> Double? {
            switch key {
            case "ap": return row.apChange
            case "ap50": return row.ap50Change
            case "precision": return row.precisionChange
            case "recall": return row.recallChange
            case "f1": return row.f1Change
            case "tp": return Double(row.tpChange)
            case "fp": return Double(row.fpChange)
            default: return Double(row.fnChange)
            }
        }
        let descending = (sort.order ?? .ascending) == .descending
        return rows.enumerated().sorted { l, r in
            if key == "name" {
                let (x, y) = (l.element.name, r.element.name)
                return x != y ? (descending ? x > y : x < y) : l.offset < r.offset
            }
            switch (value(l.element), value(r.element)) {
            case (let x?, let y?) where x != y: return descending ? x > y : x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return l.offset < r.offset
            }
        }.map(\.element)
    }

    /// Both confusion matrices over the common images, on every class of either side, A's
    /// first: a class one side lacks has a row and a column of zeros there, so that its objects
    /// still count (a renamed class shows as moved).
    func matrices() throws(ExecutionError) -> CompareMatrixResult {
        guard let ca = confusion(viewA, images.map(\.a)), let cb = confusion(viewB, images.map(\.b)) else {
            throw .unavailable("both evaluations need a confusion matrix", help: nil)
        }
        let names = viewA.labels + viewB.labels.filter { !viewA.labels.contains($0) }
        let ia = names.map { viewA.labels.firstIndex(of: $0) } + [viewA.classCount]
        let ib = names.map { viewB.labels.firstIndex(of: $0) } + [viewB.classCount]
        let sub = { (m: [[Int]], idx: [Int?]) in idx.map { r in idx.map { c in r.flatMap { r in c.map { m[r][$0] } } ?? 0 } } }
        return CompareMatrixResult(
            a: a.name, b: b.name, labels: names, countsA: sub(ca, ia), countsB: sub(cb, ib), mixedPoints: mixedPoints,
            notes: notes)
    }

    /// A side's confusion matrix over the common images: summed from the images behind each
    /// cell when boxes are loaded; a payload's matrix (which has no per-image counts) as it is.
    private func confusion(_ view: EvaluationView, _ common: [Int]) -> [[Int]]? {
        guard let whole = view.confusion else { return nil }
        guard view.result != nil, common.count < view.included.count else { return whole }
        let keep = Set(common)
        return whole.indices.map { r in
            whole[r].indices.map { c in view.images(inCell: r, c).reduce(0) { keep.contains($1.image) ? $0 + ($1.count ?? 0) : $0 } }
        }
    }

    /// The common images a query selects, with both sides' counts.
    func images(_ query: ImageQuery) throws(ExecutionError) -> CompareImagesResult {
        let resolver = PairFieldResolver(pair: self)
        var rows = Array(images.indices)
        if let predicate = query.predicate {
            let test = try ExpressionCompiler.condition(predicate, resolver)
            rows = try ExpressionCompiler.filter(rows, test)
        }
        if let sort = query.sort {
            guard case .number(let key) = try ExpressionCompiler.compile(.reference(sort.key), resolver) else {
                throw .typeMismatch("sort takes a numeric field", at: sort.key.range)
            }
            let descending = (sort.order ?? .descending) == .descending
            var keys: [Double] = []
            for row in rows { keys.append(try key(row)) }
            rows = rows.indices.sorted { l, r in
                let (x, y) = (keys[l], keys[r])
                return x != y ? (descending ? x > y : x < y) : l < r
            }.map { rows[$0] }
        }
        let matched = rows.count
        if let limit = query.limit { rows = Array(rows.prefix(limit)) }
        return CompareImagesResult(
            a: a.name, b: b.name, predicate: query.predicate.map { "\($0)" },
            rows: rows.map { r in
                let (i, j) = images[r]
                return .init(filename: viewA.filenames[i], a: viewA.counts.totals(images: [i]), b: viewB.counts.totals(images: [j]))
            },
            matched: matched, mixedPoints: mixedPoints)
    }
}
