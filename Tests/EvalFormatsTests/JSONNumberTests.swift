import EvalCore
import XCTest

@testable import EvalFormats

final class JSONNumberTests: XCTestCase {
    /// Bit patterns from Python: `struct.unpack('<Q', struct.pack('<d', float(text)))`.
    private let pythonBits: [(String, UInt64)] = [
        ("0.885492642906272", 0x3FEC_55F4_AAC4_3185),
        ("277.9874891682904", 0x4071_5FCC_C171_2F62),
        ("0.1", 0x3FB9_9999_9999_999A),
        ("0.3", 0x3FD3_3333_3333_3333),
        ("2.2250738585072014e-308", 0x0010_0000_0000_0000),
        ("2.2250738585072011e-308", 0x000F_FFFF_FFFF_FFFF),
        ("4.9e-324", 0x0000_0000_0000_0001),
        ("5e-324", 0x0000_0000_0000_0001),
        ("1.7976931348623157e308", 0x7FEF_FFFF_FFFF_FFFF),
        ("1.7976931348623159e308", 0x7FF0_0000_0000_0000),
        ("1e400", 0x7FF0_0000_0000_0000),
        ("1e-400", 0x0000_0000_0000_0000),
        ("9007199254740993", 0x4340_0000_0000_0000),
        ("9007199254740992.5", 0x4340_0000_0000_0000),
        ("123456789012345678901234567890", 0x45F8_EE90_FF6C_373E),
        ("0.000000000000000000000000000001234", 0x39B9_074B_58C7_CACA),
        ("1.00000000000000011102230246251565404236316680908203125", 0x3FF0_0000_0000_0000),
        ("1.0000000000000001110223024625156540423631668090820312", 0x3FF0_0000_0000_0000),
        ("7.038531e-26", 0x3AB5_C87F_B000_0000),
        ("3.0540316022750265e+16", 0x435B_2010_5BF7_4F0E),
        ("-0.0", 0x8000_0000_0000_0000),
        ("-0", 0x8000_0000_0000_0000),
        ("1E5", 0x40F8_6A00_0000_0000),
        ("1e+22", 0x4480_F0CF_064D_D592),
        ("1e23", 0x44B5_2D02_C7E1_4AF6),
        ("8.98846567431158e307", 0x7FE0_0000_0000_0000),
        ("0.30000000000000004", 0x3FD3_3333_3333_3334),
        ("2.4703282292062327e-324", 0x0000_0000_0000_0000),
        ("2.4703282292062328e-324", 0x0000_0000_0000_0001),
        ("6.02214076e23", 0x44DF_E185_CA57_C517),
        ("1448997445238699", 0x4314_976C_0803_FEAC),
        ("17976931348623157e292", 0x7FEF_FFFF_FFFF_FFFF),
        ("4.35679e-5", 0x3F06_D795_A52E_A853),
    ]

    func testNumbersMatchPythonBitForBit() throws {
        for (text, bits) in pythonBits {
            let value = try JSONValueParser.parse(bytes: Array(text.utf8), name: "n.json")
            XCTAssertEqual(value.number?.bitPattern, bits, text)
        }
    }

