import EvalCore
import EvalFormats
import Foundation

/// The figures of a payload-only version, read from its evaluation log: the operating point and
/// COCO statistics its `metrics` recorded, and precision, recall and F1 from its per-image counts.
enum PayloadSummary {
    /// Empty when the document does not read as an evaluation log (the push checked less).
    static func of(_ evaluation: Data) -> VersionSummary {
        guard let json = try? JSONValueParser.parse(bytes: evaluation, name: "evaluation"),
            let payload = try? PicselliaEvaluation(json: json, file: "evaluation")
        else { return VersionSummary() }
        return of(payload)
    }

    static func of(_ payload: PicselliaEvaluation) -> VersionSummary {
        let metrics = payload.metrics ?? []
        func metric(_ name: String) -> Double? { metrics.first { $0.key == name }?.value.number }
        var (tp, fp, fn) = (0.0, 0.0, 0.0)
        for image in payload.perImage {
            tp += image.tp.reduce(0, +)
            fp += image.fp.reduce(0, +)
            fn += image.fn.reduce(0, +)
        }
        let precision = tp + fp == 0 ? 0 : tp / (tp + fp)
        let recall = tp + fn == 0 ? 0 : tp / (tp + fn)
        let point = metric("iou").flatMap { iou in metric("confidence").map { OperatingPoint(iou: iou, confidence: $0) } }
        return VersionSummary(
            point: point, imageCount: payload.perImage.count, ap: metric("AP"), ap50: metric("AP50"),
            precision: precision, recall: recall,
            f1: precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }
}
