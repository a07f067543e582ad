import EvalCore
import EvalFormats

/// The COCO readers and the file-kind detector: the input as ground truth (and, when it reads,
/// evaluated against itself with no predictions), and as predictions against the fuzzing data's
/// ground truth, then evaluated.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCOCO(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let source = SourceBytes(bytes: FuzzInput.bytes(data, size), name: "fuzz.json")
    _ = try? FileKindDetector.detect(source)
    if let gt = try? COCOGroundTruthReader.read(source) {
        _ = gt.categories.count
    }
    if let detections = try? COCODetectionsReader.read(source, groundTruth: FuzzInput.groundTruth) {
        let evaluator = Evaluator(groundTruth: FuzzInput.groundTruth, detections: detections)
        _ = try? evaluator.cocoMetrics()
    }
    return 0
}
