import EvalShell
import XCTest

final class HistoryPolicyTests: XCTestCase {
    func testConsecutiveDuplicatesAndBlankLinesAreSkipped() {
        let policy = HistoryPolicy()
        XCTAssertEqual(policy.entry(for: "summary", previous: nil), "summary")
        XCTAssertNil(policy.entry(for: "summary", previous: "summary"))
        XCTAssertEqual(policy.entry(for: "summary", previous: "matrix"), "summary")
        XCTAssertNil(policy.entry(for: "   ", previous: nil))
    }

    func testLeadingSpaceKeepsAStatementOutUnlessDisabled() {
        XCTAssertNil(HistoryPolicy().entry(for: " summary", previous: nil))
        XCTAssertEqual(HistoryPolicy(skipsLinesStartingWithSpace: false).entry(for: " summary", previous: nil), " summary")
    }

    func testDefaultRedactionDropsCredentialAssignments() {
        let policy = HistoryPolicy()
        XCTAssertNil(policy.entry(for: "push picsellia token=abc123", previous: nil))
        XCTAssertNil(policy.entry(for: "connect API_KEY : abc", previous: nil))
        XCTAssertNil(policy.entry(for: "login password=hunter2", previous: nil))
        XCTAssertEqual(policy.entry(for: "cell token pedestrian", previous: nil), "cell token pedestrian")
        XCTAssertEqual(policy.entry(for: "where tokens > 2", previous: nil), "where tokens > 2")
    }

    func testCustomRedactionCanRewriteTheEntry() {
        let policy = HistoryPolicy(redact: { $0.replacingOccurrences(of: "abc", with: "***") })
        XCTAssertEqual(policy.entry(for: "push token=abc", previous: nil), "push token=***")
        XCTAssertNil(policy.entry(for: "push token=abc", previous: "push token=***"))
    }
}
