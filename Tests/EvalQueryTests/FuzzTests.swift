import XCTest
import EvalQuery

/// Random token soup: the parser and the completion never trap, every diagnostic points inside
/// the text, and predicates that parse print back to themselves.
final class FuzzTests: XCTestCase {
    /// SplitMix64, seeded so that a failure can be replayed.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let vocabulary: [String] = StatementKeyword.allCases.map(\.rawValue) + [
        "where", "sort", "limit", "asc", "desc", "and", "or", "not", "has", "predicted", "none", "as", "svg",
        "message", "normalize", "gt", "pred", "top", "FN", "FP", "TP", "objects", "filename", "AP50", "recall",
        "delta", "car", "\"traffic light\"", "\"", "\"open", "0", "1", "2.5", "-3", "1e-3", "(", ")", "[", "]", ".",
        "=", "==", "!=", "<", "<=", ">", ">=", "~", "+", "-", "*", "/", ";", "\n", "\\\n", "#", "\\", "@", ":",
        "iou=0.5", "store:x@3", "../a/b.json", "~/x", "*_d_*", "é", "\t", "", "💥", "\r\n",
    ]

    func testRandomTokenSoupNeverTraps() throws {
        var generator = SeededGenerator(state: 2024)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...12, using: &generator)
            let text = (0..<count).map { _ -> String in
                let token = Self.vocabulary.randomElement(using: &generator) ?? ""
                return token + (Bool.random(using: &generator) ? " " : "")
            }.joined()
            try check(text, using: &generator)
        }
    }

    func testRandomCharactersNeverTrap() throws {
        var generator = SeededGenerator(state: 7)
        let alphabet = Array("ab1 .,;:\"\\#[]()<>=!~+-*/_\n\té")
        for _ in 0..<4000 {
            let text = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator) ?? " "
            })
            try check(text, using: &generator)
        }
    }

    private func check(_ text: String, using generator: inout SeededGenerator) throws {
        let script = Parser.parse(text)
        let characters = text.count
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count
        for diagnostic in script.diagnostics {
            XCTAssertTrue((1...lines).contains(diagnostic.line), "\(text.debugDescription): \(diagnostic)")
            XCTAssertTrue(diagnostic.range.start.offset <= characters && diagnostic.range.end.offset <= characters)
            XCTAssertFalse(diagnostic.message.isEmpty)
            _ = DiagnosticRenderer.render(diagnostic, source: text)
        }
        for node in script.statements {
            if case .filter(let query) = node.statement, let predicate = query.predicate {
                let reparsed = try Parser.parseStatement("where \(predicate)")
                XCTAssertEqual(reparsed, .filter(ImageQuery(predicate: predicate)), "\(text.debugDescription) → \(predicate)")
            }
        }
        _ = completionContext(line: text, cursor: Int.random(in: -1...(characters + 1), using: &generator))
    }
}
