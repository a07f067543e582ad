import EvalCore

/// `ground_truth.json` and `predictions.json`, ids as in the ground truth.
enum COCOExport {
    static func write(_ gt: GroundTruth, _ dt: Detections, into folder: inout ExportFolder) throws(FormatError) -> [String] {
        let writer = JSONWriter(indent: nil, asciiOnly: false)
        try folder.write("ground_truth.json", writer.bytes(groundTruth(gt)))
        try folder.write("predictions.json", writer.bytes(results(gt, dt)))
        return []
    }

    static func groundTruth(_ gt: GroundTruth) -> JSONValue {
        let images = gt.images.map { image in
            JSONValue.object([("id", .integer(image.id)), ("file_name", .string(image.fileName)),
                              ("width", number(image.width)), ("height", number(image.height))])
        }
        let categories = gt.categories.map { JSONValue.object([("id", .integer($0.id)), ("name", .string($0.name))]) }
        let a = gt.annotations
        var annotations: [JSONValue] = []
        annotations.reserveCapacity(a.count)
        for i in 0..<a.count {
            annotations.append(.object([
                ("id", .integer(a.id[i])), ("image_id", .integer(gt.images[Int(a.image[i])].id)),
                ("category_id", .integer(gt.categories[Int(a.category[i])].id)),
                ("bbox", .array([number(a.x[i]), number(a.y[i]), number(a.width[i]), number(a.height[i])])),
                ("area", number(a.area[i])), ("iscrowd", .integer(a.isCrowd[i] ? 1 : 0)),
            ]))
        }
        return .object([("images", .array(images)), ("annotations", .array(annotations)), ("categories", .array(categories))])
    }

    static func results(_ gt: GroundTruth, _ dt: Detections) -> JSONValue {
        var out: [JSONValue] = []
        out.reserveCapacity(dt.count)
        for i in 0..<dt.count {
            var members: [(key: String, value: JSONValue)] = [
                ("image_id", .integer(gt.images[Int(dt.image[i])].id)),
                ("category_id", .integer(gt.categories[Int(dt.category[i])].id)),
                ("bbox", .array([number(dt.x[i]), number(dt.y[i]), number(dt.width[i]), number(dt.height[i])])),
            ]
            if !dt.score[i].isNaN { members.append(("score", number(dt.score[i]))) }
            out.append(.object(members))
        }
        return .array(out)
    }

    /// Integers as integers (`640`, not `640.0`), as COCO files write sizes.
    static func number(_ value: Double) -> JSONValue {
        value == value.rounded() && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }
}
