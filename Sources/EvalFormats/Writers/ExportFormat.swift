/// The formats `EvalFileWriter.export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// `PATH/ground_truth.json` (a COCO dataset) and `PATH/predictions.json` (a results list).
    case coco
    /// `PATH/data.yaml` (names; `val: images/val`, a link to the images folder when known),
    /// `PATH/labels/val/*.txt` and `PATH/predictions/*.txt` (with the confidence).
    case yolo
    /// `PATH/Annotations/*.xml` and `PATH/predictions/*.xml` (VOC objects with a `<score>`,
    /// which evalsh reads back).
    case voc
}

/// What an export wrote and what the user should know about it.
public struct ExportSummary: Sendable, Equatable {
    /// The folder written.
    public var folder: String
    /// Files written, not counting the per-image files' folder contents one by one.
    public var files: Int
    /// Things left out or changed by the format (crowd boxes in YOLO, segment areas).
    public var notes: [String]
}
