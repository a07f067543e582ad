import EvalQuery

extension ImageViewResult: DataRepresentable {
    private static let columns = ["index", "kind", "class", "x", "y", "width", "height", "score", "fate", "iou", "match"]

    /// One row per object; boxes are `x, y, width, height` in the view's units, `match` and
    /// `index` count from 1 like the terminal table.
    var dataTable: DataTable {
        DataTable(
            title: (subject.map { "\($0): " } ?? "") + filename,
            columns: ImageViewResult.columns,
            rows: objects.enumerated().map { i, o in
                [
                    .int(i + 1), .string(o.kind.name), .string(className(o.classIndex)), .double(o.box.x), .double(o.box.y),
                    .double(o.box.width), .double(o.box.height), o.score.map(Cell.double) ?? .null,
                    .string(fateText(o)), o.iou.map(Cell.double) ?? .null, o.match.map { .int($0 + 1) } ?? .null,
                ]
            })
    }

    var jsonNode: JSONNode {
        .object((subject.map { [("evaluation", JSONNode.string($0))] } ?? []) + [
            ("filename", .string(filename)), ("width", .double(width)), ("height", .double(height)),
            ("normalized", .bool(normalized)), ("iou", .double(point.iou)), ("confidence", .double(point.confidence)),
            ("objects", .array(objects.enumerated().map { i, o in
                .object([
                    ("index", .int(i + 1)), ("kind", .string(o.kind.name)), ("class", .string(className(o.classIndex))),
                    ("box", .array([o.box.x, o.box.y, o.box.width, o.box.height].map(JSONNode.double))),
                    ("score", .optional(o.score)), ("fate", .string(fateText(o))), ("iou", .optional(o.iou)),
                    ("match", o.match.map { .int($0 + 1) } ?? .null),
                ])
            })),
        ])
    }

    func className(_ index: Int) -> String {
        labels.indices.contains(index) ? labels[index] : "class \(index)"
    }

    /// The fate in words: `TP`, `FP`, `FN`, `confused as X` (a ground truth predicted as X),
    /// `confused, is X` (a prediction on an X), `crowd`, `set aside`, `below confidence`, `unknown`.
    func fateText(_ object: ViewObject) -> String {
        switch object.fate {
        case .truePositive: return "TP"
        case .falsePositive: return "FP"
        case .missed: return "FN"
        case .confused(let other):
            return object.kind == .groundTruth ? "confused as \(className(other))" : "confused, is \(className(other))"
        case .crowd: return "crowd"
        case .setAside: return "set aside"
        case .belowConfidence: return "below confidence"
        case .unknown: return "unknown"
        }
    }
}

extension ViewObject.Kind {
    var name: String { self == .groundTruth ? "ground truth" : "prediction" }
}
