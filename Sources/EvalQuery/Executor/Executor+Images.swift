import EvalCore

extension Executor {
    /// `images [where …] [sort …] [limit N]` and `where …`.
    func images(_ query: ImageQuery, title: String?) throws(ExecutionError) -> ImageListResult {
        let session = try current()
        let view = session.view()
        let rows = try select(view.included, in: view, query, resolver: ImageFieldResolver(view: view))
        return ImageListResult(
            labels: view.labels, rows: rows.selected.map { view.row($0) }, matched: rows.matched, title: title)
    }

    /// `cell GT PRED [where …] [sort …] [limit N]`: the images behind one confusion cell.
    func cell(_ gt: ClassRef, _ pred: ClassRef, _ query: ImageQuery) throws(ExecutionError) -> ImageListResult {
        let session = try current()
        let view = session.view()
        let row = try axisIndex(gt, view), column = try axisIndex(pred, view)
        let behind = view.images(inCell: row, column)
        var counts: [Int: Int] = [:]
        for entry in behind { counts[entry.image] = entry.count ?? 0 }
        let haveCounts = behind.allSatisfy { $0.count != nil }
        var query = query
        if query.sort == nil, haveCounts { query.sort = SortClause(Reference("count"), .descending) }
        let resolver = ImageFieldResolver(view: view, cellCounts: counts)
        let rows = try select(behind.map(\.image), in: view, query, resolver: resolver)
        let name = { (i: Int) in i == view.classCount ? "none" : view.labels[i] }
        return ImageListResult(
            labels: view.labels,
            rows: rows.selected.map { view.row($0, extra: haveCounts ? counts[$0] : nil) },
            matched: rows.matched, title: "cell \(name(row)) → \(name(column)) (ground truth → predicted)",
            extraColumn: haveCounts ? "count" : nil)
    }

    /// A row or column of the matrix: a class, `none`, or its number as printed on the axes.
    func axisIndex(_ ref: ClassRef, _ view: EvaluationView) throws(ExecutionError) -> Int {
        switch ref {
        case .background: return view.classCount
        case .name(let name): return try ClassLookup.index(of: name, in: view.labels)
        case .index(let i, let range):
            guard i >= 1, i <= view.classCount + 1 else {
                throw .indexOutOfRange(i, count: view.classCount + 1, at: range)
            }
            return i - 1
        }
    }

    /// Filters, sorts and limits `candidates` (image indices); `matched` counts before the limit.
    func select(
        _ candidates: [Int], in view: EvaluationView, _ query: ImageQuery, resolver: some ReferenceResolver
    ) throws(ExecutionError) -> (selected: [Int], matched: Int) {
        var images = candidates
        if let predicate = query.predicate {
            let test = try ExpressionCompiler.condition(predicate, resolver)
            images = try ExpressionCompiler.filter(images, test)
        }
        if let sort = query.sort {
            let key = try ExpressionCompiler.compile(.reference(sort.key), resolver)
            switch key {
            case .number(let f):
                var values: [Double] = []
                for image in images { values.append(try f(image)) }
                let descending = (sort.order ?? .descending) == .descending
                images = images.indices.sorted { l, r in
                    let (a, b) = (values[l], values[r])
                    return a != b ? (descending ? a > b : a < b) : l < r
                }.map { images[$0] }
            case .text(let f):
                var values: [String] = []
                for image in images { values.append(try f(image)) }
                let descending = sort.order == .descending
                images = images.indices.sorted { l, r in
                    let (a, b) = (values[l], values[r])
                    return a != b ? (descending ? a > b : a < b) : l < r
                }.map { images[$0] }
            case .condition:
                throw .typeMismatch("sort takes a field, not a condition", at: sort.key.range)
            }
        }
        let matched = images.count
        if let limit = query.limit { images = Array(images.prefix(max(limit, 0))) }
        return (images, matched)
    }

    /// `show FILENAME [svg OUT.svg]`: the image's objects, each with its fate, and the SVG
    /// drawing written by the host when asked.
    func show(_ filename: Name, svg: Name?) throws(ExecutionError) -> [QueryResult] {
        let view = try imageView(filename)
        guard let svg else { return [.imageView(view)] }
        return [.imageView(view), .message(try requireShell("show \(filename.text) svg \(svg.text)").write(.svg(view), to: svg))]
    }

