import EvalCore

/// Two evaluations matched for a comparison: classes by name, images by filename.
struct ComparedPair {
    let a: EvaluationSession
    let b: EvaluationSession
    let viewA: EvaluationView
    let viewB: EvaluationView
    /// Class names in both, in A's order, with their index on each side.
    let classes: [(name: String, a: Int, b: Int)]
    /// Images in both (and counted on both sides), in A's order.
    let images: [(a: Int, b: Int)]
    let notes: [String]

    init(_ a: EvaluationSession, _ b: EvaluationSession) {
        self.a = a
        self.b = b
        viewA = a.view()
        viewB = b.view()
        var classes: [(String, Int, Int)] = []
        for (i, name) in viewA.labels.enumerated() {
            if let j = viewB.labels.firstIndex(of: name) { classes.append((name, i, j)) }
        }
        self.classes = classes
        let includedB = Set(viewB.included)
        var images: [(Int, Int)] = []
        for i in viewA.included {
            if let j = viewB.indexByFilename[viewA.filenames[i]], includedB.contains(j) { images.append((i, j)) }
        }
        self.images = images
        var notes: [String] = []
        let labelsA = viewA.labels, labelsB = viewB.labels
        let onlyA = labelsA.filter { !labelsB.contains($0) }, onlyB = labelsB.filter { !labelsA.contains($0) }
        if !onlyA.isEmpty { notes.append("classes only in \(a.name): \(onlyA.joined(separator: ", "))") }
        if !onlyB.isEmpty { notes.append("classes only in \(b.name): \(onlyB.joined(separator: ", "))") }
        let leftOutA = viewA.included.count - images.count, leftOutB = viewB.included.count - images.count
        if a.countsPoint != b.countsPoint {
            notes.append(
                "different operating points: \(Self.points(a, b)); precision, recall and the counts compare different "
                    + "thresholds (metric both iou=… confidence=… aligns them)")
        }
        if leftOutA > 0 || leftOutB > 0 {
            notes.append("compared on \(images.count) common images; left out: \(leftOutA) of \(a.name), \(leftOutB) of \(b.name)")
        }
        self.notes = notes
    }

    /// The pair, when the two evaluations share at least one image (by filename): with none,
    /// every change would read 0 and a gate on it would pass on nothing.
    static func sharingImages(_ a: EvaluationSession, _ b: EvaluationSession) throws(ExecutionError) -> ComparedPair {
        let pair = ComparedPair(a, b)
        guard !pair.images.isEmpty else {
            throw .unavailable(
                "\(a.name) and \(b.name) share no image (images are matched by filename; \(pair.viewA.included.count) "
                    + "in \(a.name), \(pair.viewB.included.count) in \(b.name)): there is nothing to compare",
                help: "compare two evaluations of the same images")
        }
        return pair
    }

    /// True when the sides count at different operating points: their counts, precision, recall
    /// and F1 differ by thresholds as well as by model, so a change in them is neither better nor worse.
    var mixedPoints: Bool { a.countsPoint != b.countsPoint }

    /// Both sides' operating points, as the notes and warnings name them.
    static func points(_ a: EvaluationSession, _ b: EvaluationSession) -> String {
        "\(a.name) iou=\(a.countsPoint.iou) confidence=\(a.countsPoint.confidence), "
            + "\(b.name) iou=\(b.countsPoint.iou) confidence=\(b.countsPoint.confidence)"
    }

    /// Why a payload's recorded statistics do not serve a comparison on fewer images.
    static func recordedForAllImages(_ session: EvaluationSession) -> String {
        "\(session.name)'s COCO statistics are recorded for all its images, but only the images both sides hold are "
            + "compared, and without boxes they cannot be recomputed"
    }

    /// Each side's COCO metrics over the common images (nil for a payload, or without scores).
    func cocoA() -> COCOMetrics? { try? sideA.coco()?.get() }
    func cocoB() -> COCOMetrics? { try? sideB.coco()?.get() }
}
