/// One image's boxes as a file-per-image (or per-row) format gives them: the image named by its
/// file, classes by name or by index, before they are tied to a ground truth.
public struct LabeledImage: Sendable {
    /// The key images are matched by across formats: the image file's name without folder and
    /// extension (`000123` for `images/val/000123.jpg`, `labels/val/000123.txt`, `000123.xml`).
    public var key: String
    /// The image's file name as the format gives it (`000123.jpg`), else the key.
    public var fileName: String
    /// Size in pixels; nil where the format has none and no image was read.
    public var width: Double?
    public var height: Double?
    public var boxes: [LabeledBox]
    /// The file the boxes came from, for messages.
    public var source: String

    public init(key: String, fileName: String, width: Double? = nil, height: Double? = nil,
                boxes: [LabeledBox] = [], source: String) {
        self.key = key
        self.fileName = fileName
        self.width = width
        self.height = height
        self.boxes = boxes
        self.source = source
    }
}

/// A box of a `LabeledImage`: pixels, or fractions of the image's size when the set is
/// normalized (YOLO, Open Images).
public struct LabeledBox: Sendable, Equatable {
    public enum Label: Sendable, Equatable, Hashable {
        /// A class index into the set's names (YOLO).
        case index(Int)
        /// A class name (VOC, CVAT, LabelMe, Open Images).
        case name(String)
    }

    public var label: Label
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    /// The confidence; NaN for ground truth.
    public var score: Double
    /// VOC's `difficult`, Open Images' `IsGroupOf`, CVAT's `occluded` is not used: evaluated like
    /// COCO's `iscrowd` (matches to it are neither true nor false positives).
    public var ignored: Bool
    /// 1-based line of the file it was read from (0 where the format has no lines).
    public var line: Int

    public init(label: Label, x: Double, y: Double, width: Double, height: Double, score: Double = .nan,
                ignored: Bool = false, line: Int = 0) {
        self.label = label
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.score = score
        self.ignored = ignored
        self.line = line
    }
}
