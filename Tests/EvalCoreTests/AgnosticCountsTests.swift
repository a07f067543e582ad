import EvalCore
import XCTest

final class AgnosticCountsTests: XCTestCase {
    /// The scene of `OperatingPointTests.testClassAwareThenConfusionPass`: car found (d0), the
    /// pedestrian found by a car prediction (d1, a confusion: found when classes do not count), the
    /// second car missed, the pedestrian prediction d2 on background; d3 is below the threshold.
    func testHandWorkedScene() {
        let scene = SceneBuilder.semanticsScene()
        let counts = AgnosticCounts(scene.evaluator.operatingPoint(.seedDefault))
        XCTAssertEqual(counts, AgnosticCounts(found: 2, missed: 1, background: 1))
        XCTAssertEqual(counts.matrix, [[2, 1], [1, 0]])
        XCTAssertEqual(counts.precision, 2.0 / 3)
        XCTAssertEqual(counts.recall, 2.0 / 3)
    }
}
