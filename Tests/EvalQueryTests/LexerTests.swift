import XCTest
import EvalQuery

final class LexerTests: XCTestCase {
    private func kinds(_ text: String) -> [Token.Kind] {
        Lexer.tokenize(text).map(\.kind)
    }

    func testOperatorsNumbersAndStrings() {
        XCTAssertEqual(kinds("FN<=2.5e1 \"a \\\"b\\\"\""), [.word, .symbol, .number(25), .string("a \"b\""), .end])
        XCTAssertEqual(Lexer.tokenize("a>=b != c").map(\.text), ["a", ">=", "b", "!=", "c", ""])
        XCTAssertEqual(kinds("\"open"), [.unterminatedString, .end])
    }

    func testCommentsContinuationsAndSeparators() {
        XCTAssertEqual(Lexer.tokenize("a # b c\nd;e").map(\.text), ["a", "\n", "d", ";", "e", ""])
        XCTAssertEqual(Lexer.tokenize("a#b").map(\.text), ["a", "#", "b", ""])
        XCTAssertEqual(Lexer.tokenize("a \\  \n b").map(\.text), ["a", "b", ""])
    }

    func testSpacingAndLocations() {
        let tokens = Lexer.tokenize("x\n  ../gt.json")
        XCTAssertEqual(tokens.map(\.isSpaced), [true, false, true, false, false, false, false, false, true])
        XCTAssertEqual(tokens[2].range.start, SourceLocation(line: 2, column: 3, offset: 4))
        XCTAssertEqual(tokens[7].range.end, SourceLocation(line: 2, column: 13, offset: 14))
    }
}
