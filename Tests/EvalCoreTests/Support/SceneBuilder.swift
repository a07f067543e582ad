import EvalCore

/// Builds a small ground truth and prediction set in code, for hand-worked operating-point tests.
/// Categories are `car` (id 1) and `pedestrian` (id 2) unless given; images are 640×480.
struct SceneBuilder {
    var groundTruth: GroundTruth
    var detections = Detections()

    init(images: Int, categories: [Category] = [Category(id: 1, name: "car"), Category(id: 2, name: "pedestrian")]) {
        groundTruth = GroundTruth(
            images: (0..<images).map { ImageInfo(id: $0 + 1, fileName: "img\($0 + 1).jpg", width: 640, height: 480) },
            categories: categories, annotations: AnnotationColumns())
    }

    /// The scene of semantics.md §2 worked out in `OperatingPointTests`: gt0 car [0,0,100,100],
    /// gt1 pedestrian [200,0,50,100], gt2 car [400,400,50,50]; d0 car on gt0 (0.9), d1 car on gt1's
    /// box (0.8), d2 pedestrian [500,0,20,20] (0.7), d3 car on gt0 below the threshold (0.3).
    static func semanticsScene() -> SceneBuilder {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, [0, 0, 100, 100])
        scene.object(image: 0, 1, [200, 0, 50, 100])
        scene.object(image: 0, 0, [400, 400, 50, 50])
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: 0.9)
        scene.prediction(image: 0, 0, [200, 0, 50, 100], score: 0.8)
        scene.prediction(image: 0, 1, [500, 0, 20, 20], score: 0.7)
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: 0.3)
        return scene
    }

    mutating func object(image: Int, _ category: Int, _ box: [Double], crowd: Bool = false) {
        let b = BoundingBox(x: box[0], y: box[1], width: box[2], height: box[3])
        groundTruth.annotations.append(
            id: groundTruth.annotations.count + 1, image: Int32(image), category: Int32(category), box: b,
            area: b.area, isCrowd: crowd, ignore: false)
    }

    mutating func prediction(image: Int, _ category: Int, _ box: [Double], score: Double) {
        detections.append(
            image: Int32(image), category: Int32(category),
            box: BoundingBox(x: box[0], y: box[1], width: box[2], height: box[3]), score: score)
    }

    var evaluator: Evaluator { Evaluator(groundTruth: groundTruth, detections: detections) }
}
