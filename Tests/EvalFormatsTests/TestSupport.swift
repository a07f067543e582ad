import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// The shared data folder (`<package root>/../shared` in CI, `../../shared` from a worktree), or
/// a skip naming where it was looked for.
func sharedData(_ relative: String) throws -> String {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let candidates = [
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared"),
        packageRoot.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared"),
    ]
    for folder in candidates where FileManager.default.fileExists(atPath: folder.path) {
        return folder.appendingPathComponent(relative).path
    }
    throw XCTSkip("shared data not found at \(candidates.map(\.path)); skipping")
}

/// Parses `text` as a whole document and returns the error it raises, if any.
func parseError(_ text: String, name: String = "t.json") -> FormatError? {
    do {
        _ = try JSONValueParser.parse(bytes: Array(text.utf8), name: name)
        return nil
    } catch {
        return error
    }
}

/// Writes `text` to a fresh temporary file and returns its path.
func temporaryFile(_ text: String, name: String = "evalformats-test.json") throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evalformats-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// A two-image, two-category ground truth (ids with gaps, categories out of id order).
let smallGroundTruthJSON = """
    {"images": [{"id": 7, "file_name": "a.jpg", "width": 100, "height": 50},
                {"id": 3, "file_name": "b.jpg", "width": 64, "height": 64}],
     "annotations": [
        {"id": 1, "image_id": 7, "category_id": 9, "bbox": [1, 2, 10, 20], "area": 150.5, "iscrowd": 0,
         "segmentation": [[1, 2, 3, 4, 5, 6]]},
        {"id": 2, "image_id": 3, "category_id": 2, "bbox": [0, 0, 4, 5], "iscrowd": 1, "ignore": 1}],
     "categories": [{"id": 9, "name": "truck", "supercategory": "vehicle"}, {"id": 2, "name": "bicycle"}],
     "info": {"year": 2024}}
    """
