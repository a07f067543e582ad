import EvalQuery
import XCTest

@testable import EvalRender

/// Wrapped cells break at spaces and after `|`, `,` and `/`, cutting a word only when it is
/// longer than the column.
final class WrapBreakTests: XCTestCase {
    func testBreaksAfterABarRatherThanInsideAWord() {
        let lines = TextWrap.wrap(StyledText("set format|color|rows|pager|ascii|images VALUE"), width: 16).map(\.plain)
        XCTAssertEqual(lines, ["set format|", "color|rows|", "pager|ascii|", "images VALUE"])
        let help = TextWrap.wrap(StyledText("help [STATEMENT|CLAUSE|SETTING]"), width: 16).map(\.plain)
        XCTAssertEqual(help, ["help [STATEMENT|", "CLAUSE|SETTING]"])
    }

    func testBreaksAfterCommasAndSlashes() {
        XCTAssertEqual(TextWrap.wrap(StyledText("~/datasets/images"), width: 12).map(\.plain), ["~/datasets/", "images"])
        XCTAssertEqual(TextWrap.wrap(StyledText("a,b,c,d,e"), width: 5).map(\.plain), ["a,b,", "c,d,e"])
    }

    func testCutsOnlyAWordLongerThanTheLine() {
        XCTAssertEqual(TextWrap.wrap(StyledText("box-drawing"), width: 6).map(\.plain), ["box-dr", "awing"])
    }

    func testHelpAtFortyBreaksNoWord() {
        let rows: [[Cell]] = [
            [.string("set format|color|rows|pager|ascii|images VALUE"), .string("Session preferences"), .string("set format csv")],
            [.string("help [STATEMENT|CLAUSE|SETTING]"), .string("The statements, or one statement's syntax"), .string("help set")],
            [.string("set ascii on|off"), .string("ASCII instead of box-drawing characters (default off)"), .string("set ascii on")],
        ]
        let table = ResultTable(columns: ["syntax", "what it does", "example"], rows: rows)
        let text = render(.table(table), options: RenderOptions(width: 40))
        // A word cut mid-way leaves a fragment that is none of the pieces TextWrap may break into.
        func pieces(_ text: String) -> [String] {
            text.split(separator: " ").flatMap { word -> [String] in
                var out = [""]
                for c in word {
                    out[out.count - 1].append(c)
                    if TextWrap.breaksAfter.contains(c) { out.append("") }
                }
                return out.filter { !$0.isEmpty }
            }
        }
        let allowed = Set(rows.joined().flatMap { cell -> [String] in
            guard case .string(let s) = cell else { return [] }
            return pieces(s)
        } + ["syntax", "what", "it", "does", "example"])
        let lines = text.split(separator: "\n").map(String.init)
        for line in lines.dropLast() where line.hasPrefix("│") {
            for cell in line.split(separator: "│") {
                for piece in pieces(cell.trimmingCharacters(in: .whitespaces)) {
                    XCTAssertTrue(allowed.contains(piece), "\(piece) is a word cut mid-way:\n\(text)")
                }
            }
        }
        XCTAssertFalse(text.contains("CLAUS\n"), text)
        XCTAssertFalse(text.contains("preference "), text)
    }
}
