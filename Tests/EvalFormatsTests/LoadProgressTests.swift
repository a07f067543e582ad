import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

final class LoadProgressTests: XCTestCase {
    /// Collects the events, which may come from two reading threads at once.
    private final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [LoadProgress] = []
        func append(_ event: LoadProgress) { lock.withLock { list.append(event) } }
        var all: [LoadProgress] { lock.withLock { list } }
    }

    /// A predictions file large enough to be parsed in two halves reports its size, parse
    /// shares that grow within 0…1 (the first half speaks for the file), and its kind at the end.
    func testAParallelReadReportsItsSizeAndProgress() throws {
        let gt = try COCOGroundTruthReader.read(SourceBytes(string: smallGroundTruthJSON, name: "gt.json"))
        let elements = (0..<70_000).map { i in
            #"{"image_id": 7, "category_id": 9, "bbox": [\#(i), 1, 2, 3], "score": 0.5}"#
        }
        let path = try temporaryFile("[" + elements.joined(separator: ",\n") + "]", name: "dt.json")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertGreaterThan(size, 2 * ObjectArrayReader.parallelThreshold)
        let events = Events()
        let detections = try LoadProgress.observing({ events.append($0) }) {
            try EvalFileReader.readDetections(path: path, groundTruth: gt)
        }
        XCTAssertEqual(detections.count, 70_000)
        let all = events.all
        XCTAssertEqual(all.first, .reading(file: path, bytes: size))
        XCTAssertEqual(all.last, .read(file: path, kind: .cocoResults))
        let fractions = all.compactMap { event -> Double? in
            if case .parsed(let fraction) = event { return fraction }
            return nil
        }
        XCTAssertGreaterThanOrEqual(fractions.count, 3, "\(all)")
        XCTAssertEqual(fractions, fractions.sorted())
        XCTAssertTrue(fractions.allSatisfy { (0...1).contains($0) })
        XCTAssertGreaterThan(fractions.last ?? 0, 0.5)
    }

    /// The observer is there during the load only.
    func testTheObserverEndsWithTheLoad() {
        XCTAssertNil(LoadProgress.observer)
        let inside = LoadProgress.observing({ _ in }) { LoadProgress.observer != nil }
        XCTAssertTrue(inside)
        XCTAssertNil(LoadProgress.observer)
    }
}
