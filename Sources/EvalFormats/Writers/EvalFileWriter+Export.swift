import EvalCore

extension EvalFileWriter {
    /// Writes ground truth and predictions to a new folder `path` in `format` (see
    /// `ExportFormat` for the layout); nothing is left behind when it fails. The caller applies
    /// its edits first (`EvaluationExport.subset` leaves out excluded images; renamed classes are
    /// the ground truth's category names). `imagesDirectory`, when known, is linked from a YOLO
    /// export so that its `data.yaml` loads with the image sizes.
    public static func export(
        _ format: ExportFormat, groundTruth: GroundTruth, detections: Detections, to path: String,
        imagesDirectory: String? = nil
    ) throws(FormatError) -> ExportSummary {
        var folder = try ExportFolder(path)
        do throws(FormatError) {
            let notes: [String]
            switch format {
            case .coco: notes = try COCOExport.write(groundTruth, detections, into: &folder)
            case .yolo: notes = try YOLOExport.write(groundTruth, detections, imagesDirectory: imagesDirectory, into: &folder)
            case .voc: notes = try VOCExport.write(groundTruth, detections, into: &folder)
            }
            try folder.commit()
            return ExportSummary(folder: folder.final, files: folder.files, notes: notes)
        } catch {
            folder.abandon()
            throw error
        }
    }
}

/// Subsets of an evaluation for export.
public enum EvaluationExport {
    /// The images whose `included` is true, with their boxes and predictions (indices renumbered).
    public static func subset(_ groundTruth: GroundTruth, _ detections: Detections, included: [Bool])
        -> (GroundTruth, Detections)
    {
        var newIndex = [Int32](repeating: -1, count: groundTruth.images.count)
        var images: [ImageInfo] = []
        for (i, image) in groundTruth.images.enumerated() where included[i] {
            newIndex[i] = Int32(images.count)
            images.append(image)
        }
        var columns = AnnotationColumns()
        let a = groundTruth.annotations
        for i in 0..<a.count where newIndex[Int(a.image[i])] >= 0 {
            columns.append(id: a.id[i], image: newIndex[Int(a.image[i])], category: a.category[i], box: a.box(i),
                           area: a.area[i], isCrowd: a.isCrowd[i], ignore: a.ignore[i])
        }
        var kept = Detections()
        for i in 0..<detections.count where newIndex[Int(detections.image[i])] >= 0 {
            kept.append(image: newIndex[Int(detections.image[i])], category: detections.category[i], box: detections.box(i),
                        score: detections.score[i])
        }
        return (GroundTruth(images: images, categories: groundTruth.categories, annotations: columns), kept)
    }
}
