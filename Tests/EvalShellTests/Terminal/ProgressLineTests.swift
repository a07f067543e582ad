import EvalShell
import Foundation
import XCTest

final class ProgressLineTests: XCTestCase {
    /// Collects what the progress line writes.
    private final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ chunk: String) { lock.withLock { text += chunk } }
        var contents: String { lock.withLock { text } }
    }

    func testDisabledLineWritesNothing() {
        let sink = Sink()
        let line = ProgressLine(enabled: false, minimumInterval: .zero, write: sink.append)
        line.update("loading")
        line.finish()
        XCTAssertEqual(sink.contents, "")
    }

    func testUpdatesRedrawInPlaceAndFinishClears() {
        let sink = Sink()
        let line = ProgressLine(enabled: true, minimumInterval: .zero, write: sink.append)
        line.update("reading gt.json")
        line.update("parsing", completed: 1, total: 4)
        line.finish()
        line.finish()
        XCTAssertEqual(sink.contents, "\r\u{1B}[Kreading gt.json\r\u{1B}[Kparsing 25%\r\u{1B}[K")
    }

    func testUpdatesWithinTheIntervalAreDropped() {
        let sink = Sink()
        let line = ProgressLine(enabled: true, minimumInterval: .seconds(60), write: sink.append)
        line.update("first")
        line.update("second")
        XCTAssertEqual(sink.contents, "\r\u{1B}[Kfirst")
    }

    /// A new phase is drawn even within the interval: the line never shows a finished phase.
    func testImmediateUpdatesAreNeverDropped() {
        let sink = Sink()
        let line = ProgressLine(enabled: true, minimumInterval: .seconds(60), write: sink.append)
        line.update("reading dt.json")
        line.update("reading dt.json 40%")
        line.update("matching", immediately: true)
        XCTAssertEqual(sink.contents, "\r\u{1B}[Kreading dt.json\r\u{1B}[Kmatching")
    }

    func testFinishWithoutUpdateWritesNothing() {
        let sink = Sink()
        ProgressLine(enabled: true, minimumInterval: .zero, write: sink.append).finish()
        XCTAssertEqual(sink.contents, "")
    }
}
