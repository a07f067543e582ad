import EvalCore

/// A file read by `EvalFileReader.load`, by kind.
public enum LoadedFile: Sendable {
    case groundTruth(GroundTruth)
    case detections(Detections, kind: FileKind)
    case picselliaEvaluation(PicselliaEvaluation)
    case confusionMatrix(ConfusionMatrixLog)

    public var kind: FileKind {
        switch self {
        case .groundTruth: return .cocoGroundTruth
        case .detections(_, let kind): return kind
        case .picselliaEvaluation: return .picselliaEvaluation
        case .confusionMatrix: return .picselliaConfusionMatrix
        }
    }
}

/// The entry points the shell uses: each reads one file whole or throws, never returning a
/// partly loaded value.
public enum EvalFileReader {
    /// Detects the file's kind and reads it. Predictions need `groundTruth` to resolve their
    /// ids; without it, a predictions file is refused with `.wrongKind`.
    public static func load(path: String, groundTruth: GroundTruth? = nil) throws(FormatError) -> LoadedFile {
        let loaded = try read(path: path, groundTruth: groundTruth)
        LoadProgress.observer?(.read(file: path, kind: loaded.kind))
        return loaded
    }

    private static func read(path: String, groundTruth: GroundTruth?) throws(FormatError) -> LoadedFile {
        let source = try SourceBytes(path: path, json: true)
        let kind = try FileKindDetector.detect(source)
        switch kind {
        case .cocoGroundTruth:
            return .groundTruth(try COCOGroundTruthReader.read(source))
        case .cocoResults, .cocoDatasetWithScores:
            guard let groundTruth else { throw .wrongKind(file: path, expected: .cocoGroundTruth, found: kind) }
            return .detections(try COCODetectionsReader.read(source, groundTruth: groundTruth), kind: kind)
        case .picselliaEvaluation:
            return .picselliaEvaluation(try PicselliaEvaluation(json: JSONValueParser.parse(source), file: path))
        case .picselliaConfusionMatrix:
            return .confusionMatrix(try ConfusionMatrixLog(json: JSONValueParser.parse(source), file: path))
        case .yoloDataset, .yoloLabels, .yoloPredictions, .vocAnnotations, .cvatImages, .labelMe, .openImages,
            .openImagesPredictions:
            // JSON detection finds none of these: they are found by `PathKindDetector` and read from
            // their folders and files. Said rather than trapped, should that ever change.
            throw .wrongKind(file: path, expected: .cocoGroundTruth, found: kind)
        }
    }

    public static func readGroundTruth(path: String) throws(FormatError) -> GroundTruth {
        let source = try SourceBytes(path: path, json: true)
        try require(.cocoGroundTruth, source)
        return try COCOGroundTruthReader.read(source)
    }

    public static func readDetections(path: String, groundTruth: GroundTruth) throws(FormatError) -> Detections {
        if let streamed = try StreamedResultsReader.read(path: path, groundTruth: groundTruth) {
            LoadProgress.observer?(.read(file: path, kind: .cocoResults))
            return streamed
        }
        let source = try SourceBytes(path: path, json: true)
        let kind = try FileKindDetector.detect(source)
        guard kind.holdsPredictions else { throw .wrongKind(file: path, expected: .cocoResults, found: kind) }
        let detections = try readResults(source, kind: kind, groundTruth: groundTruth)
        LoadProgress.observer?(.read(file: path, kind: kind))
        return detections
    }

    /// COCO results by image id, else (string ids, or numeric ids that are file stems as
    /// Ultralytics writes them) by file stem; an error of the id reading when neither fits.
    private static func readResults(_ source: SourceBytes, kind: FileKind, groundTruth: GroundTruth)
        throws(FormatError) -> Detections
    {
        if kind == .cocoResults && StemResultsReader.startsWithStringImageId(source) {
            return try StemResultsReader.read(source, groundTruth: groundTruth)
        }
        do {
            return try COCODetectionsReader.read(source, groundTruth: groundTruth)
        } catch {
            guard case .unknownImage = error, kind == .cocoResults,
                let byStem = try? StemResultsReader.read(source, groundTruth: groundTruth) else { throw error }
            return byStem
        }
    }

    public static func readPicselliaEvaluation(path: String) throws(FormatError) -> PicselliaEvaluation {
        let source = try SourceBytes(path: path, json: true)
        try require(.picselliaEvaluation, source)
        return try PicselliaEvaluation(json: JSONValueParser.parse(source), file: path)
    }

    public static func readConfusionMatrix(path: String) throws(FormatError) -> ConfusionMatrixLog {
        let source = try SourceBytes(path: path, json: true)
        try require(.picselliaConfusionMatrix, source)
        return try ConfusionMatrixLog(json: JSONValueParser.parse(source), file: path)
    }

    private static func require(_ expected: FileKind, _ source: SourceBytes) throws(FormatError) {
        let found = try FileKindDetector.detect(source)
        guard found == expected else { throw .wrongKind(file: source.name, expected: expected, found: found) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
