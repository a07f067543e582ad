import EvalCore
import Foundation

@testable import EvalStore

/// A synthetic boxes evaluation: `images` images with sparse ids, three classes, a few boxes
/// each, full-precision doubles (as a detector writes them), some crowd boxes and an unscored
/// prediction. Deterministic for a given `seed`.
enum SampleEvaluation {
    static func make(images: Int = 40, seed: UInt64 = 1) -> (GroundTruth, Detections) {
        var random = SplitMix(state: seed)
        let infos: [ImageInfo] = (0..<images).map { (i: Int) -> ImageInfo in
            let id = 100_000 + i * 7
            return ImageInfo(id: id, fileName: "\(id).jpg", width: 640, height: 480 - Double(i % 3))
        }
        let categories = [Category(id: 1, name: "person"), Category(id: 3, name: "car"), Category(id: 18, name: "dog")]
        var gt = AnnotationColumns()
        var dt = Detections()
        for image in 0..<images {
            for k in 0..<(image % 5) {
                let box = BoundingBox(
                    x: random.unit() * 500, y: random.unit() * 400, width: 10 + random.unit() * 100, height: 10 + random.unit() * 80)
                gt.append(
                    id: image * 10 + k + 1, image: Int32(image), category: Int32(k % 3), box: box,
                    area: box.area * (0.6 + 0.3 * random.unit()), isCrowd: k == 3, ignore: false)
                let jitter = BoundingBox(
                    x: box.x + random.unit() * 6 - 3, y: box.y + random.unit() * 6 - 3, width: box.width * (0.9 + 0.2 * random.unit()),
                    height: box.height)
                dt.append(image: Int32(image), category: Int32((k + image % 7 / 6) % 3), box: jitter, score: random.unit())
            }
            dt.append(
                image: Int32(image), category: Int32(image % 3),
                box: BoundingBox(x: random.unit() * 600, y: random.unit() * 400, width: 30, height: 20), score: random.unit() * 0.4)
        }
        return (GroundTruth(images: infos, categories: categories, annotations: gt), dt)
    }

    /// The columns of an evaluation, for comparing a pulled one with the pushed one bit for bit.
    static func columns(_ groundTruth: GroundTruth, _ detections: Detections) -> [String: ColumnValues] {
        let state = StoredState(point: .seedDefault, metrics: [], excluded: [], labels: groundTruth.categories.map(\.name))
        return Dictionary(uniqueKeysWithValues: EvaluationColumns.columns(groundTruth, detections, state))
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
