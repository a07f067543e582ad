/// Tells what a path holds, folders included: a `data.yaml`, a folder of YOLO `.txt` files
/// (predictions when their lines have a sixth field), a folder of VOC XML or LabelMe JSON files,
/// an XML file by its root (VOC, CVAT), a CSV (Open Images), else a JSON file told by
/// `FileKindDetector` (or LabelMe's `shapes`).
public enum PathKindDetector {
    public static func detect(path: String) throws(FormatError) -> FileKind {
        if FileTree.isDirectory(path) { return try detectFolder(path) }
        switch FileTree.fileExtension(path) {
        case "yaml", "yml": return .yoloDataset
        case "xml":
            let root = try XMLNode.parse(SourceBytes(path: path))
            switch root.name {
            case "annotation": return .vocAnnotations
            case "annotations": return .cvatImages
            default:
                throw .unrecognized(file: path, message: "XML whose root is <\(root.name)>: neither VOC (<annotation>) "
                    + "nor CVAT for images (<annotations>)")
            }
        case "csv":
            return try OpenImagesReader.isGroundTruth(path: path) ? .openImages : .openImagesPredictions
        default:
            do {
                return try FileKindDetector.detect(path: path)
            } catch {
                if case .unrecognized = error, LabelMeReader.isLabelMe(path) { return .labelMe }
                throw error
            }
        }
    }

    static func detectFolder(_ folder: String) throws(FormatError) -> FileKind {
        for name in ["data.yaml", "dataset.yaml"] where FileTree.isFile(FileTree.join(folder, name)) {
            return .yoloDataset
        }
        if FileTree.isDirectory(FileTree.join(folder, "Annotations"))
            || !FileTree.files(in: folder, extensions: ["xml"]).isEmpty {
            return .vocAnnotations
        }
        let labels = YOLOReader.labelFiles(in: folder)
        if !labels.isEmpty {
            for file in labels.prefix(50) {
                let parsed = try YOLOLabelFile.read(path: file)
                if let first = parsed.boxes.first { return first.score.isNaN ? .yoloLabels : .yoloPredictions }
            }
            return .yoloLabels
        }
        if !FileTree.files(in: folder, extensions: ["xml"], recursive: true).isEmpty { return .vocAnnotations }
        if let json = FileTree.files(in: folder, extensions: ["json"], recursive: true).first, LabelMeReader.isLabelMe(json) {
            return .labelMe
        }
        throw .unrecognized(
            file: folder,
            message: "a folder without data.yaml, YOLO .txt label files, VOC .xml files or LabelMe .json files")
    }

    /// The `data.yaml` a path names: itself, or the one inside the folder.
    static func dataConfig(_ path: String) -> String {
        guard FileTree.isDirectory(path) else { return path }
        for name in ["data.yaml", "dataset.yaml"] where FileTree.isFile(FileTree.join(path, name)) {
            return FileTree.join(path, name)
        }
        return path
    }
}
