import EvalCore
import EvalFormats

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Executor {
    /// `load FILE [FILE] [as NAME]`: one payload (with its confusion-matrix log beside it when
    /// there is one), or ground truth then predictions. Kinds come from the content.
    func load(_ files: [Name], as name: Name?, statement node: StatementNode) throws(ExecutionError) -> [QueryResult] {
        if let name, workspace.evaluation(named: name.text) != nil {
            throw .invalidValue(
                "an evaluation named \"\(name.text)\" is loaded already; drop it or choose another name", at: name.range)
        }
        let paths = files.map { Self.expandTilde($0.text) }
        let imagesDirectory = workspace.settings.imagesDirectory
        let label = "loading \(files.map { Self.baseName($0.text) }.joined(separator: " and "))…"
        let (data, origin, notes, warnings) = try withProgress(label) { () throws(ExecutionError) in
            do throws(ExecutionError) { return try Self.read(paths, imagesDirectory: imagesDirectory) } catch { throw error.located(in: files) }
        }
        let base = name?.text ?? workspace.freeName(Self.defaultName(for: paths, data: data))
        let session = EvaluationSession(name: base, origin: origin, data: data)
        workspace.add(session)
        // A reader's warning is about the files: the caret goes under their names.
        let place = files.compactMap(\.range).reduce(nil) { $0?.union($1) ?? $1 } ?? node.range
        return [.message(Message(describe(session)))] + notes.map { .message($0) } + warnings.map { .warning($0, at: place) }
    }

    /// Reads the files of a `load` (or of the command line) into evaluation data. Folders and
    /// YAML/XML files (YOLO, VOC) go through `EvalFileReader.loadEvaluation`, which takes image
    /// sizes from `imagesDirectory` where the format has none.
    public static func read(_ paths: [String], imagesDirectory: String? = nil) throws(ExecutionError)
        -> (EvaluationData, EvaluationOrigin, notes: [Message], warnings: [DiagnosticKind])
    {
        do {
            if paths.contains(where: EvalFileReader.needsDatasetReader) {
                guard paths.count == 2 else {
                    throw ExecutionError.unavailable(
                        "\(paths[0]) is ground truth (\(try PathKindDetector.detect(path: paths[0]))); its predictions are needed too",
                        help: "load \(paths[0]) PREDICTIONS")
                }
                let loaded = try EvalFileReader.loadEvaluation(
                    groundTruth: paths[0], predictions: paths[1], imagesDirectory: imagesDirectory)
                let notes = [Message("recognised " + loaded.recognised.joined(separator: "; "), level: .note)]
                return (
                    .boxes(Evaluator(groundTruth: loaded.groundTruth, detections: loaded.detections)), .files(paths), notes,
                    loaded.warnings.map { .inputWarning($0) }
                )
            }
            let first = try EvalFileReader.load(path: paths[0])
            switch first {
            case .groundTruth(let gt):
                guard paths.count == 2 else {
                    throw ExecutionError.unavailable(
                        "\(paths[0]) is COCO ground truth; its predictions are needed too",
                        help: "load \(paths[0]) PREDICTIONS.json")
                }
                let dt = try EvalFileReader.readDetections(path: paths[1], groundTruth: gt)
                return (.boxes(Evaluator(groundTruth: gt, detections: dt)), .files(paths), [], [])
            case .picselliaEvaluation(let payload):
                var matrix: ConfusionMatrixLog?
                var matrixPath: String?
                var notes: [Message] = []
                var warnings: [DiagnosticKind] = []
                if paths.count == 2 {
                    matrix = try EvalFileReader.readConfusionMatrix(path: paths[1])
                    matrixPath = paths[1]
                } else if let (path, found) = SiblingConfusionMatrix.matching(beside: paths[0], labels: payload.labels) {
                    matrix = found
                    matrixPath = path
                    notes.append(Message("confusion matrix read from \(path)", level: .note))
                    let disagreements = SiblingConfusionMatrix.disagreements(found, payload: payload)
                    if let first = disagreements.first {
                        warnings.append(.inputWarning(
                            "\(path) disagrees with \(paths[0]) in \(disagreements.count) place(s) (first: \(first.path): "
                                + "\(first.message)); one may be older than the other (an interrupted push?): 'check' lists them"))
                    }
                } else if case let unfit = SiblingConfusionMatrix.issues(beside: paths[0], payload: payload, severity: .warning),
                    !unfit.isEmpty
                {
                    // A warning, shown by scripts too: a matrix beside the payload that is not used surprises.
                    warnings += unfit.map { .inputWarning("\($0.path) \($0.message) ('check' reports it as an error)") }
                } else {
                    notes.append(Message(
                        "no confusion-matrix log beside \(paths[0]): 'matrix' needs one (load \(paths[0]) CONFUSION.json)",
                        level: .note))
                }
                return (.payload(payload, matrix), .payloadFile(paths[0], matrix: matrixPath), notes, warnings)
            case .detections(_, let kind):
                throw ExecutionError.unavailable(
                    "\(paths[0]) holds predictions (\(kind)); load the ground truth first", help: "load GT.json \(paths[0])")
            case .confusionMatrix:
                throw ExecutionError.unavailable(
                    "\(paths[0]) is a confusion-matrix log; load the evaluation payload with it",
                    help: "load evaluation.json \(paths[0])")
            }
        } catch let error as FormatError {
            throw .input(error, at: nil)
        } catch let error as ExecutionError {
            throw error
        } catch {
            throw .unavailable("\(error)", help: nil)
        }
    }

    /// The predictions file's stem for boxes, the payload's for a payload.
    static func defaultName(for paths: [String], data: EvaluationData) -> String {
        let named: String
        switch data {
        case .boxes: named = paths.last!
        case .payload: named = paths[0]
        }
        let stem = fileStem(named)
        let cleaned = String(stem.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        return cleaned.isEmpty || cleaned.first!.isNumber ? "eval" : cleaned
    }

    static func fileStem(_ path: String) -> String {
        let file = baseName(path)
        return file.hasSuffix(".json") ? String(file.dropLast(5)) : file
    }

    /// The last component of `path`.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `~/x` → `$HOME/x`; other paths unchanged.
    public static func expandTilde(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    func describe(_ session: EvaluationSession) -> String {
        switch session.data {
        case .boxes(let e):
            return "loaded \(session.name): \(e.groundTruth.images.count) images, \(e.groundTruth.categories.count) classes, "
                + "\(e.groundTruth.annotations.count) ground-truth boxes, \(e.detections.count) predictions"
        case .payload(let p, let m):
            return "loaded \(session.name): Picsellia payload, \(p.perImage.count) images, \(p.classCount) classes"
                + (m == nil ? "" : ", with its confusion matrix")
        }
    }

    func evaluationList() -> EvaluationListResult {
        EvaluationListResult(entries: workspace.evaluations.map { s in
            let hasBoxes: Bool
            switch s.data {
            case .boxes: hasBoxes = true
            case .payload: hasBoxes = false
            }
            return EvaluationListResult.Entry(
                name: s.name, isCurrent: s === workspace.current, hasBoxes: hasBoxes, images: s.imageCount,
                classes: s.state.labels.count, point: s.countsPoint, pendingEdits: s.pending.count,
                origin: s.origin.description, pushTarget: defaultTarget(s))
        })
    }

    func drop(_ name: Name) throws(ExecutionError) -> [QueryResult] {
        let session = try evaluation(name)
        workspace.drop(session)
        var text = "dropped \(session.name)"
        if !session.pending.isEmpty { text += " and its \(session.pending.count) pending edit(s)" }
        return [.message(Message(text))]
    }
}
