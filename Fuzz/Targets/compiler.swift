@testable import EvalQuery

/// The expression compiler: the input as the condition of `where` (over every image of B),
/// of `compare A B where` and of `assert` (statistics of B and of the pair A, B). Errors are
/// expected; a trap is not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCompiler(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    let executor = Executor(workspace: FuzzInput.workspace())
    for prefix in ["where ", "assert ", "compare A B where "] {
        let script = Parser.parse(prefix + text)
        guard script.diagnostics.isEmpty else { continue }
        for node in script.statements.prefix(4) {
            _ = try? executor.execute(node)
        }
    }
    return 0
}
