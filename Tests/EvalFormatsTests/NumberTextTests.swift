import EvalFormats
import XCTest

/// Expected strings are Python's (`'%.2f' % 0.125`, `round`-free `repr`) and the README's policy.
final class NumberTextTests: XCTestCase {
    func testFixedRoundsTheBinaryValueAsPrintfDoes() {
        XCTAssertEqual(NumberText.fixed(0.125, places: 2), "0.12")  // exactly halfway: to even, as '%.2f' % 0.125
        XCTAssertEqual(NumberText.fixed(0.5, places: 4), "0.5000")
        XCTAssertEqual(NumberText.fixed(-0.00001, places: 3), "0.000")  // no "-0.000"
        XCTAssertEqual(NumberText.fixed(2.675, places: 2), "2.67")  // 2.675 is 2.67499999… in binary
    }

    func testShortAndPreciseDropTrailingZeros() {
        XCTAssertEqual(NumberText.short(0.5), "0.5")
        XCTAssertEqual(NumberText.short(0.123456), "0.1235")
        XCTAssertEqual(NumberText.short(3), "3")
        XCTAssertEqual(NumberText.precise(0.123456789), "0.123457")
        XCTAssertEqual(NumberText.precise(1e-9), "0")
        XCTAssertEqual(NumberText.precise(-2.5), "-2.5")
    }

    func testColumnDecimalsAreTheMostAnyValueNeeds() {
        XCTAssertEqual(NumberText.decimals(of: [0.437, 0.4248, 1]), 4)
        XCTAssertNil(NumberText.decimals(of: [1, 2, 3]))
        XCTAssertEqual(NumberText.fixed(0.437, decimals: 4), "0.4370")
    }

    func testChangesDurationsAndPercentages() {
        XCTAssertEqual(NumberText.signedChange(19, whole: true), "+19")
        XCTAssertEqual(NumberText.signedChange(-0.01224, whole: false), "-0.0122")
        XCTAssertEqual(NumberText.milliseconds(4.268), "4.27 ms")
        XCTAssertEqual(NumberText.milliseconds(12.34), "12.3 ms")
        XCTAssertEqual(NumberText.percent(0.952), "95.2%")
        XCTAssertEqual(NumberText.fraction(nil), "—")
    }
}
