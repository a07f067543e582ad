import EvalCore
import EvalFormats
@testable import EvalQuery

/// The Picsellia payload reader: the input as an evaluation payload (then checked, and explored
/// as a loaded evaluation) and as a confusion-matrix log.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPayload(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let json = try? JSONValueParser.parse(bytes: FuzzInput.bytes(data, size), name: "fuzz.json") else { return 0 }
    let matrix = try? ConfusionMatrixLog(json: json, file: "fuzz.json")
    guard let payload = try? PicselliaEvaluation(json: json, file: "fuzz.json") else { return 0 }
    _ = PayloadCheck.issues(of: payload, confusionMatrix: matrix)
    let workspace = Workspace()
    workspace.add(EvaluationSession(name: "P", origin: .payloadFile("fuzz.json"), data: .payload(payload, matrix)))
    let executor = Executor(workspace: workspace)
    for node in Parser.parse("summary\nclasses\nmatrix\nimages where FN > 0\ncheck\nassert recall >= 0").statements {
        _ = try? executor.execute(node)
    }
    return 0
}
