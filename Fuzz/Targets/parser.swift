@testable import EvalQuery

/// The parser on any text: never traps; every diagnostic renders with its caret, and every
/// parsed expression prints.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    let script = Parser.parse(text)
    for diagnostic in script.diagnostics {
        _ = ErrorReport.render(diagnostic, source: text, fileName: "fuzz")
    }
    for node in script.statements {
        switch node.statement {
        case .assert(let e), .exclude(.matching(let e)), .include(.matching(let e)):
            _ = e.description
            _ = e.hashValue
        case .images(let q), .filter(let q), .cell(_, _, let q), .compare(_, _, .images(let q)):
            _ = q.predicate?.description
        default:
            _ = node.text
        }
    }
    _ = CompletionAnalyzer.self
    return 0
}
