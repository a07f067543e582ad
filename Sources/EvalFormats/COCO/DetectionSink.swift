import EvalCore

/// Reads COCO results (`image_id`, `category_id`, `bbox`, optional `score`; other keys are
/// skipped) into `Detections`, resolving ids against the ground truth as it goes.
///
/// Predictions are collected in chunks of a fixed size, joined once at the end
/// (`takeDetections`) into columns of the exact size, each chunk freed as soon as it is copied:
/// no column is ever grown by doubling, so a load holds about one copy of the columns.
struct DetectionSink: ObjectArraySink {
    let images: IdIndex
    let categories: IdIndex
    private var full: [Detections] = []
    private var current = Detections()

    static let chunkSize = 1 << 16

    /// Set when the sink was given an upper bound of its predictions: one set of columns.
    private let unchunked: Bool

    /// With `capacity` (an upper bound of the predictions, as `StreamedResultsReader` derives
    /// from the file's size), the predictions go to one set of columns reserved for that many
    /// instead of chunks joined at the end: reserved pages never written are never resident, and
    /// the join's second copy (whose freed chunks the allocator kept) is not made.
    init(images: IdIndex, categories: IdIndex, byteCount: Int, capacity: Int? = nil) {
        self.images = images
        self.categories = categories
        unchunked = capacity != nil
        current.reserveCapacity(capacity ?? min(byteCount / 100 + 16, Self.chunkSize))
    }

    mutating func readElement(_ scanner: inout JSONScanner, index: Int) throws(JSONScanError) {
        let objectStart = scanner.position
        try scanner.enterObject()
        var image: Int32 = -1
        var category: Int32 = -1
        var box: (Double, Double, Double, Double)?
        var score = Double.nan
        while let key = try scanner.nextKey() {
            switch key {
            case "image_id":
                let id = try within(.key("image_id")) { () throws(JSONScanError) in try scanner.readId() }
                guard let found = images.index(of: id) else {
                    throw JSONScanError(
                        kind: .unknownImage(id: id, index: index), offset: objectStart, message: "",
                        path: [.key("image_id")])
                }
                image = found
            case "category_id":
                let id = try within(.key("category_id")) { () throws(JSONScanError) in try scanner.readId() }
                guard let found = categories.index(of: id) else {
                    throw JSONScanError(
                        kind: .unknownCategory(id: id, index: index), offset: objectStart, message: "",
                        path: [.key("category_id")])
                }
                category = found
            case "bbox":
                box = try within(.key("bbox")) { () throws(JSONScanError) in try scanner.readBox() }
            case "score":
                score = try within(.key("score")) { () throws(JSONScanError) in try scanner.readScore() }
            default:
                try scanner.skipValue()
            }
        }
        guard image >= 0 else { throw missingKey("image_id", at: objectStart) }
        guard category >= 0 else { throw missingKey("category_id", at: objectStart) }
        guard let box else { throw missingKey("bbox", at: objectStart) }
        if current.count == Self.chunkSize && !unchunked {
            full.append(current)
            current = Detections()
            current.reserveCapacity(Self.chunkSize)
        }
        current.append(
            image: image, category: category, box: BoundingBox(x: box.0, y: box.1, width: box.2, height: box.3),
            score: score)
    }

    mutating func append(contentsOf other: DetectionSink) {
        full.append(current)
        full += other.full
        current = other.current
    }

    /// All predictions read, in file order; the sink is empty afterwards.
    mutating func takeDetections() -> Detections {
        if unchunked && full.isEmpty {
            defer { current = Detections() }
            return current
        }
        full.append(current)
        current = Detections()
        var all = Detections()
        all.reserveCapacity(full.reduce(0) { $0 + $1.count })
        for i in full.indices {
            all.append(contentsOf: full[i])
            full[i] = Detections()
        }
        full = []
        return all
    }
}
