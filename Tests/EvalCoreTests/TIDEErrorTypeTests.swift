import EvalCore
import XCTest

/// Each TIDE error type on a scene worked out by hand (classes 0 car, 1 pedestrian; foreground 0.5,
/// background 0.1). AP is TIDE's: 101 recall points, precision monotone from the right, ×100.
final class TIDEErrorTypeTests: XCTestCase {
    private let a: [Double] = [0, 0, 100, 100]

    /// gt car A; pedestrian prediction exactly on A, 0.9: other-class IoU 1 ≥ 0.5 → Cls, pointing at
    /// the unmatched A (so A is no Miss). Before: car AP 0 (1 object, nothing ranked), pedestrian 0
    /// (a false positive, no object): mAP 0. Fixed: the prediction becomes a true car, car AP 100,
    /// pedestrian has nothing left and leaves the mean: +100.
    func testClassError() throws {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, a)
        scene.prediction(image: 0, 1, a, score: 0.9)
        let b = try scene.evaluator.tideBreakdown()
        assertCounts(b, [.cls: 1])
        assertGains(b, ap: 0, [.cls: 100])
        XCTAssertEqual(b.perClass[0]?.main[.cls], 100)
        XCTAssertEqual(b.perClass[1]?.main[.cls], 0)
        XCTAssertEqual(b.overall.falseNegative, 0)
    }

    /// gt car A; car prediction [0,0,100,30], 0.9: IoU 0.3 in [0.1, 0.5] → Loc. AP 0 → 100 when fixed.
    func testLocalizationError() throws {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, a)
        scene.prediction(image: 0, 0, [0, 0, 100, 30], score: 0.9)
        let b = try scene.evaluator.tideBreakdown()
        assertCounts(b, [.loc: 1])
        assertGains(b, ap: 0, [.loc: 100])
    }

    /// gt car A found by a car prediction (0.8); pedestrian [0,0,100,30], 0.9: no pedestrian object,
    /// car IoU 0.3 < 0.5, best IoU 0.3 > 0.1 → Both. Before: car 100, pedestrian 0 → 50; removing the
    /// false positive empties pedestrian: 100, +50.
    func testBothError() throws {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, a)
        scene.prediction(image: 0, 0, a, score: 0.8)
        scene.prediction(image: 0, 1, [0, 0, 100, 30], score: 0.9)
        let b = try scene.evaluator.tideBreakdown()
        assertCounts(b, [.both: 1])
        assertGains(b, ap: 50, [.both: 50])
    }

    /// gt car A and C [300,0,100,100]; car predictions A 0.9 (true), [0,0,100,80] 0.8 (IoU 0.8 with
    /// the matched A → Dupe), C 0.7 (true). Ranked T F T: precision 1, ½, ⅔ (monotone: 1, ⅔, ⅔),
    /// recall ½, ½, 1 → 51 points at 1 and 50 at ⅔. Without the duplicate: 100.
    func testDuplicateError() throws {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, a)
        scene.object(image: 0, 0, [300, 0, 100, 100])
        scene.prediction(image: 0, 0, a, score: 0.9)
        scene.prediction(image: 0, 0, [0, 0, 100, 80], score: 0.8)
        scene.prediction(image: 0, 0, [300, 0, 100, 100], score: 0.7)
        let b = try scene.evaluator.tideBreakdown()
        let ap = (51 + 50 * (2.0 / 3)) / 101 * 100
        assertCounts(b, [.dupe: 1])
        assertGains(b, ap: ap, [.dupe: 100 - ap])
    }

    /// Image 0: gt car A found (0.8) and a car prediction [500,0,50,50], 0.9, overlapping nothing
    /// (IoU 0 ≤ 0.1 → Bkg); image 1 has no object and a car prediction, 0.95 → Bkg. Ranked F F T:
    /// precision ⅓ everywhere after smoothing → 33.3…; without them 100. FalsePos ranks the true
    /// positive first: also 100.
    func testBackgroundError() throws {
        var scene = SceneBuilder(images: 2)
        scene.object(image: 0, 0, a)
        scene.prediction(image: 0, 0, a, score: 0.8)
        scene.prediction(image: 0, 0, [500, 0, 50, 50], score: 0.9)
        scene.prediction(image: 1, 0, a, score: 0.95)
        let b = try scene.evaluator.tideBreakdown()
        let ap = 101 * (1.0 / 3) / 101 * 100
        assertCounts(b, [.bkg: 2])
        assertGains(b, ap: ap, [.bkg: 100 - ap])
        XCTAssertEqual(b.overall.falsePositive, 100 - ap, accuracy: 1e-9)
        XCTAssertEqual(b.overall.falseNegative, 0, accuracy: 1e-9)
    }

    /// gt car A found (0.9), gt car B [300,0,100,100] with no prediction near it → Miss. Recall stops
    /// at ½: 51 of the 101 points at precision 1. Without B (Miss fixed, and FalseNeg alike): 100.
    func testMissedError() throws {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, a)
        scene.object(image: 0, 0, [300, 0, 100, 100])
        scene.prediction(image: 0, 0, a, score: 0.9)
        let b = try scene.evaluator.tideBreakdown()
        let ap = 51.0 / 101 * 100
        assertCounts(b, [.miss: 1])
        assertGains(b, ap: ap, [.miss: 100 - ap])
        XCTAssertEqual(b.overall.falseNegative, 100 - ap, accuracy: 1e-9)
    }

    /// A car prediction inside a car crowd region (crowd IoU 1 > 0.5) is ignored: left out of AP
    /// (car stays 100 with the true positive at [300,0,100,100]) but still typed, here Bkg as TIDE does.
    func testCrowdRegionIgnoresPrediction() throws {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, [0, 0, 200, 200], crowd: true)
        scene.object(image: 0, 0, [300, 0, 100, 100])
        scene.prediction(image: 0, 0, [10, 10, 50, 50], score: 0.9)
        scene.prediction(image: 0, 0, [300, 0, 100, 100], score: 0.8)
        let b = try scene.evaluator.tideBreakdown()
        assertCounts(b, [.bkg: 1])
        assertGains(b, ap: 100, [:])
    }

    func testMissingScoreIsRefused() {
        var scene = SceneBuilder(images: 1)
        scene.prediction(image: 0, 0, a, score: .nan)
        XCTAssertThrowsError(try scene.evaluator.tideBreakdown()) { error in
            XCTAssertEqual(error as? EvalCoreError, .missingScore(index: 0))
        }
        XCTAssertNoThrow(try scene.evaluator.tideBreakdown(imageMask: [false]))
    }

    private func assertCounts(_ b: TIDEBreakdown, _ expected: [TIDEError: Int], line: UInt = #line) {
        for type in TIDEError.allCases {
            XCTAssertEqual(b.counts[type], expected[type] ?? 0, "count of \(type.tideName)", line: line)
        }
    }

    private func assertGains(_ b: TIDEBreakdown, ap: Double, _ expected: [TIDEError: Double], line: UInt = #line) {
        XCTAssertEqual(b.overall.ap, ap, accuracy: 1e-9, "AP", line: line)
        for type in TIDEError.allCases {
            XCTAssertEqual(
                b.overall.main[type] ?? .nan, expected[type] ?? 0, accuracy: 1e-9, "dAP \(type.tideName)", line: line)
        }
    }
}
