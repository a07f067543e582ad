import EvalCore
import XCTest

@testable import EvalFormats

final class JSONWriterTests: XCTestCase {
    /// Expected strings from Python's `json.dumps(value)`.
    func testFloatsAreWrittenAsPythonDoes() {
        let cases: [(Double, String)] = [
            (9.0, "9.0"), (1e16, "1e+16"), (1e-05, "1e-05"), (0.0001, "0.0001"),
            (1234567890123456.0, "1234567890123456.0"), (9999999999999998.0, "9999999999999998.0"),
            (1.5e16, "1.5e+16"), (1e22, "1e+22"), (0.1, "0.1"), (.leastNonzeroMagnitude, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"), (123.456, "123.456"), (-0.0, "-0.0"),
            (0.30000000000000004, "0.30000000000000004"), (0.00012345, "0.00012345"), (2.5e-07, "2.5e-07"),
            (100.0, "100.0"), (123456789012345678.0, "1.2345678901234568e+17"), (-2.5, "-2.5"),
            (.nan, "NaN"), (.infinity, "Infinity"), (-.infinity, "-Infinity"),
        ]
        for (value, python) in cases {
            XCTAssertEqual(PythonFloatFormat.string(value), python, "\(value)")
        }
    }

    /// Expected text from `json.dumps({"a": "é\u2028\"\\\n\t\x01😀\x7f", "b": [1.0, [], {}], "c": None, "d": True})`.
    func testCompactOutputMatchesPython() {
        let value: JSONValue = .object([
            ("a", .string("é\u{2028}\"\\\n\t\u{01}😀\u{7F}")),
            ("b", .array([.number(1), .array([]), .object([])])),
            ("c", .null), ("d", .bool(true)),
        ])
        XCTAssertEqual(
            JSONWriter().string(value),
            #"{"a": "\u00e9\u2028\"\\\n\t\u0001\ud83d\ude00\u007f", "b": [1.0, [], {}], "c": null, "d": true}"#)
    }

    /// Expected text from `json.dumps({"a": [1.0, {"b": []}], "c": {}}, indent=2)`.
    func testIndentedOutputMatchesPython() {
        let value: JSONValue = .object([("a", .array([.number(1), .object([("b", .array([]))])])), ("c", .object([]))])
        XCTAssertEqual(
            JSONWriter(indent: 2).string(value),
            "{\n  \"a\": [\n    1.0,\n    {\n      \"b\": []\n    }\n  ],\n  \"c\": {}\n}")
    }

    func testWrittenTextParsesBackToTheSameValue() throws {
        let value: JSONValue = .object([
            ("n", .array([.number(0.1), .number(-0.0), .number(1e-300), .number(12345678.875)])),
            ("s", .string("tab\tquote\" 😀")),
        ])
        let text = JSONWriter().bytes(value)
        XCTAssertEqual(try JSONValueParser.parse(bytes: text, name: "w"), value)
    }

    /// Python's `json.dumps(s)` and `json.dumps(s, ensure_ascii=False)` of `'café "x"\n😀\x7f'`.
    func testStringsEscapeLikeEnsureASCIITrueAndFalse() {
        let value = JSONValue.string("café \"x\"\n😀\u{7F}")
        XCTAssertEqual(JSONWriter().string(value), #""caf\u00e9 \"x\"\n\ud83d\ude00\u007f""#)
        XCTAssertEqual(JSONWriter(asciiOnly: false).string(value), "\"café \\\"x\\\"\\n😀\u{7F}\"")
    }
}
