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
