import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

final class YOLOConfigTests: XCTestCase {
    func testNamesAsAMapAndAsAList() throws {
        let root = try folder([
            "map.yaml": "path: .\nval: images/val\nnames:\n  1: dog\n  0: cat\n",
            "list.yaml": "val: [images/a, images/b]\nnames: ['cat', 'dog']\nnc: 2\n",
        ])
        let map = try YOLODataConfig.read(path: root + "/map.yaml")
        XCTAssertEqual(map.names, ["cat", "dog"])
        XCTAssertEqual(map.splits["val"], [root + "/./images/val"])
        let list = try YOLODataConfig.read(path: root + "/list.yaml")
        XCTAssertEqual(list.names, ["cat", "dog"])
        XCTAssertEqual(list.splits["val"], [root + "/images/a", root + "/images/b"])
    }

    func testNCDisagreeingWithNames() throws {
        let root = try folder(["data.yaml": "val: images\nnames: [cat]\nnc: 2\n"])
        XCTAssertThrowsError(try YOLODataConfig.read(path: root + "/data.yaml")) { error in
            XCTAssertEqual("\(error)", "\(root)/data.yaml: nc is 2 but names lists 1 classes")
        }
    }

    func testLabelPathFollowsUltralytics() {
        XCTAssertEqual(YOLODataConfig.labelPath(forImage: "d/images/val/a.b.jpg"), "d/labels/val/a.b.txt")
        XCTAssertEqual(YOLODataConfig.labelPath(forImage: "/x/images/y/images/z.png"), "/x/images/y/labels/z.txt")
    }

    /// `cx cy w h` → top-left corner and size in pixels: (0.5 − 0.25/2)·200 = 75, 0.25·200 = 50.
    func testNormalizedBoxesBecomePixels() throws {
        let root = try folder([
            "labels/classes.txt": "cat\ndog\n", "labels/a.txt": "1 0.5 0.5 0.25 0.5\n",
            "preds/a.txt": "1 0.5 0.5 0.25 0.5 0.75\n0 0.1 0.1 0.1 0.1 0.5\n",
        ])
        try FileManager.default.createDirectory(atPath: root + "/images", withIntermediateDirectories: true)
        try Data(pngHeader(width: 200, height: 100)).write(to: URL(fileURLWithPath: root + "/images/a.png"))
        let loaded = try EvalFileReader.loadEvaluation(
            groundTruth: root + "/labels", predictions: root + "/preds", imagesDirectory: root + "/images")
        let gt = loaded.groundTruth
        XCTAssertEqual(gt.images, [ImageInfo(id: 1, fileName: "a.png", width: 200, height: 100)])
        XCTAssertEqual(gt.categories, [Category(id: 0, name: "cat"), Category(id: 1, name: "dog")])
        XCTAssertEqual(gt.annotations.box(0), BoundingBox(x: 75, y: 25, width: 50, height: 50))
        XCTAssertEqual(gt.annotations.area, [2500])
        XCTAssertEqual(loaded.detections.category, [1, 0])
        XCTAssertEqual(loaded.detections.score, [0.75, 0.5])
        XCTAssertEqual(loaded.detections.box(0), BoundingBox(x: 75, y: 25, width: 50, height: 50))
    }

    /// VOC's `difficult` boxes become crowd boxes; classes are matched by name across formats.
    func testVOCDifficultIsCrowd() throws {
        let root = try folder([
            "voc/a.xml": "<?xml version=\"1.0\"?>\n<!-- made by hand -->\n<annotation><filename>a.jpg</filename>"
                + "<size><width>100</width><height>80</height></size>"
                + "<object><name>dog</name><difficult>1</difficult><bndbox><xmin>10</xmin><ymin>20</ymin>"
                + "<xmax>30</xmax><ymax>60</ymax></bndbox></object>"
                + "<object><name>cat &amp; co</name><bndbox><xmin>1</xmin><ymin>2</ymin><xmax>3</xmax><ymax>4</ymax>"
                + "</bndbox></object></annotation>",
        ])
        let gt = try VOCReader.readFolder(root + "/voc").groundTruth()
        XCTAssertEqual(gt.categories.map(\.name), ["cat & co", "dog"])
        XCTAssertEqual(gt.annotations.isCrowd, [true, false])
        XCTAssertEqual(gt.annotations.category, [1, 0])
        XCTAssertEqual(gt.annotations.box(0), BoundingBox(x: 10, y: 20, width: 20, height: 40))
    }

    /// Ultralytics' predictions.json names images by stem: numbers (`42` for `00042.jpg`) or strings.
    func testUltralyticsJSONByStem() throws {
        let root = try folder([
            "voc/00042.xml": voc("00042.jpg", [("cat", 0, 0, 10, 10)]),
            "voc/b.xml": voc("b.jpg", [("cat", 0, 0, 10, 10)]),
            "p1.json": #"[{"image_id": "b", "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5}]"#,
            "p2.json": #"[{"image_id": 42, "category_id": 1, "bbox": [0, 0, 10, 10], "score": 0.5}]"#,
        ])
        let gt = try VOCReader.readFolder(root + "/voc").groundTruth()
        let p1 = try EvalFileReader.readDetections(path: root + "/p1.json", groundTruth: gt)
        XCTAssertEqual(p1.image, [1])
        let p2 = try EvalFileReader.readDetections(path: root + "/p2.json", groundTruth: gt)
        XCTAssertEqual(p2.image, [0])
    }
}

final class DarknetLayoutTests: XCTestCase {
    /// Darknet (CVAT's YOLO 1.1 export): `obj.names`, labels beside their images; an image
    /// without a label file is an image without boxes.
    func testLabelsBesideImagesWithObjNames() throws {
        let root = try folder([
            "obj.names": "car\nbus\n", "obj_train_data/a.txt": "1 0.5 0.5 0.5 0.5\n",
        ])
        try Data(pngHeader(width: 40, height: 20)).write(to: URL(fileURLWithPath: root + "/obj_train_data/a.png"))
        try Data(pngHeader(width: 8, height: 8)).write(to: URL(fileURLWithPath: root + "/obj_train_data/b.png"))
        let (gt, text, _) = try EvalFileReader.readGroundTruth(
            path: root + "/obj_train_data", kind: .yoloLabels, imagesDirectory: nil)
        XCTAssertTrue(text.contains("names from \(root)/obj.names"), text)
        XCTAssertEqual(gt.categories.map(\.name), ["car", "bus"])
        XCTAssertEqual(gt.images.map(\.fileName), ["a.png", "b.png"])
        XCTAssertEqual(gt.annotations.box(0), BoundingBox(x: 10, y: 5, width: 20, height: 10))
        XCTAssertEqual(gt.annotations.category, [1])
    }
}

final class YOLOMovedDatasetTests: XCTestCase {
    /// A data.yaml whose `path` names the training machine's folder reads from its own folder.
    func testMissingPathFallsBackToTheFilesFolder() throws {
        let root = try folder(["data.yaml": "path: /nonexistent/datasets/pets\nval: images/val\nnames: [cat]\n"])
        let config = try YOLODataConfig.read(path: root + "/data.yaml")
        XCTAssertEqual(config.root, root)
        XCTAssertEqual(config.splits["val"], [root + "/images/val"])
    }
}
