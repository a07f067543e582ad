import EvalCore

extension Executor {
    /// `compare A B [matrix | classes | where … | show FILE]`: two evaluations side by side, the
    /// change B − A, classes matched by name and images by filename. Afterwards `A.X`, `B.X` and
    /// `delta.X` name the pair's values in `assert`.
    func compare(_ a: Name, _ b: Name, _ view: CompareView) throws(ExecutionError) -> [QueryResult] {
        let left = try evaluation(a), right = try evaluation(b)
        let pair = try ComparedPair.sharingImages(left, right)
        workspace.comparison = (left.name, right.name)
        switch view {
        case .summary: return [.table(pair.summaryTable())] + pair.notes.map { .message(Message($0, level: .note)) }
        case .classes(let sort): return [.table(try pair.classesTable(sort: sort))]
        case .matrix: return try pair.matrices()
        case .boxes(let query): return [.table(try compareBoxes(left, right, query))]
        case .images(let query): return [.table(try pair.imagesTable(query))] + pair.notes.map { .message(Message($0, level: .note)) }
        case .show(let filename):
            var results: [QueryResult] = []
            for session in [left, right] {
                let saved = workspace.current
                workspace.use(session)
                defer { if let saved { workspace.use(saved) } }
                var view = try imageView(filename)
                view.subject = session.name
                results.append(.imageView(view))
            }
            return results
        }
    }
}

/// Two evaluations matched for a comparison: classes by name, images by filename.
struct ComparedPair {
    let a: EvaluationSession
    let b: EvaluationSession
    let viewA: EvaluationView
    let viewB: EvaluationView
    /// Class names in both, in A's order, with their index on each side.
    let classes: [(name: String, a: Int, b: Int)]
    /// Images in both (and counted on both sides), in A's order.
    let images: [(a: Int, b: Int)]
    let notes: [String]

    init(_ a: EvaluationSession, _ b: EvaluationSession) {
        self.a = a
        self.b = b
        viewA = a.view()
        viewB = b.view()
        var classes: [(String, Int, Int)] = []
        for (i, name) in viewA.labels.enumerated() {
            if let j = viewB.labels.firstIndex(of: name) { classes.append((name, i, j)) }
        }
        self.classes = classes
        let includedB = Set(viewB.included)
        var images: [(Int, Int)] = []
        for i in viewA.included {
            if let j = viewB.indexByFilename[viewA.filenames[i]], includedB.contains(j) { images.append((i, j)) }
        }
        self.images = images
        var notes: [String] = []
        let labelsA = viewA.labels, labelsB = viewB.labels
        let onlyA = labelsA.filter { !labelsB.contains($0) }, onlyB = labelsB.filter { !labelsA.contains($0) }
        if !onlyA.isEmpty { notes.append("classes only in \(a.name): \(onlyA.joined(separator: ", "))") }
        if !onlyB.isEmpty { notes.append("classes only in \(b.name): \(onlyB.joined(separator: ", "))") }
        let leftOutA = viewA.included.count - images.count, leftOutB = viewB.included.count - images.count
        if a.countsPoint != b.countsPoint {
            notes.append(
                "different operating points: \(Self.points(a, b)); precision, recall and the counts compare different "
                    + "thresholds (metric both iou=… confidence=… aligns them)")
        }
        if leftOutA > 0 || leftOutB > 0 {
            notes.append("compared on \(images.count) common images; left out: \(leftOutA) of \(a.name), \(leftOutB) of \(b.name)")
        }
        self.notes = notes
    }

    /// The pair, when the two evaluations share at least one image (by filename): with none,
    /// every change would read 0 and a gate on it would pass on nothing.
    static func sharingImages(_ a: EvaluationSession, _ b: EvaluationSession) throws(ExecutionError) -> ComparedPair {
        let pair = ComparedPair(a, b)
        guard !pair.images.isEmpty else {
            throw .unavailable(
                "\(a.name) and \(b.name) share no image (images are matched by filename; \(pair.viewA.included.count) "
                    + "in \(a.name), \(pair.viewB.included.count) in \(b.name)): there is nothing to compare",
                help: "compare two evaluations of the same images")
        }
        return pair
    }

    /// True when the sides count at different operating points: their counts, precision, recall
    /// and F1 differ by thresholds as well as by model, so a change in them is neither better nor worse.
    var mixedPoints: Bool { a.countsPoint != b.countsPoint }

    /// `higherIsBetter` for a point-dependent change; nil (no ▲/▼) across operating points.
    func direction(_ higherIsBetter: Bool) -> Bool? { mixedPoints ? nil : higherIsBetter }

    /// Both sides' operating points, as the notes and warnings name them.
    static func points(_ a: EvaluationSession, _ b: EvaluationSession) -> String {
        "\(a.name) iou=\(a.countsPoint.iou) confidence=\(a.countsPoint.confidence), "
            + "\(b.name) iou=\(b.countsPoint.iou) confidence=\(b.countsPoint.confidence)"
    }

