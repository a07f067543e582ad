import EvalCore
import EvalFormats

extension Executor {
    /// `export coco|yolo|voc FOLDER`: the current evaluation's ground truth and predictions, edits
    /// applied (excluded images left out, renamed classes under their new names), in a new folder.
    func export(_ format: ExportFormat, to folder: Name) throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        guard case .boxes(let evaluator) = session.data else {
            throw .unavailable(
                "\(session.name) is a Picsellia payload: it holds no ground-truth boxes to export",
                help: "load the ground truth and predictions it was made from")
        }
        var groundTruth = evaluator.groundTruth
        for (i, name) in session.state.labels.enumerated() where i < groundTruth.categories.count {
            groundTruth.categories[i].name = name
        }
        let included = session.state.imageMask(count: session.imageCount) ?? Array(repeating: true, count: session.imageCount)
        let (gt, dt) = EvaluationExport.subset(groundTruth, evaluator.detections, included: included)
        let summary: ExportSummary
        do {
            summary = try EvalFileWriter.export(
                format, groundTruth: gt, detections: dt, to: Self.expandTilde(folder.text),
                imagesDirectory: workspace.settings.imagesDirectory)
        } catch {
            guard case .unwritable(let file, let reason) = error else {
                throw .output(OutputError(path: folder.text, reason: .other(error.description)), at: folder.range)
            }
            throw .output(OutputError(path: file, reason: .other(reason)), at: folder.range)
        }
        let text = "exported \(session.name) as \(format.rawValue) to \(summary.folder): \(gt.images.count) images, "
            + "\(gt.annotations.count) ground-truth boxes, \(dt.count) predictions (\(summary.files) files)"
        return [.message(Message(text))] + summary.notes.map { .message(Message($0, level: .note)) }
    }
}
