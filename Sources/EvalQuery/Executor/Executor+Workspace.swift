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
    func load(_ files: [Name], as name: Name?) throws(ExecutionError) -> [QueryResult] {
        if let name, workspace.evaluation(named: name.text) != nil {
            throw .invalidValue(
                "an evaluation named \"\(name.text)\" is loaded already; drop it or choose another name", at: name.range)
        }
        let paths = files.map { Self.expandTilde($0.text) }
        let (data, origin, notes) = try Self.read(paths)
        let base = name?.text ?? workspace.freeName(Self.defaultName(for: paths, data: data))
        let session = EvaluationSession(name: base, origin: origin, data: data)
        workspace.add(session)
        return [.message(Message(describe(session)))] + notes.map { .message($0) }
    }

    /// Reads the files of a `load` (or of the command line) into evaluation data.
    public static func read(_ paths: [String]) throws(ExecutionError) -> (EvaluationData, EvaluationOrigin, [Message]) {
        do {
            let first = try EvalFileReader.load(path: paths[0])
            switch first {
            case .groundTruth(let gt):
                guard paths.count == 2 else {
                    throw ExecutionError.unavailable(
                        "\(paths[0]) is COCO ground truth; its predictions are needed too",
                        help: "load \(paths[0]) PREDICTIONS.json")
                }
                let dt = try EvalFileReader.readDetections(path: paths[1], groundTruth: gt)
                guard let evaluator = Evaluator(groundTruth: gt, detections: dt, shouldStop: LoadCancellation.isRequested)
                else { throw FormatError.cancelled(file: paths[1]) }
                return (.boxes(evaluator), .files(paths), [])
            case .picselliaEvaluation(let payload):
                var matrix: ConfusionMatrixLog?
                var matrixPath: String?
                var notes: [Message] = []
                if paths.count == 2 {
                    matrix = try EvalFileReader.readConfusionMatrix(path: paths[1])
                    matrixPath = paths[1]
                } else if let (path, found) = siblingConfusionMatrix(of: paths[0], labels: payload.labels) {
                    matrix = found
                    matrixPath = path
                    notes.append(Message("confusion matrix read from \(path)", level: .note))
                } else if let (path, other) = siblingConfusionMatrices(of: paths[0]).first {
                    // A warning, shown by scripts too: a matrix beside the payload that is not used surprises.
                    notes.append(Message(
                        "\(path) is beside \(paths[0]) but its labels \(other.categories) are not the payload's "
                            + "\(payload.labels): not used ('check' compares them when it is loaded: load \(paths[0]) \(path))",
                        level: .warning))
                } else {
                    notes.append(Message(
                        "no confusion-matrix log beside \(paths[0]): 'matrix' needs one (load \(paths[0]) CONFUSION.json)",
                        level: .note))
                }
                return (.payload(payload, matrix), .payloadFile(paths[0], matrix: matrixPath), notes)
            case .detections(_, let kind):
                throw ExecutionError.unavailable(
                    "\(paths[0]) holds predictions (\(kind)); load the ground truth first", help: "load GT.json \(paths[0])")
            case .confusionMatrix:
                throw ExecutionError.unavailable(
                    "\(paths[0]) is a confusion-matrix log; load the evaluation payload with it",
                    help: "load evaluation.json \(paths[0])")
            }
        } catch let error as FormatError {
            throw .input(error)
        } catch let error as ExecutionError {
            throw error
        } catch {
            throw .unavailable("\(error)", help: nil)
        }
    }

    /// `X.confusion-matrix.json` or `confusion-matrix.json` beside a payload, when its labels agree.
    static func siblingConfusionMatrix(of path: String, labels: [String]) -> (String, ConfusionMatrixLog)? {
        siblingConfusionMatrices(of: path).first { $0.1.categories == labels }
    }

    /// The confusion-matrix logs beside a payload that read as one: `X.confusion-matrix.json`,
    /// then `confusion-matrix.json`.
    static func siblingConfusionMatrices(of path: String) -> [(String, ConfusionMatrixLog)] {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) + "/" : ""
        let stem = fileStem(path)
        return ["\(directory)\(stem).confusion-matrix.json", "\(directory)confusion-matrix.json"]
            .filter { $0 != path && access($0, R_OK) == 0 }
            .compactMap { candidate in (try? EvalFileReader.readConfusionMatrix(path: candidate)).map { (candidate, $0) } }
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
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".json") ? String(file.dropLast(5)) : file
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

    func evalsTable() -> ResultTable {
        let rows: [[Cell]] = workspace.evaluations.map { s in
            let kind: String
            switch s.data {
            case .boxes: kind = "boxes"
            case .payload: kind = "payload"
            }
            return [
                .string(s === workspace.current ? "*" : ""), .string(s.name), .string(kind), .int(s.imageCount),
                .int(s.state.labels.count), .string("iou=\(s.countsPoint.iou) confidence=\(s.countsPoint.confidence)"),
                .int(s.pending.count), .string(s.origin.description),
            ]
        }
        return ResultTable(
            title: "loaded evaluations", columns: ["", "name", "kind", "images", "classes", "operating point", "edits", "from"],
            rows: rows, notes: rows.isEmpty ? ["none loaded: load GT.json PREDICTIONS.json"] : [])
    }

    func drop(_ name: Name) throws(ExecutionError) -> [QueryResult] {
        let session = try evaluation(name)
        workspace.drop(session)
        var text = "dropped \(session.name)"
        if !session.pending.isEmpty { text += " and its \(session.pending.count) pending edit(s)" }
        return [.message(Message(text))]
    }
}
