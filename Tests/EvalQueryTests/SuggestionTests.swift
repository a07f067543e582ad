import XCTest
import EvalQuery

final class SuggestionTests: XCTestCase {
    func testDistanceCountsSwapsAsOneEdit() {
        XCTAssertEqual(Suggestion.distance("summary", "sumary"), 1)
        XCTAssertEqual(Suggestion.distance("matrix", "mtarix"), 1)
        XCTAssertEqual(Suggestion.distance("kitten", "sitting"), 3)
        XCTAssertEqual(Suggestion.distance("CA", "abc"), 3) // optimal string alignment: no edit of a swapped pair
        XCTAssertEqual(Suggestion.distance("", "abc"), 3)
        XCTAssertEqual(Suggestion.distance("Car", "car"), 0)
    }

    func testClosestSuggestsOnlySmallDistances() {
        let statements = StatementKeyword.allCases.map(\.rawValue)
        XCTAssertEqual(Suggestion.closest(to: "sumary", among: statements), "summary")
        XCTAssertEqual(Suggestion.closest(to: "SHWO", among: statements), "show")
        XCTAssertEqual(Suggestion.closest(to: "expriments", among: statements), "experiments")
        XCTAssertNil(Suggestion.closest(to: "banana", among: statements))
        XCTAssertNil(Suggestion.closest(to: "x", among: ["y", "z"]))
        let classes = ["car", "pedestrian", "traffic light", "bus"]
        XCTAssertEqual(Suggestion.closest(to: "pedestrain", among: classes), "pedestrian")
        XCTAssertEqual(Suggestion.closest(to: "trafic light", among: classes), "traffic light")
        XCTAssertEqual(Suggestion.closest(to: "Car", among: classes), "car")
        XCTAssertNil(Suggestion.closest(to: "truck", among: classes))
    }

    func testAWordTypedShortSuggestsTheOneNameItBegins() {
        let names = ["tiny-dt", "baseline", "base-v2"]
        XCTAssertEqual(Suggestion.closest(to: "tiny", among: names), "tiny-dt")
        XCTAssertNil(Suggestion.closest(to: "bas", among: names), "two names begin with it")
        XCTAssertNil(Suggestion.closest(to: "t", among: names), "one character is too little to go on")
    }
}
