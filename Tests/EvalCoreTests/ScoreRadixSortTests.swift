import XCTest

@testable import EvalCore

/// The radix sort of `COCOIndex` must give `np.argsort(-scores, kind='mergesort')`: descending
/// score, ties in their original order, `-0.0` equal to `0.0`, a missing score last.
final class ScoreRadixSortTests: XCTestCase {
    private func sorted(_ scores: [Double]) -> [Int32] {
        var slots = (0..<Int32(scores.count)).map { $0 }
        let detections = slots
        slots.withUnsafeMutableBufferPointer { ScoreRadixSort.sort($0, detections: detections, scores: scores) }
        return slots
    }

    /// Worked by hand: 0.9 first, then the three 0.5 in file order, 0.0 and −0.0 tied in file
    /// order, the missing score last.
    func testHandWorkedOrder() {
        let scores: [Double] = [0.5, .nan, 0.9, -0.0, 0.5, 0.0, 0.5, 0.25]
        XCTAssertEqual(sorted(scores), [2, 0, 4, 6, 7, 3, 5, 1])
    }

    /// Above the insertion-sort size, against the stable sort by the comparator NumPy's
    /// mergesort applies (descending score, then index), on scores with many ties.
    func testLargeInputsMatchAStableSortByScore() {
        var generator = SystemRandomNumberGenerator()
        for count in [47, 48, 200, 5_000] {
            let scores = (0..<count).map { _ -> Double in
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: return .nan
                case 1: return -0.0
                case 2: return 0
                case 3: return 1
                default: return Double(Int.random(in: 0..<200, using: &generator)) / 199
                }
            }
            func key(_ i: Int) -> Double { scores[i].isNaN ? -.infinity : scores[i] }
            let expected = (0..<count).sorted { key($0) > key($1) || (key($0) == key($1) && $0 < $1) }.map(Int32.init)
            XCTAssertEqual(sorted(scores), expected, "\(count) scores")
        }
    }
}
