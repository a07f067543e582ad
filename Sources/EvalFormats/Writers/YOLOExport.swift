import EvalCore

/// An Ultralytics layout: `data.yaml`, `labels/val/<stem>.txt`, `predictions/<stem>.txt`
/// (class index = position in the label map; coordinates as fractions of the image size, written
/// in the shortest form that reads back to the same double), `images/val` a link to the images.
enum YOLOExport {
    static func write(_ gt: GroundTruth, _ dt: Detections, imagesDirectory: String?, into folder: inout ExportFolder)
        throws(FormatError) -> [String]
    {
        var notes: [String] = []
        var yaml = "# written by evalsh\npath: .\nval: images/val\nnames:\n"
        for (i, category) in gt.categories.enumerated() { yaml += "  \(i): \(quoted(category.name))\n" }
        try folder.write("data.yaml", Array(yaml.utf8))
        try folder.makeDirectory("images")
        try folder.makeDirectory("labels")
        try folder.makeDirectory("labels/val")
        try folder.makeDirectory("predictions")
        if let imagesDirectory {
            try folder.link("images/val", to: imagesDirectory)
        } else {
            notes.append("no images folder known: load the labels with --images DIR (or set images DIR)")
        }
        var labels = [String](repeating: "", count: gt.images.count)
        var predictions = [String](repeating: "", count: gt.images.count)
        let a = gt.annotations
        var crowd = 0
        var segmentAreas = 0
        for i in 0..<a.count {
            if a.isCrowd[i] { crowd += 1; continue }
            if abs(a.area[i] - a.width[i] * a.height[i]) > 1e-9 * max(1, a.area[i]) { segmentAreas += 1 }
            labels[Int(a.image[i])] += try line(gt, Int(a.image[i]), a.category[i], a.box(i), score: nil)
        }
        for i in 0..<dt.count {
            let score = dt.score[i].isNaN ? nil : dt.score[i]
            predictions[Int(dt.image[i])] += try line(gt, Int(dt.image[i]), dt.category[i], dt.box(i), score: score)
        }
        for (i, image) in gt.images.enumerated() {
            let stem = FileTree.stem(image.fileName)
            try folder.write("labels/val/\(stem).txt", Array(labels[i].utf8))
            if !predictions[i].isEmpty { try folder.write("predictions/\(stem).txt", Array(predictions[i].utf8)) }
        }
        if crowd > 0 { notes.append("\(crowd) crowd box(es) left out: YOLO has no crowd") }
        if segmentAreas > 0 {
            notes.append("\(segmentAreas) box(es) had a segment area: YOLO keeps w·h, so APs/APm/APl may differ")
        }
        return notes
    }

    private static func line(_ gt: GroundTruth, _ image: Int, _ category: Int32, _ box: BoundingBox, score: Double?)
        throws(FormatError) -> String
    {
        let info = gt.images[image]
        guard info.width > 0, info.height > 0 else {
            throw .unwritable(file: info.fileName, reason: "image size unknown: YOLO needs it to write fractions")
        }
        let w = info.width, h = info.height
        var text = "\(category) \(box.x / w + box.width / w / 2) \(box.y / h + box.height / h / 2) \(box.width / w) \(box.height / h)"
        if let score { text += " \(score)" }
        return text + "\n"
    }

    /// A YAML scalar in single quotes ('' for a quote), so that any class name reads back.
    static func quoted(_ name: String) -> String {
        "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}
