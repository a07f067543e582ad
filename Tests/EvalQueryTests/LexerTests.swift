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

    /// Single quotes make strings as double quotes do, each escaping its own quote; a `'`
    /// right after a word character stays in the bare word.
    func testSingleQuotedStrings() {
        XCTAssertEqual(kinds("filename ~ '*0001*'"), [.word, .symbol, .string("*0001*"), .end])
        XCTAssertEqual(kinds("'it\\'s \"x\"'"), [.string("it's \"x\""), .end])
        XCTAssertEqual(kinds("FN['traffic light']"), [.word, .symbol, .string("traffic light"), .symbol, .end])
        XCTAssertEqual(kinds("\"it's\""), [.string("it's"), .end])
        XCTAssertEqual(Lexer.tokenize("o'brien.jpg").map(\.text), ["o", "'", "brien", ".", "jpg", ""])
        XCTAssertEqual(kinds("'open"), [.unterminatedString, .end])
        XCTAssertEqual(Lexer.tokenize("x = 'a b'").map(\.text), ["x", "=", "'a b'", ""])
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
