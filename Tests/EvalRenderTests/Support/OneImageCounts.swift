import EvalCore

/// One image's counts from per-class lists, as a fixture writes them.
func oneImage(nbObjects: [Int], nbPreds: [Int], tp: [Int], fp: [Int], fn: [Int]) -> ImageClassCounts {
    func column(_ values: [Int]) -> [Int32] { values.map(Int32.init) }
    return ImageClassCounts(
        classCount: nbObjects.count, imageCount: 1, nbObjects: column(nbObjects), nbPreds: column(nbPreds),
        tp: column(tp), fp: column(fp), fn: column(fn))
}
