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
}
