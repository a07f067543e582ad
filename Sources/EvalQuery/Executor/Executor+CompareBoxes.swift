import EvalCore

/// `compare A B boxes [where …] [sort …] [limit N]`: the boxes whose fate changed from A to B.
extension Executor {
    /// Objects are paired by annotation, so A and B must share their ground truth (one file);
    /// predictions are paired only when they share their predictions too (two operating points
    /// or two sets of edits of one evaluation), otherwise only objects are listed. The fields of
    /// a change are those of its row in B, or in A when B has none (a prediction dropped below
    /// B's threshold); `before` and `after` columns give the two fates (`—` for no row).
    func compareBoxes(_ a: EvaluationSession, _ b: EvaluationSession, _ query: ImageQuery) throws(ExecutionError) -> CompareBoxesResult {
        let viewA = a.view(), viewB = b.view()
        guard case .boxes(let evaluatorA) = a.data, case .boxes(let evaluatorB) = b.data,
              viewA.result != nil, viewB.result != nil else {
            throw .unavailable("compare … boxes needs the boxes of both sides: a Picsellia payload holds none", help: nil)
        }
        let gtA = evaluatorA.groundTruth.annotations, gtB = evaluatorB.groundTruth.annotations
        guard gtA.count == gtB.count, gtA.image == gtB.image, gtA.category == gtB.category, gtA.x == gtB.x,
              gtA.y == gtB.y, gtA.width == gtB.width, gtA.height == gtB.height else {
            throw .unavailable(
                "\(a.name) and \(b.name) have different ground truth: their objects cannot be paired",
                help: "compare boxes of two evaluations loaded with the same ground-truth file")
        }
        let dtA = evaluatorA.detections, dtB = evaluatorB.detections
        let samePredictions = dtA.count == dtB.count && dtA.image == dtB.image && dtA.category == dtB.category
            && dtA.score.elementsEqual(dtB.score) { $0 == $1 || $0.isNaN && $1.isNaN } && dtA.x == dtB.x && dtA.y == dtB.y
        guard let tableA = a.boxTable() else { throw Self.noBoxes(a, "compare … boxes") }
        guard let tableB = b.boxTable() else { throw Self.noBoxes(b, "compare … boxes") }
        var changes = BoxTable.fateChanges(
            from: tableA, to: tableB, annotationCount: gtA.count, predictionCount: samePredictions ? dtA.count : nil)

        let resolverA = BoxFieldResolver(table: tableA, labels: viewA.labels, filenames: viewA.filenames)
        let resolverB = BoxFieldResolver(table: tableB, labels: viewB.labels, filenames: viewB.filenames)
        /// A change's value of a compiled field: B's row, else A's.
        func side<T>(
            _ fa: @escaping (Int) throws(ExecutionError) -> T, _ fb: @escaping (Int) throws(ExecutionError) -> T
        ) -> (BoxFateChange) throws(ExecutionError) -> T {
            { (change: BoxFateChange) throws(ExecutionError) -> T in
                if let after = change.rowAfter { return try fb(after) }
                return try fa(change.rowBefore!)
            }
        }
        if let predicate = query.predicate {
            let testA = try ExpressionCompiler.condition(try resolverA.literals(predicate), resolverA)
            let testB = try ExpressionCompiler.condition(try resolverB.literals(predicate), resolverB)
            let test = side(testA, testB)
            var kept: [BoxFateChange] = []
            for change in changes where try test(change) { kept.append(change) }
            changes = kept
        }
        if let sort = query.sort {
            let descending: Bool
            let keys: [(Double, String)]
            switch (try ExpressionCompiler.compile(.reference(sort.key), resolverA),
                    try ExpressionCompiler.compile(.reference(sort.key), resolverB)) {
            case (.number(let fa), .number(let fb)):
                descending = (sort.order ?? .descending) == .descending
                let key = side(fa, fb)
                var values: [(Double, String)] = []
                for change in changes { values.append((try key(change), "")) }
                keys = values
            case (.text(let fa), .text(let fb)):
                descending = sort.order == .descending
                let key = side(fa, fb)
                var values: [(Double, String)] = []
                for change in changes { values.append((0, try key(change))) }
                keys = values
            default:
                throw .typeMismatch("sort takes a field, not a condition", at: sort.key.range)
            }
            let order = changes.indices.sorted { l, r in
                let (x, y) = (keys[l], keys[r])
                if x.0.isNaN != y.0.isNaN { return y.0.isNaN }
                if x.0 != y.0 && !x.0.isNaN { return descending ? x.0 > y.0 : x.0 < y.0 }
                if x.1 != y.1 { return descending ? x.1 > y.1 : x.1 < y.1 }
                return l < r
            }
            changes = order.map { changes[$0] }
        }
        let matched = changes.count
        if let limit = query.limit { changes = Array(changes.prefix(max(limit, 0))) }

        return CompareBoxesResult(
            a: a.name, b: b.name, predicate: query.predicate.map { "\($0)" },
            before: BoxListResult(title: "", table: tableA, rows: [], matched: 0, labels: viewA.labels, filenames: viewB.filenames),
            after: BoxListResult(title: "", table: tableB, rows: [], matched: 0, labels: viewB.labels, filenames: viewB.filenames),
            changes: changes, matched: matched, pairsPredictions: samePredictions)
    }
}
