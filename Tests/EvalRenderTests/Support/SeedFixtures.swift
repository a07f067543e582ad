import EvalCore
import EvalQuery
import Foundation

/// Result values built from the seed's Picsellia payload (`Fixtures/evaluation.json` and
/// `Fixtures/confusion-matrix.json`, copies of `shared/data/picsellia/`).
enum SeedFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func object(_ name: String) -> [String: Any] {
        let data = try! Data(contentsOf: directory.appendingPathComponent(name))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    static var evaluation: [String: Any] { object("evaluation.json") }
    static var labels: [String] { evaluation["labels"] as! [String] }
    static let point = OperatingPoint(iou: 0.5, confidence: 0.5)

    private static var images: [[String: Any]] { evaluation["per_image_eval"] as! [[String: Any]] }

    private static func ints(_ image: [String: Any], _ key: String) -> [Int] {
        (image[key] as! [NSNumber]).map { Int($0.doubleValue) }
    }

    static var imageList: ImageListResult {
        let rows = images.map { image in
            ImageRow(filename: image["filename"] as! String, counts: oneImage(
                nbObjects: ints(image, "nb_objects"), nbPreds: ints(image, "nb_preds"), tp: ints(image, "TP"),
                fp: ints(image, "FP"), fn: ints(image, "FN")))
        }
        return ImageListResult(labels: labels, rows: rows, matched: rows.count)
    }

    static var matrix: MatrixResult {
        let log = object("confusion-matrix.json")
        let values = (log["values"] as! [[NSNumber]]).map { $0.map { Int($0.doubleValue) } }
        return MatrixResult(labels: log["categories"] as! [String], counts: values, point: point)
    }

    /// Per-class totals summed over the payload's images.
    static var classTotals: [ClassTotals] {
        labels.indices.map { c in
            func sum(_ key: String) -> Int { images.reduce(0) { $0 + ints($1, key)[c] } }
            return ClassTotals(
                name: labels[c],
                totals: Totals(objects: sum("nb_objects"), predictions: sum("nb_preds"), tp: sum("TP"), fp: sum("FP"), fn: sum("FN")))
        }
    }

    static var totals: Totals {
        classTotals.map(\.totals).reduce(Totals(objects: 0, predictions: 0, tp: 0, fp: 0, fn: 0)) {
            Totals(objects: $0.objects + $1.objects, predictions: $0.predictions + $1.predictions, tp: $0.tp + $1.tp, fp: $0.fp + $1.fp, fn: $0.fn + $1.fn)
        }
    }

    static var summary: SummaryResult {
        let metrics = (evaluation["metrics"] as! [String: NSNumber]).sorted { $0.key > $1.key }
            .map { (key: $0.key, value: JSONValue.number($0.value.doubleValue)) }
        return SummaryResult(
            name: "seed", point: point, coco: nil, cocoUnavailable: "a Picsellia payload holds no scores to rank",
            totals: totals, perClass: classTotals, metrics: metrics, imageCount: images.count, excludedCount: 0)
    }

    static var classes: ClassTableResult { ClassTableResult(rows: classTotals, point: point) }

    /// Image `9999942_00000_d_0000234.jpg`: its predictions, normalized `[ymin, xmin, ymax, xmax]`
    /// boxes as the payload holds them; a payload has no matching, so their fate is unknown.
    static var payloadView: ImageViewResult {
        let image = images[2]
        let categories = evaluation["categories"] as! [String]
        let boxes = (image["bbox"] as! [[NSNumber]]).map { $0.map(\.doubleValue) }
        let classes = (image["classes"] as! [NSNumber]).map(\.intValue)
        let objects = zip(boxes, classes).map { box, category in
            ViewObject(
                kind: .prediction, classIndex: categories.firstIndex(of: String(category))!,
                box: BoundingBox(x: box[1], y: box[0], width: box[3] - box[1], height: box[2] - box[0]),
                score: nil, fate: .unknown, iou: nil, match: nil)
        }
        return ImageViewResult(
            filename: image["filename"] as! String, width: 1, height: 1, labels: labels, objects: objects, normalized: true,
            point: point)
    }

    /// Predictions per class (`total_objects`), as `split` draws them.
    static var bars: BarChartResult {
        let totals = (evaluation["total_objects"] as! [NSNumber]).map(\.doubleValue)
        return BarChartResult(title: "Predictions per class", bars: zip(labels, totals).map { ($0, $1) })
    }
}
