import EvalCore

/// Reads a COCO dataset file (`images`, `categories`, `annotations`, anything else skipped)
/// into a `GroundTruth`. Category order is file order (the label map); ids may have gaps.
public enum COCOGroundTruthReader {
    public static func read(path: String) throws(FormatError) -> GroundTruth {
        try read(SourceBytes(path: path, json: true))
    }

    public static func read(_ source: SourceBytes) throws(FormatError) -> GroundTruth {
        let parts: (images: [ImageInfo], categories: [Category], annotations: AnnotationSink)
        do throws(JSONScanError) {
            parts = try readParts(source)
        } catch {
            throw error.formatError(in: source)
        }
        return try resolve(parts.images, parts.categories, parts.annotations, file: source.name)
    }

    private static func readParts(_ source: SourceBytes) throws(JSONScanError) -> ([ImageInfo], [Category], AnnotationSink) {
        var scanner = JSONScanner(source.buffer)
        var images: [ImageInfo]?
        var categories: [Category]?
        var annotations: AnnotationSink?
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "images":
                images = try within(.key("images")) { () throws(JSONScanError) in try readArray(&scanner, element: readImage) }
            case "categories":
                categories = try within(.key("categories")) { () throws(JSONScanError) in try readArray(&scanner, element: readCategory) }
            case "annotations":
                annotations = try within(.key("annotations")) { () throws(JSONScanError) in
                    try ObjectArrayReader.read(&scanner, source: source) { AnnotationSink(byteCount: $0) }
                }
            default:
                try scanner.skipValue()
            }
        }
        try scanner.expectEnd()
        guard let images else { throw missingKey("images", at: 0) }
        guard let categories else { throw missingKey("categories", at: 0) }
        guard let annotations else { throw missingKey("annotations", at: 0) }
        return (images, categories, annotations)
    }

    /// Reads an array whose elements `element` reads, prefixing errors with the element's index.
    static func readArray<Element>(
        _ scanner: inout JSONScanner, element: (inout JSONScanner) throws(JSONScanError) -> Element
    ) throws(JSONScanError) -> [Element] {
        try scanner.enterArray()
        var elements: [Element] = []
        while try scanner.nextElement() {
            elements.append(try within(.index(elements.count)) { () throws(JSONScanError) in try element(&scanner) })
        }
        return elements
    }

    private static func readImage(_ scanner: inout JSONScanner) throws(JSONScanError) -> ImageInfo {
        let start = scanner.position
        try scanner.enterObject()
        var id: Int?
        var fileName: String?
        var width: Double?
        var height: Double?
        while let key = try scanner.nextKey() {
            switch key {
            case "id": id = try within(.key("id")) { () throws(JSONScanError) in try scanner.readId() }
            case "file_name": fileName = try within(.key("file_name")) { () throws(JSONScanError) in try scanner.readString() }
            case "width": width = try within(.key("width")) { () throws(JSONScanError) in try scanner.readNumber() }
            case "height": height = try within(.key("height")) { () throws(JSONScanError) in try scanner.readNumber() }
            default: try scanner.skipValue()
            }
        }
        guard let id else { throw missingKey("id", at: start) }
        guard let fileName else { throw missingKey("file_name", at: start) }
        guard let width else { throw missingKey("width", at: start) }
        guard let height else { throw missingKey("height", at: start) }
        return ImageInfo(id: id, fileName: fileName, width: width, height: height)
    }

    private static func readCategory(_ scanner: inout JSONScanner) throws(JSONScanError) -> Category {
        let start = scanner.position
        try scanner.enterObject()
        var id: Int?
        var name: String?
        while let key = try scanner.nextKey() {
            switch key {
            case "id": id = try within(.key("id")) { () throws(JSONScanError) in try scanner.readId() }
            case "name": name = try within(.key("name")) { () throws(JSONScanError) in try scanner.readString() }
            default: try scanner.skipValue()
            }
        }
        guard let id else { throw missingKey("id", at: start) }
        guard let name else { throw missingKey("name", at: start) }
        return Category(id: id, name: name)
    }

    /// Turns the annotations' dataset ids into indices of `images` and `categories`.
    private static func resolve(
        _ images: [ImageInfo], _ categories: [Category], _ sink: AnnotationSink, file: String
    ) throws(FormatError) -> GroundTruth {
        let imageIndex = try index(images.map(\.id), section: "images", file: file)
        let categoryIndex = try index(categories.map(\.id), section: "categories", file: file)
        if let (first, second) = firstRepeatedName(categories.map(\.name)) {
            throw .shape(
                file: file, path: "categories[\(second)].name",
                message: "class name \"\(categories[second].name)\" is used by category ids \(categories[first].id) and "
                    + "\(categories[second].id); class names must be unique, since statements name classes (rename one)")
        }
        var columns = sink.columns
        for i in 0..<columns.count {
            guard let image = imageIndex.index(of: sink.imageIds[i]) else {
                throw .unknownImage(
                    file: file, path: "annotations[\(i)].image_id", index: i, imageId: sink.imageIds[i])
            }
            guard let category = categoryIndex.index(of: sink.categoryIds[i]) else {
                throw .unknownCategory(
                    file: file, path: "annotations[\(i)].category_id", index: i, categoryId: sink.categoryIds[i])
            }
            columns.image[i] = image
            columns.category[i] = category
        }
        return GroundTruth(images: images, categories: categories, annotations: columns)
    }

    /// The indices of the first name that appears twice (its first and second place), if any.
    static func firstRepeatedName(_ names: [String]) -> (Int, Int)? {
        var seen: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            if let first = seen[name] { return (first, i) }
            seen[name] = i
        }
        return nil
    }

    static func index(_ ids: [Int], section: String, file: String) throws(FormatError) -> IdIndex {
        do {
            return try IdIndex(ids: ids)
        } catch {
            throw .duplicateId(file: file, path: "\(section)[\(error.index)].id", id: error.id)
        }
    }
}
