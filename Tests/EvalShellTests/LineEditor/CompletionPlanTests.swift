@testable import EvalShell
import XCTest

/// Expected edits are worked out by hand: libedit replaces line[wordStart..<cursor] with
/// `insertion`.
final class CompletionPlanTests: XCTestCase {
    func testSingleCandidateReplacesTheTypedWordAndAppendsASpace() {
        let plan = CompletionPlan(line: "sum", cursor: 3, wordStart: 0, replaceFrom: 0, candidates: ["summary"])
        XCTAssertEqual(plan, CompletionPlan(insertion: "summary", alternatives: [], appendsSpace: true))
    }

    func testTextBeforeReplaceFromIsKept() {
        let plan = CompletionPlan(
            line: "cell traf", cursor: 9, wordStart: 0, replaceFrom: 5, candidates: ["traffic light"])
        XCTAssertEqual(plan?.insertion, "cell \"traffic light\"")
        XCTAssertEqual(plan?.appendsSpace, true)
    }

    func testSeveralCandidatesInsertTheirCommonPrefixAndListThemQuoted() {
        let plan = CompletionPlan(
            line: "cell t", cursor: 6, wordStart: 0, replaceFrom: 5, candidates: ["truck", "train"])
        XCTAssertEqual(plan?.insertion, "cell tr")
        XCTAssertEqual(plan?.alternatives, ["truck", "train"])
        XCTAssertEqual(plan?.isSingleMatch, false)
    }

    func testCommonPrefixThatDoesNotExtendTheTypedTextLeavesItAlone() {
        // Quoting makes the candidates share no prefix; the typed "tr" must survive.
        let plan = CompletionPlan(
            line: "cell tr", cursor: 7, wordStart: 0, replaceFrom: 5, candidates: ["truck", "traffic light"])
        XCTAssertEqual(plan?.insertion, "cell tr")
        XCTAssertEqual(plan?.alternatives, ["truck", "\"traffic light\""])
    }

    func testQuotedCommonPrefixExtendsAnUnquotedWord() {
        let plan = CompletionPlan(
            line: "cell tr", cursor: 7, wordStart: 0, replaceFrom: 5,
            candidates: ["traffic light", "traffic cone"])
        XCTAssertEqual(plan?.insertion, "cell \"traffic ")
    }

    func testDirectoryCandidateGetsNoSpace() {
        let plan = CompletionPlan(
            line: "load Exa", cursor: 8, wordStart: 0, replaceFrom: 5, candidates: ["Examples/"])
        XCTAssertEqual(plan?.insertion, "load Examples/")
        XCTAssertEqual(plan?.appendsSpace, false)
    }

    func testDirectoryWithSpacesStaysOpenForFurtherCompletion() {
        let plan = CompletionPlan(
            line: "load Examples/co", cursor: 16, wordStart: 0, replaceFrom: 5,
            candidates: ["Examples/coco small/"])
        XCTAssertEqual(plan?.insertion, "load \"Examples/coco small/")
        XCTAssertEqual(plan?.appendsSpace, false)
    }

    func testCursorInsideTheLineOnlyUsesTextBeforeIt() {
        let plan = CompletionPlan(
            line: "mat summary", cursor: 3, wordStart: 0, replaceFrom: 0, candidates: ["matrix"])
        XCTAssertEqual(plan?.insertion, "matrix")
    }

    func testReplaceFromBeforeLibeditsWordStartNeedsAMatchingPrefix() {
        // Line is a lone quote: libedit's word starts after it (wordStart 1).
        let plan = CompletionPlan(line: "\"", cursor: 1, wordStart: 1, replaceFrom: 0, candidates: ["traffic light"])
        XCTAssertEqual(plan?.insertion, "traffic light\"")
        let impossible = CompletionPlan(line: "\"", cursor: 1, wordStart: 1, replaceFrom: 0, candidates: ["truck"])
        XCTAssertNil(impossible)
    }

    func testNoCandidatesMeansNoPlan() {
        XCTAssertNil(CompletionPlan(line: "xyz", cursor: 3, wordStart: 0, replaceFrom: 0, candidates: []))
    }

    func testOffsetsCountCharactersNotBytes() {
        let plan = CompletionPlan(
            line: "cell piét", cursor: 9, wordStart: 0, replaceFrom: 5, candidates: ["piéton"])
        XCTAssertEqual(plan?.insertion, "cell piéton")
        XCTAssertEqual(CompletionBridge.characterOffset(ofScalarOffset: 9, in: "cell piét"), 9)
        XCTAssertEqual(CompletionBridge.characterOffset(ofScalarOffset: 3, in: "e\u{301}ab"), 2)
    }

    func testQuotingEscapesInnerQuotesAndKeepsPlainNames() {
        XCTAssertEqual(CompletionQuoting.quoteIfNeeded("car"), "car")
        XCTAssertEqual(CompletionQuoting.quoteIfNeeded("traffic light"), "\"traffic light\"")
        XCTAssertEqual(CompletionQuoting.quoteIfNeeded("say \"hi\""), #""say \"hi\"""#)
        XCTAssertEqual(CompletionQuoting.quoteIfNeeded("\"already quoted\""), "\"already quoted\"")
        XCTAssertEqual(CompletionQuoting.longestCommonPrefix(["piéton", "piétonne", "pié"]), "pié")
    }
}
