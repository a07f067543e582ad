import EvalCore
import XCTest

@testable import EvalFormats

final class JSONScannerTests: XCTestCase {
    func testStringEscapesAndSurrogatePairs() throws {
        let text = #"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u2028", "\ud83d\ude00", "caf\u00e9 é"]"#
        let value = try JSONValueParser.parse(bytes: Array(text.utf8), name: "s.json")
        XCTAssertEqual(
            value,
            .array([
                .string("a\"b\\c/d\u{08}\u{0C}\n\r\t"), .string("é\u{2028}"), .string("😀"), .string("café é"),
            ]))
    }

    func testBrokenStringsAreRefusedWithTheirPlace() {
        XCTAssertEqual(
            parseError(#"["\ud83d"]"#)?.description, "t.json:1:3: high surrogate \\ud83d without its low half")
        XCTAssertEqual(parseError(#"["\ude00"]"#)?.description, "t.json:1:3: lone low surrogate \\ude00")
        XCTAssertEqual(parseError(#"["\x"]"#)?.description, "t.json:1:3: invalid escape '\\x'")
        XCTAssertEqual(parseError(#"["\u12G4"]"#)?.description, "t.json:1:7: expected 4 hex digits after \\u")
        XCTAssertEqual(
            parseError("[\"a\tb\"]")?.description, "t.json:1:4: control character in string (escape it as \\u00XX)")
        XCTAssertEqual(parseError("[\"abc")?.description, "t.json:1:2: unterminated string")
        let invalidUTF8: [UInt8] = [0x5B, 0x22, 0xC3, 0x28, 0x22, 0x5D]
        XCTAssertThrowsError(try JSONValueParser.parse(bytes: invalidUTF8, name: "u.json")) {
            XCTAssertEqual(($0 as? FormatError)?.description, "u.json:1:2: invalid UTF-8 in string")
        }
    }

    func testStructuralErrorsGiveLineAndColumn() {
        XCTAssertEqual(parseError("[1, 2\n 3]")?.description, "t.json:2:2: expected ',' or ']', found '3'")
        XCTAssertEqual(parseError("{\"a\": 1,\n  \"b\" 2}")?.description, "t.json:2:7: expected ':', found '2'")
        XCTAssertEqual(parseError("{\"a\": 1,}")?.description, "t.json:1:9: expected a string key, found '}'")
        XCTAssertEqual(parseError("[1, 2,]")?.description, "t.json:1:7: expected a value, found ']'")
        XCTAssertEqual(parseError("[tru]")?.description, "t.json:1:5: expected 'true', found ']'")
        XCTAssertEqual(
            parseError("[1] [2]")?.description,
            "t.json:1:5: expected end of file after the top-level value, found '['")
        XCTAssertEqual(parseError("")?.description, "t.json:1:1: expected a value, found end of file")
    }

    func testTruncatedDocumentIsRefused() {
        let whole = #"{"a": [1.5, {"b": "text"}], "c": null}"#
        for cut in 1..<whole.utf8.count {
            let prefix = String(whole.utf8.prefix(cut))!
            XCTAssertNotNil(parseError(prefix), "prefix of \(cut) bytes was accepted")
        }
    }

    func testObjectKeysKeepFileOrder() throws {
        let value = try JSONValueParser.parse(bytes: Array(#"{"z": 1, "a": true, "m": [null]}"#.utf8), name: "o")
        guard case .object(let members) = value else { return XCTFail("not an object") }
        XCTAssertEqual(members.map(\.key), ["z", "a", "m"])
        XCTAssertEqual(value["a"], .bool(true))
        XCTAssertEqual(value["m"], .array([.null]))
    }

    func testSkipChecksSyntaxOfSkippedValues() {
        // The ground-truth reader skips `segmentation`; a broken polygon must still be refused.
        let broken = #"{"images": [], "categories": [], "annotations": [{"segmentation": [[1, 2,, 3]]}]}"#
        XCTAssertThrowsError(try COCOGroundTruthReader.read(SourceBytes(string: broken, name: "g.json"))) {
            XCTAssertEqual(($0 as? FormatError)?.description, "g.json:1:74: expected a value, found ','")
        }
    }

    func testDeepNestingIsRefused() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        XCTAssertEqual(parseError(deep)?.description, "t.json:1:513: JSON nested too deeply (limit 512 levels of arrays and objects)")
    }
}
