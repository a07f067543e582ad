import EvalQuery
import XCTest

@testable import EvalRender

/// Every view at widths 40, 80 and 200, with and without colour, against its snapshot; plus
/// ASCII and row-limited variants. Record with EVALSH_RECORD=1 (see Support/Snapshot.swift).
final class SnapshotTests: XCTestCase {
    func testEveryViewAtEveryWidthWithAndWithoutColour() {
        for (name, result) in ViewCatalog.all {
            for width in ViewCatalog.widths {
                for color in [false, true] {
                    let text = render(result, options: RenderOptions(color: color, width: width, maxRows: 20))
                    Snapshot.assert(text, named: "\(name)-w\(width)-\(color ? "color" : "plain")")
                }
            }
        }
    }

    func testASCIIViews() {
        for name in ["matrix-seed", "images-seed", "show-pixels", "classes-seed", "curve"] {
            let result = ViewCatalog.all.first { $0.name == name }!.result
            Snapshot.assert(render(result, options: RenderOptions(ascii: true, width: 80)), named: "\(name)-w80-ascii")
        }
    }

    func testRowLimitSaysHowManyRowsAreLeftOut() {
        let text = render(.images(COCOFixtures.imageList(rows: 30)), options: RenderOptions(width: 100, maxRows: 5))
        XCTAssertTrue(text.contains("… 25 more rows (set rows 30)"), text)
        let limited = ImageListResult(labels: SeedFixtures.labels, rows: Array(SeedFixtures.imageList.rows.prefix(2)), matched: 3)
        let note = render(.images(limited), options: RenderOptions(width: 100))
        XCTAssertTrue(note.contains("3 images matched; the query's limit kept 2"), note)
    }
}
