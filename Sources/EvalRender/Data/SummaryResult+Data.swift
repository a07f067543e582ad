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
        return DataTable(title: "Summary: \(name)", columns: ["metric", "value"], rows: rows)
    }

    /// With boxes, exactly the keys of pycocotools' statistics (`AP` … `ARl`, as the peers'
    /// `expected.json` names them) plus the operating point's `precision`, `recall` and `F1`: a
    /// contract scripts rely on (`classes` and `metrics` have their own statements). On a payload,
    /// which has no COCO statistics, `precision`, `recall`, `F1`, `iou`, `confidence`, then the
    /// `totals`, per-class `classes` and the payload's `metrics`.
    var jsonNode: JSONNode {
        let rates: [(String, JSONNode)] = [
            ("precision", .double(totals.precision)), ("recall", .double(totals.recall)), ("F1", .double(totals.f1)),
        ]
        if let coco {
            return .object(zip(COCOMetrics.statNames, coco).map { ($0, .double($1)) } + rates)
        }
        var totalsNode = totals.jsonPairs
        totalsNode += [("images", .int(imageCount)), ("excluded", .int(excludedCount))]
        return .object(
            rates + [
                ("iou", .double(point.iou)), ("confidence", .double(point.confidence)), ("totals", .object(totalsNode)),
                ("classes", .object(perClass.map { ($0.name, .object(Array($0.jsonPairs.dropFirst()))) })),
                ("metrics", .object(metrics.map { ($0.key, JSONNode($0.value)) })),
            ])
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
    /// `classes` adds the per-class COCO detail (AP75, APs, APm, APl, AR100; null where a class
    /// has no object in a range, or without boxes) after AP50.
    var dataTable: DataTable {
        DataTable(
            title: "Classes at IoU \(point.iou), confidence \(point.confidence)",
            columns: ["class", "AP", "AP50"] + ClassTotals.detailNames + [
                "precision", "recall", "F1", "objects", "predictions", "TP", "FP", "FN",
            ],
            rows: rows.map { row in
                let t = row.totals
                return [.string(row.name), row.ap.map(Cell.double) ?? .null, row.ap50.map(Cell.double) ?? .null]
                    + row.detailValues.map { $0.map(Cell.double) ?? .null }
                    + [
                        .double(t.precision), .double(t.recall), .double(t.f1), .int(t.objects), .int(t.predictions),
                        .int(t.tp), .int(t.fp), .int(t.fn),
                    ]
            })
    }

    var jsonNode: JSONNode {
        .array(rows.map { row in
            var pairs = row.jsonPairs
            let detail = zip(ClassTotals.detailNames, row.detailValues).map { ($0, JSONNode.optional($1)) }
            pairs.insert(contentsOf: detail, at: 3)
            return .object(pairs)
        })
    }
}

extension ClassTotals {
    static let detailNames = ["AP75", "APs", "APm", "APl", "AR100"]

    /// AP75, APs, APm, APl and AR100, nil where absent.
    var detailValues: [Double?] {
        [detail?.ap75, detail?.apSmall, detail?.apMedium, detail?.apLarge, detail?.ar100]
    }
}
