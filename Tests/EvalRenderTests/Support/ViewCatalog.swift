import EvalQuery

/// Every view the snapshot and width tests go through, by name.
enum ViewCatalog {
    static var all: [(name: String, result: QueryResult)] {
        var seedNormalized = SeedFixtures.matrix
        seedNormalized.normalization = .groundTruth
        var cellList = SeedFixtures.imageList
        cellList.title = "cell car → pedestrian"
        cellList.extraColumn = "count"
        cellList.rows = cellList.rows.enumerated().map { i, row in
            var row = row
            row.extra = i
            return row
        }
        return [
            ("matrix-seed", .matrix(SeedFixtures.matrix)),
            ("matrix-seed-normalized-gt", .matrix(seedNormalized)),
            ("matrix-coco80", .matrix(COCOFixtures.matrix())),
            ("matrix-coco80-top6-pred", .matrix(COCOFixtures.matrix(top: 6, normalization: .prediction))),
            ("images-seed", .images(SeedFixtures.imageList)),
            ("images-seed-cell", .images(cellList)),
            ("images-coco80", .images(COCOFixtures.imageList(rows: 30))),
            ("summary-seed", .summary(SeedFixtures.summary)),
            ("summary-coco", .summary(HandFixtures.cocoSummary)),
            ("classes-seed", .classes(SeedFixtures.classes)),
            ("classes-coco80", .classes(COCOFixtures.classes)),
            ("show-seed-payload", .imageView(SeedFixtures.payloadView)),
            ("show-pixels", .imageView(HandFixtures.pixelView)),
            ("bars-seed", .bars(SeedFixtures.bars)),
            ("curve", .curve(HandFixtures.curve)),
            ("table", .table(HandFixtures.table)),
            ("table-changes", .table(HandFixtures.changes)),
            // Side by side at 200 columns, one under the other at 40 and 80.
            ("side-by-side-seed", .sideBySide([.matrix(SeedFixtures.matrix), .matrix(seedNormalized)])),
            ("message-warning", .message(HandFixtures.warning)),
            ("json", .json(HandFixtures.json)),
        ]
    }

    static let widths = [40, 80, 200]
}
