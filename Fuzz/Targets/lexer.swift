@testable import EvalQuery

/// The lexer on any text: never traps, ends with one `.end`, tokens in order inside the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    let tokens = Lexer.tokenize(text)
    let length = Array(text).count
    precondition(tokens.last?.kind == .end && tokens.dropLast().allSatisfy { $0.kind != .end })
    var previous = 0
    for token in tokens {
        precondition(token.range.start.offset >= previous && token.range.end.offset >= token.range.start.offset)
        precondition(token.range.end.offset <= length)
        previous = token.range.end.offset
    }
    return 0
}
