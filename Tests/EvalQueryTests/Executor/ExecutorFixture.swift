import EvalCore
import XCTest

@testable import EvalQuery

/// A hand-built evaluation, small enough to work every number out by hand (semantics.md §2,
/// default operating point iou=0.5 confidence=0.5). Classes in label-map order: cat, dog.
///
///     one.jpg    ground truth cat [0 0 10 10], dog [20 0 10 10]
///                predictions  cat 0.9 [0 0 10 10]   → finds the cat (IoU 1): cat → cat
///                             cat 0.8 [20 0 10 10]  → no free cat; the dog (IoU 1): dog → cat
///     two.jpg    ground truth dog [0 0 10 10], no prediction → dog → none
///     three.jpg  no ground truth
///                predictions  dog 0.7 [0 0 10 10]   → none → dog
///                             cat 0.3 [50 50 5 5]   → below 0.5; at confidence 0.2: none → cat
///
/// Matrix (rows ground truth cat, dog, none; columns predictions cat, dog, none):
///     cat [1 0 0] · dog [1 0 1] · none [0 1 0]
/// Per image (objects, preds, TP, FP, FN): one (2, 2, 1, 1, 1), two (1, 0, 0, 0, 1),
/// three (0, 1, 0, 1, 0). Totals: objects 3, preds 3, TP 1, FP 2, FN 2.
enum ExecutorFixture {
    static func groundTruth() -> GroundTruth {
        var annotations = AnnotationColumns()
        let boxes: [(image: Int32, category: Int32, box: BoundingBox)] = [
            (0, 0, BoundingBox(x: 0, y: 0, width: 10, height: 10)),
            (0, 1, BoundingBox(x: 20, y: 0, width: 10, height: 10)),
            (1, 1, BoundingBox(x: 0, y: 0, width: 10, height: 10)),
        ]
        for (k, b) in boxes.enumerated() {
            annotations.append(
                id: k + 1, image: b.image, category: b.category, box: b.box, area: b.box.area, isCrowd: false, ignore: false)
        }
        return GroundTruth(
            images: [
                ImageInfo(id: 1, fileName: "one.jpg", width: 100, height: 100),
                ImageInfo(id: 2, fileName: "two.jpg", width: 100, height: 100),
                ImageInfo(id: 3, fileName: "three.jpg", width: 100, height: 100),
            ],
            categories: [Category(id: 1, name: "cat"), Category(id: 2, name: "dog")],
            annotations: annotations)
    }

    static func detections() -> Detections {
        var detections = Detections()
        detections.append(image: 0, category: 0, box: BoundingBox(x: 0, y: 0, width: 10, height: 10), score: 0.9)
        detections.append(image: 0, category: 0, box: BoundingBox(x: 20, y: 0, width: 10, height: 10), score: 0.8)
        detections.append(image: 2, category: 1, box: BoundingBox(x: 0, y: 0, width: 10, height: 10), score: 0.7)
        detections.append(image: 2, category: 0, box: BoundingBox(x: 50, y: 50, width: 5, height: 5), score: 0.3)
        return detections
    }

    /// An executor with the fixture loaded as `pets`, the current evaluation.
    static func executor() -> Executor {
        let executor = Executor()
        let evaluator = Evaluator(groundTruth: groundTruth(), detections: detections())
        executor.workspace.add(EvaluationSession(name: "pets", origin: .files(["gt.json", "dt.json"]), data: .boxes(evaluator)))
        return executor
    }
}

extension Executor {
    /// Parses one statement and runs it.
    func run(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [QueryResult] {
        let script = Parser.parse(text)
        guard script.diagnostics.isEmpty, let node = script.statements.first else {
            XCTFail("'\(text)' does not parse: \(script.diagnostics)", file: file, line: line)
            return []
        }
        return try execute(node)
    }

    /// The filenames of an image-list result.
    func filenames(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        guard case .images(let list)? = try run(text, file: file, line: line).first else {
            XCTFail("'\(text)' gave no image list", file: file, line: line)
            return []
        }
        return list.rows.map(\.filename)
    }

    /// The totals of `summary`.
    func totals(file: StaticString = #filePath, line: UInt = #line) throws -> Totals {
        guard case .summary(let summary)? = try run("summary", file: file, line: line).first else {
            XCTFail("summary gave no summary", file: file, line: line)
            return Totals(objects: 0, predictions: 0, tp: 0, fp: 0, fn: 0)
        }
        return summary.totals
    }

    /// The text of the first message a statement returns.
    func message(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        guard case .message(let message)? = try run(text, file: file, line: line).first else {
            XCTFail("'\(text)' gave no message", file: file, line: line)
            return ""
        }
        return message.text
    }
}