    /// Why a payload's recorded statistics do not serve a comparison on fewer images.
    static func recordedForAllImages(_ session: EvaluationSession) -> String {
        "\(session.name)'s COCO statistics are recorded for all its images, but only the images both sides hold are "
            + "compared, and without boxes they cannot be recomputed"
    }

    /// Why COCO statistics are missing on a side, if they are: no boxes and nothing recorded, or
    /// statistics recorded for all of a payload's images when only some are shared.
    private func cocoNotes(cocoA: COCOMetrics?, cocoB: COCOMetrics?) -> [String] {
        var notes: [String] = []
        for (coco, session, source) in [(cocoA, a, sideA), (cocoB, b, sideB)] where coco == nil && source.recorded.isEmpty {
            notes.append(
                session.recordedStatistics.isEmpty
                    ? "\(session.name) has no COCO statistics: no boxes, and none recorded in its metrics"
                    : Self.recordedForAllImages(session))
        }
        return notes
    }

    /// Each side's COCO metrics over the common images (nil for a payload, or without scores).
    func cocoA() -> COCOMetrics? { try? sideA.coco()?.get() }
    func cocoB() -> COCOMetrics? { try? sideB.coco()?.get() }

    /// One row: a name, A's value, B's value and the change B − A.
    private func row(_ name: String, _ x: Double?, _ y: Double?, higherIsBetter: Bool?, whole: Bool = false) -> [Cell] {
        func cell(_ v: Double?) -> Cell { v.map { whole ? .int(Int($0)) : .double($0) } ?? .null }
        guard let x, let y else { return [.string(name), cell(x), cell(y), .null] }
        return [.string(name), cell(x), cell(y), .change(y - x, higherIsBetter: higherIsBetter, whole: whole)]
    }

    func summaryTable() -> ResultTable {
        let cocoA = self.cocoA(), cocoB = self.cocoB()
        let recordedA = sideA.recorded, recordedB = sideB.recorded
        var rows: [[Cell]] = []
        var recordedNote: [String] = []
        if cocoA != nil || cocoB != nil || !recordedA.isEmpty || !recordedB.isEmpty {
            for (i, name) in COCOMetrics.statNames.enumerated() {
                rows.append(row(name, cocoA?.stats[i] ?? recordedA[name], cocoB?.stats[i] ?? recordedB[name], higherIsBetter: true))
            }
            let recordedSides = [(cocoA, recordedA, a.name), (cocoB, recordedB, b.name)].filter { $0.0 == nil && !$0.1.isEmpty }
            if !recordedSides.isEmpty {
                recordedNote = ["COCO statistics of \(recordedSides.map(\.2).joined(separator: " and ")) as recorded in its metrics"]
            }
        }
        let ta = viewA.counts.totals(images: images.map(\.a)), tb = viewB.counts.totals(images: images.map(\.b))
        rows.append(row("precision", ta.precision, tb.precision, higherIsBetter: direction(true)))
        rows.append(row("recall", ta.recall, tb.recall, higherIsBetter: direction(true)))
        rows.append(row("F1", ta.f1, tb.f1, higherIsBetter: direction(true)))
        rows.append(row("TP", Double(ta.tp), Double(tb.tp), higherIsBetter: direction(true), whole: true))
        rows.append(row("FP", Double(ta.fp), Double(tb.fp), higherIsBetter: direction(false), whole: true))
        rows.append(row("FN", Double(ta.fn), Double(tb.fn), higherIsBetter: direction(false), whole: true))
        let pa = a.countsPoint
        return ResultTable(
            title: "\(a.name) → \(b.name) (change = \(b.name) − \(a.name); ▲ better, ▼ worse)",
            columns: ["value", a.name, b.name, "change"], rows: rows,
            notes: (pa == b.countsPoint ? ["operating point of both: iou=\(pa.iou) confidence=\(pa.confidence)"] : [])
                + recordedNote
                + cocoNotes(cocoA: cocoA, cocoB: cocoB))
    }

