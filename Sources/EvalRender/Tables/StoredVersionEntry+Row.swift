import EvalQuery

extension StoredVersionEntry {
    /// The columns of a version, most telling first: a terminal narrower than the table leaves
    /// out the last ones.
    static let columns = [
        "version", "pushed", "message", "AP", "AP50", "precision", "recall", "F1", "iou", "confidence", "images", "kind",
        "edits",
    ]

    /// Its line of `log` and `experiments`; figures a payload does not record are null.
    var row: [Cell] {
        let number = { (value: Double?) in value.map(Cell.double) ?? .null }
        return [
            .int(self.number), .string(DateText.local(pushedAt)), .string(message ?? ""), number(ap), number(ap50),
            precision.map(Cell.percent) ?? .null, recall.map(Cell.percent) ?? .null, f1.map(Cell.percent) ?? .null,
            number(point?.iou), number(point?.confidence), imageCount.map(Cell.int) ?? .null,
            .string(hasBoxes ? "boxes" : "payload only"), .string(edits.joined(separator: "; ")),
        ]
    }
}
