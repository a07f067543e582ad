import EvalCore
import EvalQuery

/// Result values at COCO scale: the 80 category names of `instances_val2014_100.json`, with
/// counts constructed by simple formulas (the views only need many classes and rows).
enum COCOFixtures {
    static let names = [
        "person", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck", "boat", "traffic light",
        "fire hydrant", "stop sign", "parking meter", "bench", "bird", "cat", "dog", "horse", "sheep", "cow",
        "elephant", "bear", "zebra", "giraffe", "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee", "skis",
        "snowboard", "sports ball", "kite", "baseball bat", "baseball glove", "skateboard", "surfboard", "tennis racket",
        "bottle", "wine glass", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple", "sandwich", "orange",
        "broccoli", "carrot", "hot dog", "pizza", "donut", "cake", "chair", "couch", "potted plant", "bed",
        "dining table", "toilet", "tv", "laptop", "mouse", "remote", "keyboard", "cell phone", "microwave", "oven",
        "toaster", "sink", "refrigerator", "book", "clock", "vase", "scissors", "teddy bear", "hair drier", "toothbrush",
    ]

    /// Diagonal counts between 20 and 400, a few sparse confusions, misses and unmatched
    /// predictions for every class; `person ↔ ... ` and a handful of pairs confused heavily.
    static func counts() -> [[Int]] {
        let n = names.count
        var counts = Array(repeating: Array(repeating: 0, count: n + 1), count: n + 1)
        for r in 0..<n {
            counts[r][r] = 20 + (r * 37) % 380
            counts[r][n] = (r * 7) % 23
            counts[n][r] = (r * 11) % 17
            for c in 0..<n where c != r && (r * 31 + c * 17) % 97 == 0 {
                counts[r][c] = (r + c) % 9 + 1
            }
        }
        // Heavy confusions: car ↔ truck, cat ↔ dog, cup ↔ wine glass, couch ↔ chair.
        for (r, c, v) in [(2, 7, 48), (7, 2, 31), (15, 16, 27), (16, 15, 22), (41, 40, 19), (57, 56, 25)] {
            counts[r][c] = v
        }
        return counts
    }

    static func matrix(top: Int? = nil, normalization: MatrixResult.Normalization = .none) -> MatrixResult {
        MatrixResult(labels: names, counts: counts(), normalization: normalization, top: top, point: OperatingPoint())
    }

    /// `rows` images named like COCO's, each with a few classes.
    static func imageList(rows: Int) -> ImageListResult {
        let n = names.count
        let list = (0..<rows).map { i -> ImageRow in
            var objects = Array(repeating: 0, count: n), tp = objects, fp = objects, fn = objects
            for k in 0..<3 {
                let c = (i * 13 + k * 29) % n
                objects[c] += (i + k) % 6 + 1
                tp[c] += max(0, objects[c] - (i + k) % 3)
                fn[c] = objects[c] - tp[c]
                fp[c] += (i * k) % 3
            }
            let preds = zip(tp, fp).map(+)
            return ImageRow(
                filename: "COCO_val2014_\(String(repeating: "0", count: 12 - String(i * 7 + 42).count))\(i * 7 + 42).jpg",
                counts: oneImage(nbObjects: objects, nbPreds: preds, tp: tp, fp: fp, fn: fn))
        }
        return ImageListResult(labels: names, rows: list, matched: rows, title: "where FN > 0")
    }

    /// Per-class rows with AP values from a formula; class 79 has no ground truth (AP −1).
    static var classes: ClassTableResult {
        let counts = counts()
        let rows = names.indices.map { c -> ClassTotals in
            let tp = counts[c][c]
            let objects = counts[c].reduce(0, +)
            let predictions = counts.reduce(0) { $0 + $1[c] }
            let ap = c == 79 ? -1.0 : Double((c * 53) % 100) / 100
            return ClassTotals(
                name: names[c], totals: Totals(objects: objects, predictions: predictions, tp: tp, fp: predictions - tp, fn: objects - tp),
                ap: ap, ap50: c == 79 ? -1 : min(1, ap + 0.17))
        }
        return ClassTableResult(rows: rows, point: OperatingPoint())
    }
}
