import EvalCore

extension PicselliaEvaluation {
    /// Reads an `evaluation` log's data. Per-class arrays must have `labels.count` numbers;
    /// the holes of hand-written payloads are tolerated: no `metrics` (nil), ints for floats,
    /// no or empty `bbox`/`classes` for an image without predictions. Whether the counts add up
    /// is `PayloadCheck`'s business, not the reader's.
    /// Category ids written as numbers (`[1, 2]`) are read as their decimal text.
    public init(json: JSONValue, file: String) throws(FormatError) {
        do {
            try self.init(reading: JSONShapeReader(json))
        } catch {
            throw error.formatError(file: file)
        }
    }

    private init(reading root: JSONShapeReader) throws(JSONShapeReader.ShapeError) {
        let labels = try root.member("labels").strings()
        let n = labels.count
        if let (first, second) = COCOGroundTruthReader.firstRepeatedName(labels) {
            throw try root.member("labels").elements()[second].error(
                "class name \"\(labels[second])\" appears twice (labels[\(first)] and labels[\(second)]); "
                    + "class names must be unique, since statements name classes")
        }
        let categories = try root.member("categories").elements(count: n, of: "category ids").map {
            (element) throws(JSONShapeReader.ShapeError) -> String in
            if element.value.number != nil { return String(try element.integer()) }
            return try element.string()
        }
        let totalObjects = try root.member("total_objects").numbers(count: n)
        var perImage: [PicselliaImageEval] = []
        for entry in try root.member("per_image_eval").elements() {
            perImage.append(try Self.readImage(entry, classCount: n))
        }
        var matrix: [[[String]]] = []
        for row in try root.member("filename_matrix").elements(count: n + 1, of: "rows") {
            var cells: [[String]] = []
            for cell in try row.elements(count: n + 1, of: "cells") { cells.append(try cell.strings()) }
            matrix.append(cells)
        }
        var metrics: [(key: String, value: JSONValue)]?
        if let found = try root.optionalMember("metrics") {
            guard case .object(let members) = found.value else {
                throw found.error("expected an object, found \(JSONShapeReader.name(of: found.value))")
            }
            // The operating point's thresholds are used as numbers in [0, 1]: nothing else is.
            for (key, value) in members where key == "iou" || key == "confidence" {
                guard let number = value.number, number.isFinite, number >= 0, number <= 1 else {
                    let shown = value.number.map { "\($0)" } ?? JSONShapeReader.name(of: value)
                    throw try found.member(key).error(
                        "expected a number between 0 and 1 (the \(key == "iou" ? "IoU" : "confidence") threshold), found \(shown)")
                }
            }
            metrics = members
        }
        self.init(
            categories: categories, labels: labels, totalObjects: totalObjects, perImage: perImage,
            filenameMatrix: matrix, metrics: metrics)
    }

    private static func readImage(_ entry: JSONShapeReader, classCount n: Int) throws(JSONShapeReader.ShapeError)
        -> PicselliaImageEval
    {
        var boxes: [[Double]] = []
        for box in try entry.optionalMember("bbox")?.elements() ?? [] { boxes.append(try box.numbers(count: 4)) }
        var classes: [Int] = []
        for id in try entry.optionalMember("classes")?.elements() ?? [] { classes.append(try id.integer()) }
        return PicselliaImageEval(
            filename: try entry.member("filename").string(),
            nbObjects: try entry.member("nb_objects").numbers(count: n),
            nbPreds: try entry.member("nb_preds").numbers(count: n),
            tp: try entry.member("TP").numbers(count: n),
            fp: try entry.member("FP").numbers(count: n),
            fn: try entry.member("FN").numbers(count: n),
            bbox: boxes, classes: classes)
    }

    /// The log's data in the seed's key order; counts are written as floats (`9.0`).
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("categories", .array(categories.map { .string($0) })),
            ("labels", .array(labels.map { .string($0) })),
            ("total_objects", integers(totalObjects)),
            ("per_image_eval", .array(perImage.map(\.jsonValue))),
            ("filename_matrix", .array(filenameMatrix.map { row in .array(row.map { cell in .array(cell.map { .string($0) }) }) })),
        ]
        if let metrics { members.append(("metrics", .object(metrics))) }
        return .object(members)
    }
}

extension PicselliaImageEval {
    /// The `per_image_eval` entry in the seed's key order.
    public var jsonValue: JSONValue {
        .object([
            ("filename", .string(filename)),
            ("nb_objects", numbers(nbObjects)),
            ("nb_preds", numbers(nbPreds)),
            ("TP", numbers(tp)),
            ("FP", numbers(fp)),
            ("FN", numbers(fn)),
            ("bbox", .array(bbox.map { numbers($0) })),
            ("classes", .array(classes.map { .integer($0) })),
        ])
    }
}

extension ConfusionMatrixLog {
    /// Reads a `confusion-matrix` log's data: `n` names and an `(n+1)×(n+1)` matrix.
    public init(json: JSONValue, file: String) throws(FormatError) {
        do {
            let root = JSONShapeReader(json)
            let names = try root.member("categories").strings()
            var rows: [[Double]] = []
            for row in try root.member("values").elements(count: names.count + 1, of: "rows") {
                rows.append(try row.numbers(count: names.count + 1))
            }
            self.init(categories: names, values: rows)
        } catch {
            throw error.formatError(file: file)
        }
    }

    public var jsonValue: JSONValue {
        .object([
            ("categories", .array(categories.map { .string($0) })),
            ("values", .array(values.map { numbers($0) })),
        ])
    }
}

private func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }

/// Whole counts as JSON integers (`22`), as the seed writes `total_objects`; others as floats.
private func integers(_ values: [Double]) -> JSONValue {
    .array(values.map { $0 == $0.rounded() && abs($0) < 9.0e15 ? .integer(Int($0)) : .number($0) })
}
