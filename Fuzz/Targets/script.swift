@testable import EvalQuery

/// The script runner: up to 16 statements of the input run in order against a fresh workspace
/// (A and B loaded, B current, compared), the store disabled, no file read or written.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    let script = Parser.parse(text)
    let executor = Executor(workspace: FuzzInput.workspace(), store: nil)
    for node in script.statements.prefix(16) {
        switch node.statement {
        case .load, .push, .pull, .set(.images), .show(_, _?):
            continue  // files: outside a fuzzer's business
        default:
            _ = try? executor.execute(node)
        }
    }
    return 0
}
