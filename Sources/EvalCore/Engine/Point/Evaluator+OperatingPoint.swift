extension Evaluator {
    /// Confusion matrix, per-image counts and fates at `point` (`semantics.md` §2).
    ///
    /// Images are matched in parallel chunks against the IoU matrices built in `init`. Images with
    /// `imageMask[i] == false` contribute nothing: zero counts, fates `.excluded`.
    public func operatingPoint(_ point: OperatingPoint, imageMask: [Bool]? = nil) -> OperatingPointResult {
        let included = includedImages(imageMask)
        let classCount = groundTruth.categories.count
        let imageCount = groundTruth.images.count
        let cellCount = (classCount + 1) * (classCount + 1)
        let chunks = Swift.min(imageCount, 32)

        var detectionFates = [DetectionFate](repeating: .excluded, count: detections.count)
        var groundTruthFates = [GroundTruthFate](repeating: .excluded, count: groundTruth.annotations.count)
        var nbObjects = [Int32](repeating: 0, count: imageCount * classCount)
        var nbPreds = nbObjects, tp = nbObjects
        var chunkCells = [[(image: Int32, cell: Int32, count: Int32)]](repeating: [], count: chunks)
        let index = pointIndex, annotations = groundTruth.annotations, detections = detections

        detectionFates.withUnsafeMutableBufferPointer { detectionFates in
            groundTruthFates.withUnsafeMutableBufferPointer { groundTruthFates in
                nbObjects.withUnsafeMutableBufferPointer { nbObjects in
                    nbPreds.withUnsafeMutableBufferPointer { nbPreds in
                        tp.withUnsafeMutableBufferPointer { tp in
                            chunkCells.withUnsafeMutableBufferPointer { chunkCells in
                                let out = ImagePointMatcher.Output(
                                    detectionFates: SharedBuffer(detectionFates),
                                    groundTruthFates: SharedBuffer(groundTruthFates), nbObjects: SharedBuffer(nbObjects),
                                    nbPreds: SharedBuffer(nbPreds), tp: SharedBuffer(tp))
                                let cellsOut = SharedBuffer(chunkCells)
                                parallelFor(chunks) { chunk in
                                    var matcher = ImagePointMatcher(
                                        groundTruth: annotations, detections: detections, index: index,
                                        classCount: classCount, point: point)
                                    var list: [(image: Int32, cell: Int32, count: Int32)] = []
                                    for image in chunkRange(chunk, of: chunks, count: imageCount) where included[image] {
                                        matcher.match(image: image, into: out)
                                        Self.appendRuns(of: matcher.cells.sorted(), image: Int32(image), to: &list)
                                    }
                                    cellsOut[chunk] = list
                                }
                            }
                        }
                    }
                }
            }
        }

        var confusion = [Int](repeating: 0, count: cellCount)
        var cellImages = [[(image: Int32, count: Int32)]](repeating: [], count: cellCount)
        for list in chunkCells {
            for entry in list {
                confusion[Int(entry.cell)] += Int(entry.count)
                cellImages[Int(entry.cell)].append((entry.image, entry.count))
            }
        }
        let width = classCount + 1
        return OperatingPointResult(
            point: point, confusion: (0..<width).map { Array(confusion[($0 * width)..<(($0 + 1) * width)]) },
            counts: ImageClassCounts(
                classCount: classCount, imageCount: imageCount, nbObjects: nbObjects, nbPreds: nbPreds, tp: tp),
            detectionFates: detectionFates, groundTruthFates: groundTruthFates, cellImages: cellImages)
    }

    /// Appends one `(image, cell, count)` per run of equal cells in `sortedCells`.
    private static func appendRuns(
        of sortedCells: [Int32], image: Int32, to list: inout [(image: Int32, cell: Int32, count: Int32)]
    ) {
        var i = 0
        while i < sortedCells.count {
            var j = i + 1
            while j < sortedCells.count && sortedCells[j] == sortedCells[i] { j += 1 }
            list.append((image, sortedCells[i], Int32(j - i)))
            i = j
        }
    }
}
