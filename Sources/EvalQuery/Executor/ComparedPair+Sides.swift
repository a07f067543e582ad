import EvalCore

extension ComparedPair {
    /// Side A over the images both sides hold.
    var sideA: ValueSource {
        let images = self.images.map(\.a)
        return ValueSource(
            session: a, labels: viewA.labels, totals: { viewA.counts.totals(images: images, classIndex: $0) }, coco: { a.cocoMetrics(over: images) },
            recorded: images.count == viewA.included.count ? a.recordedStatistics : [:])
    }

    /// Side B over the images both sides hold.
    var sideB: ValueSource {
        let images = self.images.map(\.b)
        return ValueSource(
            session: b, labels: viewB.labels, totals: { viewB.counts.totals(images: images, classIndex: $0) }, coco: { b.cocoMetrics(over: images) },
            recorded: images.count == viewB.included.count ? b.recordedStatistics : [:])
    }
}
