import EvalCore
import EvalQuery

/// Small hand-made results covering what the seed payload does not: every fate of an object,
/// COCO statistics, curves, generic tables, messages and JSON documents.
enum HandFixtures {
    static let labels = ["car", "pedestrian"]

    /// A 640×480 image with one object of each fate.
    static var pixelView: ImageViewResult {
        func box(_ x: Double, _ y: Double, _ w: Double, _ h: Double) -> BoundingBox { BoundingBox(x: x, y: y, width: w, height: h) }
        let objects = [
            ViewObject(kind: .groundTruth, classIndex: 0, box: box(100, 120, 160, 90), score: nil, fate: .truePositive, iou: 0.8217, match: 4),
            ViewObject(kind: .groundTruth, classIndex: 1, box: box(400, 150, 40, 110), score: nil, fate: .confused(classIndex: 0), iou: 0.6105, match: 5),
            ViewObject(kind: .groundTruth, classIndex: 0, box: box(520, 300, 90, 60), score: nil, fate: .missed, iou: nil, match: nil),
            ViewObject(kind: .groundTruth, classIndex: 0, box: box(20, 20, 200, 60), score: nil, fate: .crowd, iou: nil, match: nil),
            ViewObject(kind: .prediction, classIndex: 0, box: box(110, 125, 150, 85), score: 0.91, fate: .truePositive, iou: 0.8217, match: 0),
            ViewObject(kind: .prediction, classIndex: 0, box: box(395, 160, 45, 100), score: 0.77, fate: .confused(classIndex: 1), iou: 0.6105, match: 1),
            ViewObject(kind: .prediction, classIndex: 1, box: box(250, 330, 40, 90), score: 0.64, fate: .falsePositive, iou: nil, match: nil),
            ViewObject(kind: .prediction, classIndex: 0, box: box(30, 25, 60, 40), score: 0.55, fate: .setAside, iou: nil, match: nil),
            ViewObject(kind: .prediction, classIndex: 1, box: box(300, 40, 30, 60), score: 0.21, fate: .belowConfidence, iou: nil, match: nil),
        ]
        return ImageViewResult(
            filename: "street/2024-05-01/cam3_000123.jpg", width: 640, height: 480, labels: labels, objects: objects,
            normalized: false, point: OperatingPoint())
    }

    /// The 12 statistics pycocotools 2.0.11 gives on `peers/coco-val2014-100` (its expected.json),
    /// with hand-made per-class totals.
    static var cocoSummary: SummaryResult {
        let stats = [
            0.5045806987249628, 0.6969727247299577, 0.5729816669904824, 0.5856257209410443, 0.5193996948036719,
            0.5013978986347466, 0.38681277964578054, 0.5936795762842003, 0.595352982877607, 0.6398109626113442,
            0.5664205978994309, 0.5642905982905982,
        ]
        let perClass = [
            ClassTotals(name: "person", totals: Totals(objects: 120, predictions: 130, tp: 100, fp: 30, fn: 20), ap: 0.61, ap50: 0.83),
            ClassTotals(name: "car", totals: Totals(objects: 40, predictions: 35, tp: 30, fp: 5, fn: 10), ap: 0.48, ap50: 0.71),
            ClassTotals(name: "hair drier", totals: Totals(objects: 0, predictions: 2, tp: 0, fp: 2, fn: 0), ap: -1, ap50: -1),
        ]
        return SummaryResult(
            name: "coco-val2014-100", point: OperatingPoint(iou: 0.5, confidence: 0.25), coco: stats, cocoUnavailable: nil,
            totals: Totals(objects: 160, predictions: 167, tp: 130, fp: 37, fn: 30), perClass: perClass,
            metrics: [(key: "note", value: .string("fake boxes from cocoapi's demo")), (key: "thresholds", value: .array([.number(0.5), .number(0.75)]))],
            imageCount: 100, excludedCount: 2)
    }

    /// Two monotone curves at COCO's 101 recall points; the second ends at recall 0.8.
    static var curve: CurveResult {
        let recall = (0...100).map { Double($0) / 100 }
        let car = recall.map { 1 - 0.6 * $0 * $0 }
        let pedestrian = recall.map { $0 <= 0.8 ? 0.9 - 0.5 * $0 : 0 }
        return CurveResult(
            title: "Precision–recall, IoU 0.50", recall: recall,
            series: [.init(name: "car", precision: car), .init(name: "pedestrian", precision: pedestrian)],
            operatingPoint: (recall: 0.86, precision: 0.5563))
    }

    static var table: ResultTable {
        ResultTable(
            title: "evals",
            columns: ["name", "images", "AP", "precision", "loaded", "source"],
            rows: [
                [.string("seed"), .int(3), .null, .percent(0.8636), .bool(true), .string("picsellia:evaluation")],
                [.string("coco-val2014-100"), .int(100), .double(0.5045806987249628), .percent(0.7784), .bool(false),
                 .string("/work/shared/data/peers/coco-val2014-100/instances_val2014_fakebbox100_results.json")],
                [.string("quoted, \"name\""), .int(0), .double(1), .percent(0), .bool(false), .null],
            ],
            notes: ["2 evaluations in the workspace; `use NAME` switches."])
    }

    /// `compare base cand` over Examples/coco-small and its candidate (make_candidate.py): the
    /// AP values are pycocotools', the counts follow from the two changes the candidate makes.
    static var changes: ResultTable {
        func row(_ name: String, _ a: Double, _ b: Double, higherIsBetter: Bool, whole: Bool) -> [Cell] {
            let value = { (x: Double) -> Cell in whole ? .int(Int(x)) : .double(x) }
            return [.string(name), value(a), value(b), .change(b - a, higherIsBetter: higherIsBetter, whole: whole)]
        }
        return ResultTable(
            title: "base → cand (change = cand − base; ▲ better, ▼ worse)",
            columns: ["value", "base", "cand", "change"],
            rows: [
                row("AP", 0.4369930004747287, 0.42475546150554816, higherIsBetter: true, whole: false),
                row("APs", 0.3321802846582702, 0.3327977410118951, higherIsBetter: true, whole: false),
                row("TP", 635, 616, higherIsBetter: true, whole: true),
                row("FP", 74, 75, higherIsBetter: false, whole: true),
                row("FN", 267, 286, higherIsBetter: false, whole: true),
                [.string("same"), .int(10), .int(10), .change(0, higherIsBetter: true, whole: true)],
            ])
    }

    static var warning: Message {
        Message("the confusion matrix log disagrees with the per-image counts in 3 cells (car→none: 2 vs 13); the counts are shown", level: .warning)
    }

    static var json: JSONValue {
        .object([
            ("categories", .array([.string("car"), .string("pedestrian")])),
            ("values", .array([.array([.number(19), .number(1), .number(2)]), .array([])])),
            ("metrics", .object([("iou", .number(0.5)), ("note", .string("line\nbreak \"quoted\"")), ("tiny", .number(1e-5)), ("none", .null), ("ok", .bool(true))])),
            ("empty", .object([])),
        ])
    }
}
