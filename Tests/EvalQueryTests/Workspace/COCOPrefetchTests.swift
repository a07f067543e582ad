import EvalCore
import XCTest

@testable import EvalQuery

/// COCO metrics computed ahead on another thread are the ones computed on demand, and an edit
/// that changes the images they cover is not answered from the prefetch.
final class COCOPrefetchTests: XCTestCase {
    private func session() -> EvaluationSession {
        let evaluator = Evaluator(groundTruth: ExecutorFixture.groundTruth(), detections: ExecutorFixture.detections())
        return EvaluationSession(name: "pets", origin: .files([]), data: .boxes(evaluator))
    }

    func testPrefetchedMetricsEqualMetricsComputedOnDemand() throws {
        let direct = try XCTUnwrap(session().cocoMetrics()?.get())
        let prefetched = session()
        prefetched.prefetchCOCOMetrics()
        XCTAssertEqual(try XCTUnwrap(prefetched.cocoMetrics()?.get()).stats, direct.stats)
    }

    func testAnExclusionMadeBeforeTheFirstAnswerIsHonoured() throws {
        let evaluator = Evaluator(groundTruth: ExecutorFixture.groundTruth(), detections: ExecutorFixture.detections())
        let expected = try evaluator.cocoMetrics(imageMask: [true, false, true])
        let s = session()
        s.prefetchCOCOMetrics()
        s.apply(.exclude(images: [1]), statement: "exclude two.jpg") { _ in "" }
        XCTAssertEqual(try XCTUnwrap(s.cocoMetrics()?.get()).stats, expected.stats)
    }

    /// A new session (a load, a pull) builds no index; `prepareNumbers` (the shell, after a load)
    /// prepares both on other threads, and the numbers are those computed on demand.
    func testASessionBuildsNothingUntilAskedAndPreparingGivesTheSameNumbers() throws {
        let s = session()
        guard case .boxes(let evaluator) = s.data else { return XCTFail("no boxes") }
        XCTAssertFalse(evaluator.builtIndexes.coco || evaluator.builtIndexes.point)
        s.prepareNumbers()
        let onDemand = session()
        XCTAssertEqual(s.view().counts.tp, onDemand.view().counts.tp)
        XCTAssertEqual(s.view().confusion, onDemand.view().confusion)
        XCTAssertEqual(try XCTUnwrap(s.cocoMetrics()?.get()).stats, try XCTUnwrap(onDemand.cocoMetrics()?.get()).stats)
        XCTAssertTrue(evaluator.builtIndexes.coco && evaluator.builtIndexes.point)
    }
}
