import EvalCore
import EvalQuery

extension SummaryResult: DataRepresentable {
    /// `metric,value` rows: the COCO statistics when present, then the operating point's totals.
    var dataTable: DataTable {
        var rows: [[Cell]] = []
        if let coco {
            rows += zip(COCOMetrics.statNames, coco).map { [.string($0), .double($1)] }
        }
        let t = totals
        rows += [
            [.string("precision"), .double(t.precision)], [.string("recall"), .double(t.recall)],
            [.string("F1"), .double(t.f1)], [.string("iou"), .double(point.iou)],
            [.string("confidence"), .double(point.confidence)], [.string("objects"), .int(t.objects)],
            [.string("predictions"), .int(t.predictions)], [.string("TP"), .int(t.tp)],
            [.string("FP"), .int(t.fp)], [.string("FN"), .int(t.fn)], [.string("images"), .int(imageCount)],
            [.string("excluded"), .int(excludedCount)],
        ]
        return DataTable(columns: ["metric", "value"], rows: rows)
    }

    /// The COCO statistics by name (when present), `precision`, `recall`, `F1`, `iou`,
    /// `confidence`, then `totals`, `classes` (by name) and `metrics` sub-objects.
    var jsonNode: JSONNode {
        var pairs: [(String, JSONNode)] = []
        if let coco { pairs += zip(COCOMetrics.statNames, coco).map { ($0, .double($1)) } }
        pairs += [
            ("precision", .double(totals.precision)), ("recall", .double(totals.recall)), ("F1", .double(totals.f1)),
            ("iou", .double(point.iou)), ("confidence", .double(point.confidence)),
        ]
        var totalsNode = totals.jsonPairs
        totalsNode += [("images", .int(imageCount)), ("excluded", .int(excludedCount))]
        pairs.append(("totals", .object(totalsNode)))
        pairs.append(("classes", .object(perClass.map { ($0.name, .object(Array($0.jsonPairs.dropFirst()))) })))
        pairs.append(("metrics", .object(metrics.map { ($0.key, JSONNode($0.value)) })))
        return .object(pairs)
    }
}

extension Totals {
    var jsonPairs: [(String, JSONNode)] {
        [("objects", .int(objects)), ("predictions", .int(predictions)), ("TP", .int(tp)), ("FP", .int(fp)), ("FN", .int(fn))]
    }
}

extension ClassTotals {
    /// `class`, `AP`, `AP50` (null on a payload), `precision`, `recall`, `F1`, then the counts.
    var jsonPairs: [(String, JSONNode)] {
        [
            ("class", .string(name)), ("AP", .optional(ap)), ("AP50", .optional(ap50)),
            ("precision", .double(totals.precision)), ("recall", .double(totals.recall)), ("F1", .double(totals.f1)),
        ] + totals.jsonPairs
    }
}

extension ClassTableResult: DataRepresentable {
    var dataTable: DataTable {
        DataTable(
            columns: ["class", "AP", "AP50", "precision", "recall", "F1", "objects", "predictions", "TP", "FP", "FN"],
            rows: rows.map { row in
                let t = row.totals
                return [
                    .string(row.name), row.ap.map(Cell.double) ?? .null, row.ap50.map(Cell.double) ?? .null,
                    .double(t.precision), .double(t.recall), .double(t.f1), .int(t.objects), .int(t.predictions),
                    .int(t.tp), .int(t.fp), .int(t.fn),
                ]
            })
    }

    var jsonNode: JSONNode { .array(rows.map { .object($0.jsonPairs) }) }
}