    /// Per class: B's AP and F1 with every change (the data formats carry both sides).
    func classesTable(sort: SortClause?) throws(ExecutionError) -> ResultTable {
        let cocoA = self.cocoA(), cocoB = self.cocoB()
        let imagesA = images.map(\.a), imagesB = images.map(\.b)
        struct Entry { var changes: [String: Double]; var cells: [Cell] }
        var entries: [Entry] = classes.map { c in
            let ta = viewA.counts.totals(images: imagesA, classIndex: c.a)
            let tb = viewB.counts.totals(images: imagesB, classIndex: c.b)
            let ap = (cocoA?.perClassAP[c.a], cocoB?.perClassAP[c.b]), ap50 = (cocoA?.perClassAP50[c.a], cocoB?.perClassAP50[c.b])
            func change(_ pair: (Double?, Double?)) -> Double? {
                guard let x = pair.0, let y = pair.1, x >= 0, y >= 0 else { return nil }
                return y - x
            }
            let changes: [String: Double?] = [
                "ap": change(ap), "ap50": change(ap50), "precision": tb.precision - ta.precision,
                "recall": tb.recall - ta.recall, "f1": tb.f1 - ta.f1,
                "tp": Double(tb.tp - ta.tp), "fp": Double(tb.fp - ta.fp), "fn": Double(tb.fn - ta.fn),
            ]
            func cell(_ key: String, _ higherIsBetter: Bool, whole: Bool = false) -> Cell {
                // AP does not depend on the operating point; the other changes do.
                let direction = key.hasPrefix("ap") ? higherIsBetter : self.direction(higherIsBetter)
                return changes[key].flatMap { $0 }.map { .change($0, higherIsBetter: direction, whole: whole) } ?? .null
            }
            let cells: [Cell] = [
                .string(c.name), ap.1.flatMap { $0 >= 0 ? Cell.double($0) : nil } ?? .null, cell("ap", true), cell("ap50", true),
                cell("precision", true), cell("recall", true), .double(tb.f1), cell("f1", true),
                cell("tp", true, whole: true), cell("fp", false, whole: true), cell("fn", false, whole: true),
            ]
            return Entry(changes: changes.compactMapValues { $0 }, cells: cells)
        }
        if let sort {
            let key = sort.key.name.text.lowercased()
            let keys = ["AP", "AP50", "precision", "recall", "F1", "TP", "FP", "FN"]
            guard keys.contains(where: { $0.lowercased() == key }) || key == "name" else {
                throw .unknownName(
                    sort.key.name.text, expected: "change to sort by (\(keys.joined(separator: ", ")), or name)",
                    suggestion: Suggestion.closest(to: sort.key.name.text, among: keys), at: sort.key.range)
            }
            let descending = (sort.order ?? .ascending) == .descending
            entries = entries.enumerated().sorted { l, r in
                if key == "name" {
                    let (x, y) = (classes[l.offset].name, classes[r.offset].name)
                    return x != y ? (descending ? x > y : x < y) : l.offset < r.offset
                }
                // Classes without the value (no ground truth) go last either way.
                let (x, y) = (l.element.changes[key], r.element.changes[key])
                switch (x, y) {
                case (let x?, let y?) where x != y: return descending ? x > y : x < y
                case (nil, _?): return false
                case (_?, nil): return true
                default: return l.offset < r.offset
                }
            }.map(\.element)
        }
        let (A, B) = (a.name, b.name)
        return ResultTable(
            title: "per class, \(A) → \(B): \(B)'s AP and F1 with each change (sort by a change: "
                + "compare \(A) \(B) classes sort F1)",
            columns: ["class", "AP", "ΔAP", "ΔAP50", "Δprecision", "Δrecall", "F1", "ΔF1", "ΔTP", "ΔFP", "ΔFN"],
            rows: entries.map(\.cells),
            notes: notes + (cocoA == nil || cocoB == nil ? ["AP per class needs boxes on both sides (a payload records only the overall statistics)"] : []))
    }

