import EvalShell
import Foundation
import XCTest

final class InterruptFlagTests: XCTestCase {
    func testSIGINTInsideTheScopeRaisesTheFlagInsteadOfEndingTheProcess() {
        let raised = InterruptFlag.whileCatchingInterrupts { () -> Bool in
            XCTAssertFalse(InterruptFlag.isRaised)
            kill(getpid(), SIGINT)
            return InterruptFlag.isRaised
        }
        XCTAssertTrue(raised)
        InterruptFlag.reset()
        XCTAssertFalse(InterruptFlag.isRaised)
    }

    func testScopeRestoresThePreviousDisposition() {
        let previous = signal(SIGINT, SIG_IGN)
        defer { signal(SIGINT, previous) }
        InterruptFlag.whileCatchingInterrupts {}
        var current = sigaction()
        sigaction(SIGINT, nil, &current)
        XCTAssertEqual(unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self), unsafeBitCast(SIG_IGN, to: Int.self))
    }

    func testScopeStartsWithAClearedFlag() {
        InterruptFlag.raise()
        InterruptFlag.whileCatchingInterrupts { XCTAssertFalse(InterruptFlag.isRaised) }
    }
}
