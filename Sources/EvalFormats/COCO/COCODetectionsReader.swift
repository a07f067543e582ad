import EvalCore

/// Reads COCO predictions, either a results list or a whole dataset file whose `annotations`
/// carry `score`, resolving image and category ids against a ground truth.
public enum COCODetectionsReader {
    public static func read(path: String, groundTruth: GroundTruth) throws(FormatError) -> Detections {
        try read(SourceBytes(path: path, json: true), groundTruth: groundTruth)
    }

    public static func read(_ source: SourceBytes, groundTruth: GroundTruth) throws(FormatError) -> Detections {
        let images = try COCOGroundTruthReader.index(
            groundTruth.images.map(\.id), section: "images", file: "ground truth")
        let categories = try COCOGroundTruthReader.index(
            groundTruth.categories.map(\.id), section: "categories", file: "ground truth")
        func makeSink(_ byteCount: Int) -> DetectionSink {
            DetectionSink(images: images, categories: categories, byteCount: byteCount)
        }
        do throws(JSONScanError) {
            var scanner = JSONScanner(source.buffer)
            var sink: DetectionSink
            if scanner.peek() == UInt8(ascii: "[") {
                sink = try ObjectArrayReader.read(&scanner, source: source, makeSink: makeSink)
            } else {
                sink = try readDataset(&scanner, source: source, makeSink: makeSink)
            }
            try scanner.expectEnd()
            return sink.takeDetections()
        } catch {
            throw error.formatError(in: source)
        }
    }

    private static func readDataset(
        _ scanner: inout JSONScanner, source: SourceBytes, makeSink: (Int) -> DetectionSink
    ) throws(JSONScanError) -> DetectionSink {
        guard scanner.peek() == UInt8(ascii: "{") else {
            throw scanner.typeMismatch(expected: "a results list or a COCO dataset object")
        }
        try scanner.enterObject()
        var sink: DetectionSink?
        while let key = try scanner.nextKey() {
            if case "annotations" = key {
                sink = try within(.key("annotations")) { () throws(JSONScanError) in
                    try ObjectArrayReader.read(&scanner, source: source, makeSink: makeSink)
                }
            } else {
                try scanner.skipValue()
            }
        }
        guard let sink else { throw missingKey("annotations", at: 0) }
        return sink
    }
}