    func matrices() throws(ExecutionError) -> [QueryResult] {
        guard let ca = confusion(viewA, images.map(\.a)), let cb = confusion(viewB, images.map(\.b)) else {
            throw .unavailable("both evaluations need a confusion matrix", help: nil)
        }
        // Every class of either side, A's first: a class one side lacks has a row and a column
        // of zeros there, so that its objects still count (a renamed class shows as moved).
        let names = viewA.labels + viewB.labels.filter { !viewA.labels.contains($0) }
        let ia = names.map { viewA.labels.firstIndex(of: $0) } + [viewA.classCount]
        let ib = names.map { viewB.labels.firstIndex(of: $0) } + [viewB.classCount]
        let sub = { (m: [[Int]], idx: [Int?]) in idx.map { r in idx.map { c in r.flatMap { r in c.map { m[r][$0] } } ?? 0 } } }
        let ma = sub(ca, ia), mb = sub(cb, ib)
        // On the diagonal more is better (objects found); elsewhere more is worse (confusions,
        // misses in the none column, false positives in the none row).
        let difference = ResultTable(
            title: "change \(b.name) − \(a.name), rows ground truth, columns predictions (green better, red worse)",
            columns: ["gt \\ pred"] + names + ["none"],
            rows: (names + ["none"]).enumerated().map { r, name in
                [.string(name)] + ma[r].indices.map { c in
                    let d = mb[r][c] - ma[r][c]
                    return d == 0 ? Cell.int(0) : .change(Double(d), higherIsBetter: direction(r == c && r < names.count), whole: true)
                }
            },
            notes: notes)
        return [
            .sideBySide([
                .matrix(MatrixResult(labels: names, counts: ma, point: a.countsPoint, subject: a.name)),
                .matrix(MatrixResult(labels: names, counts: mb, point: b.countsPoint, subject: b.name)),
            ]),
            .table(difference),
        ]
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

    func imagesTable(_ query: ImageQuery) throws(ExecutionError) -> ResultTable {
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
        let fields = ImageField.allCases.filter { $0 != .objects && $0 != .preds }
        var columns = ["filename", "objects"]
        for f in fields { columns += ["\(f.rawValue) \(b.name)", "Δ\(f.rawValue)"] }
        return ResultTable(
            title: (query.predicate.map { "compare \(a.name) \(b.name) where \($0)" } ?? "compare \(a.name) \(b.name)")
                + ": \(b.name)'s counts and the change from \(a.name)",
            columns: columns,
            rows: rows.map { r in
                let (i, j) = images[r]
                var cells: [Cell] = [.string(viewA.filenames[i]), .int(Int(ImageField.value(viewA.counts.nbObjects, image: i, classIndex: nil, classCount: viewA.classCount)))]
                for f in fields {
                    let x = Int(ImageField.value(f.column(viewA.counts), image: i, classIndex: nil, classCount: viewA.classCount))
                    let y = Int(ImageField.value(f.column(viewB.counts), image: j, classIndex: nil, classCount: viewB.classCount))
                    cells += [.int(y), .change(Double(y - x), higherIsBetter: direction(f == .tp), whole: true)]
                }
                return cells
            },
            notes: matched > rows.count ? ["\(matched) images matched, \(rows.count) shown"] : [])
    }
}

/// Names in `compare A B where …`: `A.FN`, `cand.FN[car]`, `delta.FN` (B − A) over the common
/// images (a row is an index into the pair's `images`); unqualified fields read B.
struct PairFieldResolver: ReferenceResolver {
    let pair: ComparedPair

    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled {
        let side = try self.side(reference.qualifier)
        var bare = reference
        bare.qualifier = nil
        let sideA = try field(bare, pair.viewA, classMap: { $0.a }), sideB = try field(bare, pair.viewB, classMap: { $0.b })
        let images = pair.images
        switch (side, sideA, sideB) {
        case (.a, .number(let f), _): return .number { (r: Int) throws(ExecutionError) in try f(images[r].a) }
        case (.b, _, .number(let g)): return .number { (r: Int) throws(ExecutionError) in try g(images[r].b) }
        case (.delta, .number(let f), .number(let g)):
            return .number { (r: Int) throws(ExecutionError) in try g(images[r].b) - f(images[r].a) }
        case (_, .text(let f), _): return .text { (r: Int) throws(ExecutionError) in try f(images[r].a) }
        default: throw .typeMismatch("'\(reference)' has no value here", at: reference.range)
        }
    }

    private enum Side { case a, b, delta }

    private func side(_ qualifier: Name?) throws(ExecutionError) -> Side {
        guard let q = qualifier?.text.lowercased() else { return .b }
        if q == "delta" { return .delta }
        if q == "a" || q == pair.a.name.lowercased() { return .a }
        if q == "b" || q == pair.b.name.lowercased() { return .b }
        throw .unknownEvaluation(
            qualifier!.text, suggestion: Suggestion.closest(to: qualifier!.text, among: [pair.a.name, pair.b.name, "delta"]),
            at: qualifier!.range)
    }

    /// A field on one side; a class is looked up by name among the classes both sides share.
    private func field(_ reference: Reference, _ view: EvaluationView, classMap: ((name: String, a: Int, b: Int)) -> Int)
        throws(ExecutionError) -> Compiled
    {
        var local = reference
        if let className = reference.className {
            let shared = pair.classes.map(\.name)
            let i = try ClassLookup.index(of: className, in: shared)
            local.className = Name(view.labels[classMap(pair.classes[i])])
        }
        return try ImageFieldResolver(view: view).resolve(local)
    }

    func has(_ name: Name) throws(ExecutionError) -> Compiled {
        guard case .condition(let f) = try ImageFieldResolver(view: pair.viewA).has(name) else { return .condition { _ in false } }
        let images = pair.images
        return .condition { (r: Int) throws(ExecutionError) in try f(images[r].a) }
    }

    func predicted(_ name: Name) throws(ExecutionError) -> Compiled {
        guard case .condition(let f) = try ImageFieldResolver(view: pair.viewB).predicted(name) else { return .condition { _ in false } }
        let images = pair.images
        return .condition { (r: Int) throws(ExecutionError) in try f(images[r].b) }
    }

    func rowText(_ row: Int) throws(ExecutionError) -> String {
        " for image \(pair.viewA.filenames[pair.images[row].a])"
    }
}
