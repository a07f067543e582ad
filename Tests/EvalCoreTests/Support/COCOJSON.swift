import EvalCore
import Foundation

/// A test-only COCO reader built on `JSONSerialization`: ground truth from a dataset object,
/// predictions from a results list or from a dataset whose `annotations` carry `score`.
/// Predictions get `area = w·h` like `COCO.loadRes`; those of an unknown category are dropped
/// (pycocotools never evaluates them).
enum COCOJSON {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func object(at url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }

    static func groundTruth(_ json: Any) throws -> GroundTruth {
        guard let dataset = json as? [String: Any], let images = dataset["images"] as? [[String: Any]],
            let categories = dataset["categories"] as? [[String: Any]]
        else { throw Failure(description: "ground truth: not a COCO dataset object") }
        let imageInfos = try images.map { image -> ImageInfo in
            guard let id = image["id"] as? Int else { throw Failure(description: "image without id") }
            return ImageInfo(
                id: id, fileName: image["file_name"] as? String ?? "\(id)",
                width: number(image["width"]) ?? 0, height: number(image["height"]) ?? 0)
        }
        let labelMap = try categories.map { category -> Category in
            guard let id = category["id"] as? Int else { throw Failure(description: "category without id") }
            return Category(id: id, name: category["name"] as? String ?? "\(id)")
        }
        let imageIndex = indexByID(imageInfos.map(\.id))
        let categoryIndex = indexByID(labelMap.map(\.id))
        var columns = AnnotationColumns()
        for annotation in dataset["annotations"] as? [[String: Any]] ?? [] {
            guard let image = (annotation["image_id"] as? Int).flatMap({ imageIndex[$0] }),
                let category = (annotation["category_id"] as? Int).flatMap({ categoryIndex[$0] })
            else { continue }
            let box = try self.box(annotation["bbox"])
            columns.append(
                id: annotation["id"] as? Int ?? 0, image: Int32(image), category: Int32(category), box: box,
                area: number(annotation["area"]) ?? box.area, isCrowd: (annotation["iscrowd"] as? Int ?? 0) != 0,
                ignore: (annotation["ignore"] as? Int ?? 0) != 0)
        }
        return GroundTruth(images: imageInfos, categories: labelMap, annotations: columns)
    }

    static func detections(_ json: Any, for groundTruth: GroundTruth) throws -> Detections {
        let list = (json as? [[String: Any]]) ?? ((json as? [String: Any])?["annotations"] as? [[String: Any]])
        guard let list else { throw Failure(description: "predictions: neither a results list nor a dataset") }
        let imageIndex = indexByID(groundTruth.images.map(\.id))
        let categoryIndex = indexByID(groundTruth.categories.map(\.id))
        var detections = Detections()
        for (i, result) in list.enumerated() {
            guard let image = (result["image_id"] as? Int).flatMap({ imageIndex[$0] }) else {
                throw Failure(description: "prediction \(i): image_id not in the ground truth")
            }
            guard let category = (result["category_id"] as? Int).flatMap({ categoryIndex[$0] }) else { continue }
            detections.append(
                image: Int32(image), category: Int32(category), box: try box(result["bbox"]),
                score: number(result["score"]) ?? .nan)
        }
        return detections
    }

    /// A JSON array of numbers, each read exactly.
    static func numbers(_ value: Any?) throws -> [Double] {
        guard let array = value as? [Any] else { throw Failure(description: "not an array") }
        return try array.map {
            guard let n = number($0) else { throw Failure(description: "not a number: \($0)") }
            return n
        }
    }

    private static func indexByID(_ ids: [Int]) -> [Int: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// On Linux, `JSONSerialization` returns fractional numbers as `NSDecimalNumber`, whose
    /// `doubleValue` is off by a few ulps; its exact decimal text parses to the right double.
    static func number(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber else { return nil }
        if number is NSDecimalNumber, let exact = Double(number.description) { return exact }
        return number.doubleValue
    }

    private static func box(_ value: Any?) throws -> BoundingBox {
        guard let values = (value as? [Any])?.compactMap(number), values.count == 4 else {
            throw Failure(description: "bbox is not 4 numbers")
        }
        return BoundingBox(x: values[0], y: values[1], width: values[2], height: values[3])
    }
}
