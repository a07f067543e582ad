/// Tells a file's kind from its top-level shape, reading only as far as needed: a top-level
/// array is a results list; an object is told by its keys (`per_image_eval` or
/// `filename_matrix` → Picsellia evaluation, `values` with `categories` → confusion matrix,
/// `annotations` → COCO, with or without `score` in its first annotation).
public enum FileKindDetector {
    public static func detect(path: String) throws(FormatError) -> FileKind {
        try detect(SourceBytes(path: path, json: true))
    }

    public static func detect(_ source: SourceBytes) throws(FormatError) -> FileKind {
        let found: Found
        do throws(JSONScanError) {
            found = try scan(source)
        } catch {
            throw error.formatError(in: source)
        }
        switch found {
        case .kind(let kind): return kind
        case .arrayOf(let value):
            throw .unrecognized(
                file: source.name,
                message: "a JSON array whose first element is \(value), not an object: "
                    + "a COCO results list is an array of objects {image_id, category_id, bbox, score}")
        case .unknownObject:
            throw .unrecognized(
                file: source.name,
                message: "a JSON object that is neither COCO (images, categories, annotations) "
                    + "nor a Picsellia evaluation (per_image_eval) or confusion matrix (categories, values)")
        case .notAContainer(let value):
            throw .unrecognized(file: source.name, message: "expected a JSON object or array, found \(value)")
        }
    }

    /// What the start of a document shows.
    private enum Found {
        case kind(FileKind)
        /// An array whose first element (named) is not an object.
        case arrayOf(String)
        case unknownObject
        /// Neither an object nor an array (the value named).
        case notAContainer(String)
    }

    private static func scan(_ source: SourceBytes) throws(JSONScanError) -> Found {
        var scanner = JSONScanner(source.buffer)
        switch scanner.peek() {
        case UInt8(ascii: "["):
            // A results list holds objects: an array of anything else (nested arrays, numbers)
            // is refused here, before the reader, with what was found.
            try scanner.enterArray()
            let empty = !(try scanner.nextElement())
            guard empty || scanner.peek() == UInt8(ascii: "{") else { return .arrayOf(scanner.nextValueName()) }
            return .kind(.cocoResults)
        case UInt8(ascii: "{"):
            return try detectObject(&scanner).map(Found.kind) ?? .unknownObject
        default:
            return .notAContainer(scanner.nextValueName())
        }
    }

    private static func detectObject(_ scanner: inout JSONScanner) throws(JSONScanError) -> FileKind? {
        var keys: Set<String> = []
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "per_image_eval", "filename_matrix":
                return .picselliaEvaluation
            case "annotations":
                if let scored = try firstAnnotationHasScore(&scanner) {
                    return scored ? .cocoDatasetWithScores : .cocoGroundTruth
                }
            default:
                try scanner.skipValue()
            }
            keys.insert(key.string)
        }
        if keys.contains("values") && keys.contains("categories") { return .picselliaConfusionMatrix }
        if keys.contains("annotations") || keys.contains("images") { return .cocoGroundTruth }
        return nil
    }

    /// Whether the first element of the `annotations` array has a `score`; nil for an empty
    /// array (which leaves the array consumed).
    private static func firstAnnotationHasScore(_ scanner: inout JSONScanner) throws(JSONScanError) -> Bool? {
        try scanner.enterArray()
        guard try scanner.nextElement() else { return nil }
        try scanner.enterObject()
        while let key = try scanner.nextKey() {
            if case "score" = key { return true }
            try scanner.skipValue()
        }
        return false
    }
}
