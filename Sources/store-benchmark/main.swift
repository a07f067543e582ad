import EvalCore
import EvalFormats
import EvalStore
import Foundation

// Times, in one process, what `load GT DT` and `pull store:NAME` each read: the JSON files against
// a stored version, on the same evaluation. Also the index build that the first statement needing
// numbers does after either (`Evaluator.buildIndexes`, the same for both), the store's size after
// the first version and after a metric-only one, and a bit-for-bit check of the pulled columns.
// Usage: store-benchmark GT.json DT.json STORE_DIR [ROUNDS]; prints one JSON object.

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func fileBytes(_ url: URL) -> Int {
    [url.path, url.path + "-wal"].reduce(0) {
        $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
    }
}

func same(_ a: [Double], _ b: [Double]) -> Bool { a.map(\.bitPattern) == b.map(\.bitPattern) }

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: store-benchmark GT.json DT.json STORE_DIR [ROUNDS]\n".utf8))
    exit(64)
}
let rounds = arguments.count > 4 ? Int(arguments[4]) ?? 3 : 3
let storeURL = URL(fileURLWithPath: arguments[3]).appendingPathComponent("bench-store.sqlite")
var load: [Double] = [], pull: [Double] = [], index: [Double] = [], push: [Double] = []
var firstBytes = 0, metricBytes = 0
var groundTruth: GroundTruth!
var detections: Detections!

do {
    for _ in 0..<rounds {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: storeURL.path + suffix) }
        load.append(try seconds {
            guard case .groundTruth(let gt) = try EvalFileReader.load(path: arguments[1]) else { fatalError("not COCO ground truth") }
            groundTruth = gt
            detections = try EvalFileReader.readDetections(path: arguments[2], groundTruth: gt)
        })
        index.append(seconds { Evaluator(groundTruth: groundTruth, detections: detections).buildIndexes() })
        let state = StoredState(
            point: .seedDefault, metrics: [("iou", .number(0.5)), ("confidence", .number(0.5))], excluded: [],
            labels: groundTruth.categories.map(\.name))
        let stored = StoredEvaluation(content: .boxes(groundTruth, detections), state: state, summary: VersionSummary())
        push.append(try seconds {
            try LocalStore(url: storeURL).push(name: "bench", evaluation: stored, metadata: PushMetadata())
        })
        firstBytes = fileBytes(storeURL)
        var second = stored
        second.state.metrics.append(("note", .string("metric-only")))
        try LocalStore(url: storeURL).push(name: "bench", evaluation: second, metadata: PushMetadata())
        metricBytes = fileBytes(storeURL) - firstBytes
        var pulled: StoredPull!
        let store = try LocalStore(url: storeURL)
        pull.append(try seconds { pulled = try store.pullEvaluation(name: "bench", version: 1) })
        guard case .boxes(let gt, let dt) = pulled.evaluation.content,
            gt.images == groundTruth.images, gt.categories == groundTruth.categories,
            gt.annotations.id == groundTruth.annotations.id, same(gt.annotations.x, groundTruth.annotations.x),
            same(gt.annotations.area, groundTruth.annotations.area), gt.annotations.isCrowd == groundTruth.annotations.isCrowd,
            dt.image == detections.image, dt.category == detections.category, same(dt.x, detections.x),
            same(dt.y, detections.y), same(dt.width, detections.width), same(dt.height, detections.height),
            same(dt.score, detections.score)
        else { fatalError("the pulled evaluation differs from the loaded one") }
    }
} catch {
    FileHandle.standardError.write(Data("store-benchmark: \(error)\n".utf8))
    exit(1)
}
func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
let jsonBytes = [arguments[1], arguments[2]].reduce(0) {
    $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0)
}
print(
    """
    {"rounds": \(rounds), "json_bytes": \(jsonBytes), "load_json_s": \(median(load)), "pull_store_s": \(median(pull)), \
    "index_build_s": \(median(index)), "push_s": \(median(push)), "store_bytes_first_version": \(firstBytes), \
    "store_bytes_metric_only_version": \(metricBytes), "images": \(groundTruth.images.count), \
    "gt_boxes": \(groundTruth.annotations.count), "predictions": \(detections.count)}
    """)
