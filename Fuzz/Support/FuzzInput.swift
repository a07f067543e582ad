#if canImport(Glibc)
import Glibc
#endif
import EvalCore
import EvalFormats
@testable import EvalQuery

/// What every target shares: the input as text, and the small evaluation of `Fuzz/data` (six
/// images of Examples/coco-small), read once per process.
enum FuzzInput {
    static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    }

    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        Array(UnsafeBufferPointer(start: data, count: size))
    }

    /// The folder of the fuzzing data: `$EVALSH_FUZZ_DATA`, else `Fuzz/data` under the working directory.
    static let directory: String = {
        if let set = getenv("EVALSH_FUZZ_DATA") { return String(cString: set) }
        return "Fuzz/data"
    }()

    static let groundTruth: GroundTruth = try! EvalFileReader.readGroundTruth(path: "\(directory)/gt.json")
    static let predictions: Evaluator = Evaluator(
        groundTruth: groundTruth,
        detections: try! EvalFileReader.readDetections(path: "\(directory)/predictions.json", groundTruth: groundTruth))
    static let candidate: Evaluator = Evaluator(
        groundTruth: groundTruth,
        detections: try! EvalFileReader.readDetections(path: "\(directory)/candidate.json", groundTruth: groundTruth))

    /// A fresh workspace holding `A` (predictions) and `B` (candidate), B current, compared.
    static func workspace() -> Workspace {
        let workspace = Workspace()
        workspace.add(EvaluationSession(name: "A", origin: .files(["gt.json", "predictions.json"]), data: .boxes(predictions)))
        workspace.add(EvaluationSession(name: "B", origin: .files(["gt.json", "candidate.json"]), data: .boxes(candidate)))
        workspace.comparison = ("A", "B")
        return workspace
    }
}
