import EvalCore

/// Ground truth and predictions read from any pair of formats evalsh knows.
public struct LoadedEvaluation: Sendable {
    public var groundTruth: GroundTruth
    public var detections: Detections
    /// What was recognised on each side, for the load message.
    public var recognised: [String]
    /// What the user should know (boxes outside the image, …).
    public var warnings: [String]
}

extension EvalFileReader {
    /// Reads ground truth from `groundTruthPath` and predictions from `predictionsPath`, each in
    /// any format (COCO, YOLO `data.yaml` or folder, VOC folder, CVAT XML, LabelMe folder, Open
    /// Images CSV, Ultralytics `predictions.json`),
    /// told from content and layout. `imagesDirectory` gives image sizes to formats without them.
    public static func loadEvaluation(
        groundTruth groundTruthPath: String, predictions predictionsPath: String, imagesDirectory: String? = nil
    ) throws(FormatError) -> LoadedEvaluation {
        let gtKind = try PathKindDetector.detect(path: groundTruthPath)
        let (groundTruth, gtText, gtWarnings) = try readGroundTruth(
            path: groundTruthPath, kind: gtKind, imagesDirectory: imagesDirectory)
        let dtKind = try PathKindDetector.detect(path: predictionsPath)
        let (detections, dtText, dtWarnings) = try readPredictions(
            path: predictionsPath, kind: dtKind, groundTruth: groundTruth)
        return LoadedEvaluation(groundTruth: groundTruth, detections: detections, recognised: [gtText, dtText],
                                warnings: gtWarnings + dtWarnings)
    }

    /// The ground-truth side of `loadEvaluation`.
    public static func readGroundTruth(path: String, kind: FileKind, imagesDirectory: String?) throws(FormatError)
        -> (GroundTruth, String, [String])
    {
        switch kind {
        case .cocoGroundTruth:
            let gt = try readGroundTruth(path: path)
            LoadProgress.observer?(.read(file: path, kind: kind))
            return (gt, "COCO ground truth \(path)", [])
        case .yoloDataset:
            let set = try YOLOReader.readDataset(config: PathKindDetector.dataConfig(path))
            return (try set.groundTruth(), set.description, set.warnings)
        case .yoloLabels, .yoloPredictions:
            guard let folder = imagesDirectory ?? YOLOReader.imagesFolder(forLabels: path) else {
                throw .located(file: path, line: nil, column: nil,
                               message: "YOLO labels need their images for the sizes: give --images DIR "
                                   + "(or 'set images DIR' before load), or a data.yaml")
            }
            let set = try YOLOReader.readFolder(path, images: ImageFolder(path: folder))
            return (try set.groundTruth(), set.description + ", image sizes from \(folder)", set.warnings)
        case .vocAnnotations, .cvatImages, .labelMe:
            let set = try namedSet(path, kind: kind)
            return (try set.groundTruth(), set.description, set.warnings)
        case .openImages, .openImagesPredictions:
            guard let imagesDirectory else {
                throw .located(file: path, line: nil, column: nil,
                               message: "Open Images coordinates are fractions of the image size: give the images "
                                   + "(--images DIR, or 'set images DIR' before load)")
            }
            let set = try OpenImagesReader.read(path: path, images: ImageFolder(path: imagesDirectory))
            return (try set.groundTruth(), set.description + ", image sizes from \(imagesDirectory)", set.warnings)
        default:
            throw .wrongKind(file: path, expected: .cocoGroundTruth, found: kind)
        }
    }

    /// The predictions side of `loadEvaluation`.
    public static func readPredictions(path: String, kind: FileKind, groundTruth: GroundTruth) throws(FormatError)
        -> (Detections, String, [String])
    {
        switch kind {
        case .cocoResults, .cocoDatasetWithScores:
            return (try readDetections(path: path, groundTruth: groundTruth), "\(kind) \(path)", [])
        case .yoloPredictions, .yoloLabels:
            let set = try YOLOReader.readFolder(path)
            var text = set.description
            if set.names == nil { text += ", classes by index in the ground truth's order" }
            return (try set.detections(against: groundTruth, file: path), text, set.warnings)
        case .vocAnnotations, .cvatImages, .labelMe, .openImages, .openImagesPredictions:
            let set = try namedSet(path, kind: kind)
            return (try set.detections(against: groundTruth, file: path), set.description, set.warnings)
        default:
            throw .wrongKind(file: path, expected: .cocoResults, found: kind)
        }
    }

    /// The formats that name classes and give pixels (Open Images: fractions of the ground
    /// truth's sizes, when read as predictions).
    private static func namedSet(_ path: String, kind: FileKind) throws(FormatError) -> LabeledSet {
        switch kind {
        case .cvatImages: return try CVATReader.read(path: path)
        case .labelMe:
            if FileTree.isDirectory(path) { return try LabelMeReader.readFolder(path) }
            return try LabelMeReader.read([path], description: "LabelMe \(path)")
        case .openImages, .openImagesPredictions: return try OpenImagesReader.read(path: path, images: nil)
        default:
            if FileTree.isDirectory(path) { return try VOCReader.readFolder(path) }
            return LabeledSet(description: "Pascal VOC annotation \(path)", format: .voc, names: nil,
                              images: [try VOCReader.readFile(path)], normalized: false)
        }
    }
}

extension EvalFileReader {
    /// True for a path that `load` reads through `loadEvaluation` rather than as one JSON
    /// file: a folder, a YAML, XML or CSV file, or a LabelMe `.json` file.
    public static func needsDatasetReader(_ path: String) -> Bool {
        if FileTree.isDirectory(path) || ["yaml", "yml", "xml", "csv"].contains(FileTree.fileExtension(path)) { return true }
        return FileTree.fileExtension(path) == "json" && LabelMeReader.looksLikeLabelMe(path)
    }
}