    /// The fast paths (Clinger, Eisel–Lemire) against C-locale strtod on 17-digit numbers of
    /// every magnitude, the shape of most numbers in tool output.
    func testFastPathsAgreeWithStrtod() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let significand = UInt64.random(in: 1..<100_000_000_000_000_000, using: &generator)
            let exponent = Int.random(in: -330...300, using: &generator)
            let text = "\(significand)e\(exponent)"
            let source = SourceBytes(string: text, name: "n")
            var scanner = JSONScanner(source.buffer)
            let parsed = try scanner.readNumber()
            let reference = CLocaleStrtod.parse(source.buffer.baseAddress!)
            XCTAssertEqual(parsed.bitPattern, reference.bitPattern, text)
        }
    }

    /// Decimal fractions of every length (the eight-digits-at-a-time path and its edges: leading
    /// zeros, 19 kept digits, digits past them, a number ending at the end of the buffer)
    /// against C-locale strtod.
    func testFractionsAgreeWithStrtod() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let integer = ["0", "1", "42", "639", String(UInt64.random(in: 0..<1_000_000_000_000, using: &generator))]
                .randomElement(using: &generator)!
            let zeros = String(repeating: "0", count: Int.random(in: 0...6, using: &generator))
            let digits = (0..<Int.random(in: 1...24, using: &generator)).map { _ in
                String(Int.random(in: 0...9, using: &generator))
            }.joined()
            let exponent = Bool.random(using: &generator) ? "e\(Int.random(in: -40...40, using: &generator))" : ""
            let text = (Bool.random(using: &generator) ? "-" : "") + integer + "." + zeros + digits + exponent
            for framed in [text, "[" + text + ", 1]"] {
                let source = SourceBytes(string: framed, name: "n")
                var scanner = JSONScanner(source.buffer)
                if framed.hasPrefix("[") {
                    try scanner.enterArray()
                    XCTAssertTrue(try scanner.nextElement())
                }
                let parsed = try scanner.readNumber()
                let offset = framed.hasPrefix("[") ? 1 : 0
                let reference = CLocaleStrtod.parse(source.buffer.baseAddress! + offset)
                XCTAssertEqual(parsed.bitPattern, reference.bitPattern, framed)
            }
        }
    }

    func testPythonSpecialLiterals() throws {
        let value = try JSONValueParser.parse(bytes: Array("[NaN, Infinity, -Infinity]".utf8), name: "n")
        let numbers = try XCTUnwrap(value.array).compactMap(\.number)
        XCTAssertTrue(numbers[0].isNaN)
        XCTAssertEqual(numbers[1], .infinity)
        XCTAssertEqual(numbers[2], -.infinity)
    }

    func testMalformedNumbersAreRefusedWithTheirPlace() {
        XCTAssertEqual(parseError("[01]")?.description, "t.json:1:2: leading zero in a number")
        XCTAssertEqual(parseError("[1.]")?.description, "t.json:1:4: expected a digit after '.', found ']'")
        XCTAssertEqual(parseError("[1e+]")?.description, "t.json:1:5: expected a digit in the exponent, found ']'")
        XCTAssertEqual(parseError("[-]")?.description, "t.json:1:3: expected a digit, found ']'")
        XCTAssertEqual(parseError("[+1]")?.description, "t.json:1:2: expected a value, found '+'")
    }

    /// Numbers that are skipped (polygons, keys no reader wants) are checked as read ones are:
    /// the same errors at the same places, and the same end for a good one.
    func testSkippedNumbersAreCheckedLikeReadOnes() {
        let texts = [
            "01", "1.", "1e+", "-", "-a", "00.5", "0.5.5", "0.5", "12.25e3", "-0", "3.14159265358979323846264", "1E5",
            "0.000000000000000000000001", "123456789012345678901234", "NaN", "-Infinity", "7",
        ]
        for text in texts {
            let source = SourceBytes(string: text + " ", name: "n")
            var reader = JSONScanner(source.buffer)
            var skipper = JSONScanner(source.buffer)
            let read: Result<Int, JSONScanError>
            do throws(JSONScanError) {
                _ = try reader.scanNumber()
                read = .success(reader.position)
            } catch {
                read = .failure(error)
            }
            let skipped: Result<Int, JSONScanError>
            do throws(JSONScanError) {
                try skipper.skipValue()
                skipped = .success(skipper.position)
            } catch {
                skipped = .failure(error)
            }
            switch (read, skipped) {
            case (.success(let a), .success(let b)): XCTAssertEqual(a, b, text)
            case (.failure(let a), .failure(let b)):
                XCTAssertEqual(a.offset, b.offset, text)
                XCTAssertEqual(a.message, b.message, text)
            default: XCTFail("\(text): read \(read), skipped \(skipped)")
            }
        }
    }
}