    /// The objects of the image called `filename` in the current evaluation.
    func imageView(_ filename: Name) throws(ExecutionError) -> ImageViewResult {
        let session = try current()
        let view = session.view()
        let image = try imageIndex(filename, in: view, ids: imageIDs(session))
        switch session.data {
        case .boxes(let evaluator):
            guard let result = view.result else {
                throw .unavailable("\(session.name) has no operating-point result to draw", help: nil)
            }
            return Self.imageView(image, evaluator: evaluator, result: result, view: view, point: session.countsPoint)
        case .payload(let payload, _):
            let entry = payload.perImage[image]
            let objects = zip(entry.bbox, entry.classes).map { box, classId in
                ViewObject(
                    kind: .prediction,
                    classIndex: payload.categories.firstIndex(of: String(classId)) ?? 0,
                    box: BoundingBox(x: box[1], y: box[0], width: box[3] - box[1], height: box[2] - box[0]),
                    score: nil, fate: .unknown, iou: nil, match: nil)
            }
            return ImageViewResult(
                filename: entry.filename, width: 1, height: 1, labels: view.labels, objects: objects, normalized: true,
                point: session.countsPoint)
        }
    }

    static func imageView(
        _ image: Int, evaluator: Evaluator, result: OperatingPointResult, view: EvaluationView, point: OperatingPoint
    ) -> ImageViewResult {
        let gt = evaluator.groundTruth, dt = evaluator.detections
        let gtIndices = (0..<gt.annotations.count).filter { Int(gt.annotations.image[$0]) == image }
        let dtIndices = (0..<dt.count).filter {
            Int(dt.image[$0]) == image && result.detectionFates[$0] != .belowConfidence && result.detectionFates[$0] != .excluded
        }
        var position: [Int: Int] = [:]  // annotation → row in objects
        for (row, a) in gtIndices.enumerated() { position[a] = row }
        var dtPosition: [Int: Int] = [:]
        for (row, d) in dtIndices.enumerated() { dtPosition[d] = gtIndices.count + row }
        var objects: [ViewObject] = gtIndices.map { a in
            let fate: ViewObject.Fate, iou: Double?, match: Int?
            switch result.groundTruthFates[a] {
            case .found(let d, let v): (fate, iou, match) = (.truePositive, v, dtPosition[Int(d)])
            case .confusedAs(let d, let v): (fate, iou, match) = (.confused(classIndex: Int(dt.category[Int(d)])), v, dtPosition[Int(d)])
            case .missed: (fate, iou, match) = (.missed, nil, nil)
            case .crowd, .excluded: (fate, iou, match) = (.crowd, nil, nil)
            }
            return ViewObject(
                kind: .groundTruth, classIndex: Int(gt.annotations.category[a]), box: gt.annotations.box(a), score: nil,
                fate: fate, iou: iou, match: match)
        }
        objects += dtIndices.map { d in
            let fate: ViewObject.Fate, iou: Double?, match: Int?
            switch result.detectionFates[d] {
            case .truePositive(let g, let v): (fate, iou, match) = (.truePositive, v, position[Int(g)])
            case .confused(let g, let v): (fate, iou, match) = (.confused(classIndex: Int(gt.annotations.category[Int(g)])), v, position[Int(g)])
            case .setAside(let g, let v): (fate, iou, match) = (.setAside, v, position[Int(g)])
            case .falsePositive: (fate, iou, match) = (.falsePositive, nil, nil)
            case .belowConfidence, .excluded: (fate, iou, match) = (.belowConfidence, nil, nil)
            }
            return ViewObject(
                kind: .prediction, classIndex: Int(dt.category[d]), box: dt.box(d), score: dt.score[d].isNaN ? nil : dt.score[d],
                fate: fate, iou: iou, match: match)
        }
        let info = gt.images[image]
        return ImageViewResult(
            filename: info.fileName, width: info.width, height: info.height, labels: view.labels, objects: objects,
            normalized: false, point: point)
    }
}
