import EvalCore

/// Reads COCO ground-truth annotations into columns, keeping the raw image and category ids:
/// `annotations` may come before `images` and `categories` in the file, so ids are resolved
/// once the whole document is read.
struct AnnotationSink: ObjectArraySink {
    var columns = AnnotationColumns()
    var imageIds: [Int] = []
    var categoryIds: [Int] = []

    /// Reserves for `byteCount` bytes of annotations (at least ~100 bytes each without polygons).
    init(byteCount: Int) {
        let estimate = min(byteCount / 100 + 16, 1 << 20)
        columns.reserveCapacity(estimate)
        imageIds.reserveCapacity(estimate)
        categoryIds.reserveCapacity(estimate)
    }

    mutating func readElement(_ scanner: inout JSONScanner, index: Int) throws(JSONScanError) {
        let objectStart = scanner.position
        try scanner.enterObject()
        var id: Int?
        var imageId: Int?
        var categoryId: Int?
        var box: (Double, Double, Double, Double)?
        var area: Double?
        var isCrowd = false
        var ignore = false
        while let key = try scanner.nextKey() {
            switch key {
            case "id": id = try within(.key("id")) { () throws(JSONScanError) in try scanner.readId() }
            case "image_id": imageId = try within(.key("image_id")) { () throws(JSONScanError) in try scanner.readId() }
            case "category_id": categoryId = try within(.key("category_id")) { () throws(JSONScanError) in try scanner.readId() }
            case "bbox": box = try within(.key("bbox")) { () throws(JSONScanError) in try scanner.readBox() }
            case "area": area = try within(.key("area")) { () throws(JSONScanError) in try scanner.readArea() }
            case "iscrowd": isCrowd = try within(.key("iscrowd")) { () throws(JSONScanError) in try scanner.readFlag() }
            case "ignore": ignore = try within(.key("ignore")) { () throws(JSONScanError) in try scanner.readFlag() }
            default: try scanner.skipValue()
            }
        }
        guard let id else { throw missingKey("id", at: objectStart) }
        guard let imageId else { throw missingKey("image_id", at: objectStart) }
        guard let categoryId else { throw missingKey("category_id", at: objectStart) }
        guard let box else { throw missingKey("bbox", at: objectStart) }
        let boundingBox = BoundingBox(x: box.0, y: box.1, width: box.2, height: box.3)
        columns.append(
            id: id, image: -1, category: -1, box: boundingBox, area: area ?? boundingBox.area, isCrowd: isCrowd,
            ignore: ignore)
        imageIds.append(imageId)
        categoryIds.append(categoryId)
    }

    mutating func append(contentsOf other: AnnotationSink) {
        columns.id += other.columns.id
        columns.image += other.columns.image
        columns.category += other.columns.category
        columns.x += other.columns.x
        columns.y += other.columns.y
        columns.width += other.columns.width
        columns.height += other.columns.height
        columns.area += other.columns.area
        columns.isCrowd += other.columns.isCrowd
        columns.ignore += other.columns.ignore
        imageIds += other.imageIds
        categoryIds += other.categoryIds
    }
}
