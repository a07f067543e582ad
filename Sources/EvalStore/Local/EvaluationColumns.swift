import EvalCore
import Foundation

/// A boxes evaluation as named columns, and back. Names are part of the store format.
enum EvaluationColumns {
    /// Ground truth, predictions and the state's class names and excluded images.
    static func columns(_ groundTruth: GroundTruth, _ detections: Detections, _ state: StoredState) -> [(String, ColumnValues)] {
        let gt = groundTruth.annotations
        return [
            ("images.id", .int64(groundTruth.images.map { Int64($0.id) })),
            ("images.file_name", .string(groundTruth.images.map(\.fileName))),
            ("images.width", .float64(groundTruth.images.map(\.width))),
            ("images.height", .float64(groundTruth.images.map(\.height))),
            ("categories.id", .int64(groundTruth.categories.map { Int64($0.id) })),
            ("categories.name", .string(groundTruth.categories.map(\.name))),
            ("gt.id", .int64(gt.id.map(Int64.init))),
            ("gt.image", .int64(gt.image.map(Int64.init))),
            ("gt.category", .int64(gt.category.map(Int64.init))),
            ("gt.x", .float64(gt.x)), ("gt.y", .float64(gt.y)),
            ("gt.width", .float64(gt.width)), ("gt.height", .float64(gt.height)),
            ("gt.area", .float64(gt.area)), ("gt.iscrowd", .bool(gt.isCrowd)), ("gt.ignore", .bool(gt.ignore)),
            ("dt.image", .int64(detections.image.map(Int64.init))),
            ("dt.category", .int64(detections.category.map(Int64.init))),
            ("dt.x", .float64(detections.x)), ("dt.y", .float64(detections.y)),
            ("dt.width", .float64(detections.width)), ("dt.height", .float64(detections.height)),
            ("dt.score", .float64(detections.score)),
            ("state.labels", .string(state.labels)),
            ("state.excluded", .int64(state.excluded.map(Int64.init))),
        ]
    }

    /// Rebuilds the evaluation, checking that the columns fit together (lengths, indices in range),
    /// so that a damaged version is refused rather than half-read.
    static func evaluation(_ columns: [String: ColumnValues]) throws(ColumnCodecError)
        -> (GroundTruth, Detections, labels: [String], excluded: [Int])
    {
        let reader = Reader(columns: columns)
        let imageIDs = try reader.ints("images.id")
        let images = try zip3(imageIDs, try reader.strings("images.file_name"), try reader.doubles("images.width"),
                              try reader.doubles("images.height"), "images").map {
            ImageInfo(id: Int($0.0), fileName: $0.1, width: $0.2, height: $0.3)
        }
        let categoryIDs = try reader.ints("categories.id")
        let categoryNames = try reader.strings("categories.name")
        guard categoryIDs.count == categoryNames.count else { throw ColumnCodecError("categories.* differ in length") }
        let categories = zip(categoryIDs, categoryNames).map { Category(id: Int($0), name: $1) }

        var gt = AnnotationColumns()
        gt.id = try reader.ints("gt.id").map { Int($0) }
        gt.image = try reader.indices("gt.image", below: images.count)
        gt.category = try reader.indices("gt.category", below: categories.count)
        (gt.x, gt.y, gt.width, gt.height, gt.area) = (
            try reader.doubles("gt.x"), try reader.doubles("gt.y"), try reader.doubles("gt.width"),
            try reader.doubles("gt.height"), try reader.doubles("gt.area")
        )
        gt.isCrowd = try reader.bools("gt.iscrowd")
        gt.ignore = try reader.bools("gt.ignore")
        let gtCounts = [gt.image.count, gt.category.count, gt.x.count, gt.y.count, gt.width.count, gt.height.count,
                        gt.area.count, gt.isCrowd.count, gt.ignore.count]
        guard gtCounts.allSatisfy({ $0 == gt.id.count }) else { throw ColumnCodecError("gt.* differ in length") }

        var dt = Detections()
        dt.image = try reader.indices("dt.image", below: images.count)
        dt.category = try reader.indices("dt.category", below: categories.count)
        (dt.x, dt.y, dt.width, dt.height, dt.score) = (
            try reader.doubles("dt.x"), try reader.doubles("dt.y"), try reader.doubles("dt.width"),
            try reader.doubles("dt.height"), try reader.doubles("dt.score")
        )
        let dtCounts = [dt.category.count, dt.x.count, dt.y.count, dt.width.count, dt.height.count, dt.score.count]
        guard dtCounts.allSatisfy({ $0 == dt.image.count }) else { throw ColumnCodecError("dt.* differ in length") }

        let labels = try reader.strings("state.labels")
        guard labels.count == categories.count else { throw ColumnCodecError("state.labels has not one name per class") }
        let excluded = try reader.indices("state.excluded", below: images.count).map(Int.init)
        return (GroundTruth(images: images, categories: categories, annotations: gt), dt, labels, excluded)
    }

    private static func zip3<A, B, C, D>(_ a: [A], _ b: [B], _ c: [C], _ d: [D], _ name: String)
        throws(ColumnCodecError) -> [(A, B, C, D)]
    {
        guard b.count == a.count, c.count == a.count, d.count == a.count else {
            throw ColumnCodecError("\(name).* differ in length")
        }
        return a.indices.map { (a[$0], b[$0], c[$0], d[$0]) }
    }

    /// Typed access to the decoded columns, naming the one that is missing or of the wrong type.
    private struct Reader {
        var columns: [String: ColumnValues]

        func value(_ name: String) throws(ColumnCodecError) -> ColumnValues {
            guard let value = columns[name] else { throw ColumnCodecError("the column \(name) is missing") }
            return value
        }

        func ints(_ name: String) throws(ColumnCodecError) -> [Int64] {
            if case .int64(let v) = try value(name) { return v }
            throw ColumnCodecError("the column \(name) does not hold integers")
        }

        func doubles(_ name: String) throws(ColumnCodecError) -> [Double] {
            if case .float64(let v) = try value(name) { return v }
            throw ColumnCodecError("the column \(name) does not hold numbers")
        }

        func bools(_ name: String) throws(ColumnCodecError) -> [Bool] {
            if case .bool(let v) = try value(name) { return v }
            throw ColumnCodecError("the column \(name) does not hold flags")
        }

        func strings(_ name: String) throws(ColumnCodecError) -> [String] {
            if case .string(let v) = try value(name) { return v }
            throw ColumnCodecError("the column \(name) does not hold strings")
        }

        /// Checked and narrowed in one pass.
        func indices(_ name: String, below bound: Int) throws(ColumnCodecError) -> [Int32] {
            let values = try ints(name)
            var inRange = true
            let narrowed = [Int32](unsafeUninitializedCapacity: values.count) { out, initialized in
                values.withUnsafeBufferPointer { values in
                    for (i, value) in values.enumerated() {
                        inRange = inRange && value >= 0 && value < bound
                        out[i] = Int32(truncatingIfNeeded: value)
                    }
                }
                initialized = values.count
            }
            guard inRange else { throw ColumnCodecError("the column \(name) holds an index outside 0..<\(bound)") }
            return narrowed
        }
    }
}
