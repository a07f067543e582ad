@testable import EvalCore
import XCTest

/// The thresholds and the summation order against what NumPy/pycocotools produce (parameters.json).
final class COCOParametersTests: XCTestCase {
    func testThresholdsAreBitIdenticalToNumpyLinspace() throws {
        let json = try XCTUnwrap(COCOJSON.object(at: SharedData.fixture("parameters.json")) as? [String: Any])
        XCTAssertEqual(COCOParameters.iouThresholds, try COCOJSON.numbers(json["iouThrs"]))
        XCTAssertEqual(COCOParameters.recallThresholds, try COCOJSON.numbers(json["recThrs"]))
    }

    /// The samples were chosen so that a naive left-to-right sum differs from np.mean in most of them.
    func testMeanIsBitIdenticalToNumpy() throws {
        let json = try XCTUnwrap(COCOJSON.object(at: SharedData.fixture("parameters.json")) as? [String: Any])
        let samples = try XCTUnwrap(json["means"] as? [[String: Any]])
        XCTAssertEqual(samples.count, 7)
        for sample in samples {
            let values = try COCOJSON.numbers(sample["values"])
            XCTAssertEqual(numpyMean(values), try XCTUnwrap(COCOJSON.number(sample["mean"])), "n = \(values.count)")
        }
    }

}
