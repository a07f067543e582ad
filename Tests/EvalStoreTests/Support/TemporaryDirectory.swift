import Foundation
import XCTest

@testable import EvalStore

/// A fresh directory under the system temporary directory, removed when the test ends.
func makeTemporaryDirectory(for testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("evalstore-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Small hand-written documents in the shape of the spec's example payload.
enum SampleDocuments {
    static let evaluationText = #"{"categories": ["1"]}"#
    /// SHA-256 of `evaluationText`, from Python's `hashlib.sha256`.
    static let evaluationSHA256 = "ecc738fa249f8ccd036cc792d6cf0aec1a3c2f9747ded3cdf6adbaf9009169d7"

    static func make(_ tag: String) -> EvaluationDocuments {
        EvaluationDocuments(
            evaluation: Data(#"{"categories": ["1", "2"], "labels": ["car", "\#(tag)"], "metrics": {"z": 9.0, "a": 1}}"#.utf8),
            confusionMatrix: Data(#"{"categories": ["car", "\#(tag)"], "values": [[1.0, 0.0, 2.0], [0.0, 3.0, 0.0], [1.0, 0.0, 0.0]]}"#.utf8))
    }
}
