/// The boxes of a whole folder or file in a format other than COCO, in image-key order, with
/// what was recognised (for the load message) and warnings.
public struct LabeledSet: Sendable {
    /// What was read, for the load message: `YOLO labels (data.yaml, split val)`.
    public var description: String
    public var format: LabeledFormat
    /// Class names in label-map order; nil when the format gives only indices and no names file
    /// was found (the ground truth's order is then used).
    public var names: [String]?
    public var images: [LabeledImage]
    /// True when box coordinates are fractions of the image size (YOLO, Open Images).
    public var normalized: Bool
    /// Things the user should know that do not stop the load (boxes outside the image).
    public var warnings: [String]

    public init(description: String, format: LabeledFormat, names: [String]?, images: [LabeledImage],
                normalized: Bool, warnings: [String] = []) {
        self.description = description
        self.format = format
        self.names = names
        self.images = images
        self.normalized = normalized
        self.warnings = warnings
    }

    /// True when any box carries a confidence.
    public var holdsScores: Bool { images.contains { $0.boxes.contains { !$0.score.isNaN } } }

    public var boxCount: Int { images.reduce(0) { $0 + $1.boxes.count } }

    /// Refuses two files for one image, naming both.
    func checkUniqueKeys() throws(FormatError) {
        var seen: [String: String] = [:]
        seen.reserveCapacity(images.count)
        for image in images {
            if let other = seen.updateValue(image.source, forKey: image.key) {
                throw .located(
                    file: image.source, line: nil, column: nil,
                    message: "image \"\(image.key)\" is also described by \(other): two files for one image")
            }
        }
    }
}

/// The formats read into a `LabeledSet`.
public enum LabeledFormat: String, Sendable, Equatable, CustomStringConvertible {
    case yolo = "YOLO"
    case voc = "Pascal VOC"
    case cvat = "CVAT for images 1.1"
    case labelMe = "LabelMe"
    case openImages = "Open Images CSV"
    case ultralyticsJSON = "Ultralytics predictions.json"

    public var description: String { rawValue }
}
