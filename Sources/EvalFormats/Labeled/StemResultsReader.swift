import EvalCore

/// Reads Ultralytics' `predictions.json` (`save_json=True`): a COCO results list whose
/// `image_id` is the image file's stem, a number when the stem is one (`42`) and a string
/// otherwise (`"img_0042"`). Images are matched by stem; categories by `category_id` against the
/// ground truth's ids.
public enum StemResultsReader {
    /// True when the first result's `image_id` is a string.
    static func startsWithStringImageId(_ source: SourceBytes) -> Bool {
        var scanner = JSONScanner(source.buffer)
        do {
            guard scanner.peek() == UInt8(ascii: "[") else { return false }
            try scanner.enterArray()
            guard try scanner.nextElement() else { return false }
            try scanner.enterObject()
            while let key = try scanner.nextKey() {
                if case "image_id" = key { return scanner.peek() == UInt8(ascii: "\"") }
                try scanner.skipValue()
            }
        } catch {
            return false
        }
        return false
    }

    public static func read(_ source: SourceBytes, groundTruth: GroundTruth) throws(FormatError) -> Detections {
        let file = source.name
        guard case .array(let results) = try JSONValueParser.parse(source) else {
            throw .shape(file: file, path: "$", message: "expected a results list")
        }
        let byKey = LabeledSet.keyIndex(groundTruth)
        var byNumber: [Int: Int32] = [:]
        for (key, index) in byKey { if let n = LabeledSet.numericKey(key) { byNumber[n] = index } }
        var byId: [Int: Int32] = [:]
        for (i, image) in groundTruth.images.enumerated() { byId[image.id] = Int32(i) }
        var categories: [Int: Int32] = [:]
        for (i, category) in groundTruth.categories.enumerated() { categories[category.id] = Int32(i) }
        var detections = Detections()
        detections.reserveCapacity(results.count)
        for (i, result) in results.enumerated() {
            let image: Int32?
            switch result["image_id"] {
            case .string(let stem)?: image = byKey[stem]
            case .integer(let n)?: image = byKey[String(n)] ?? byNumber[n] ?? byId[n]
            default: throw .shape(file: file, path: "[\(i)].image_id", message: "expected a file stem or a number")
            }
            guard let image else {
                throw .shape(file: file, path: "[\(i)].image_id",
                             message: "image \(result["image_id"]!.description) is not in the ground truth")
            }
            guard case .integer(let categoryId)? = result["category_id"] else {
                throw .shape(file: file, path: "[\(i)].category_id", message: "expected a category id")
            }
            guard let category = categories[categoryId] else {
                let ids = groundTruth.categories.prefix(20).map { "\($0.id) \($0.name)" }.joined(separator: ", ")
                throw .shape(file: file, path: "[\(i)].category_id",
                             message: "\(categoryId) is not a category id of the ground truth (\(ids))")
            }
            guard let box = result["bbox"]?.array?.compactMap(\.number), box.count == 4 else {
                throw .shape(file: file, path: "[\(i)].bbox", message: "expected [x, y, width, height]")
            }
            detections.append(image: image, category: category,
                              box: BoundingBox(x: box[0], y: box[1], width: box[2], height: box[3]),
                              score: result["score"]?.number ?? .nan)
        }
        return detections
    }
}

extension JSONValue {
    var description: String {
        switch self {
        case .string(let s): return "\"\(s)\""
        case .integer(let n): return String(n)
        case .number(let d): return String(d)
        default: return "\(self)"
        }
    }
}
