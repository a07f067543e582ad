import EvalRender
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress indicator for long loads, redrawn in place on standard error.
///
/// It draws only when its stream is a terminal, so piped output and log files never see
/// carriage returns. Redraws are throttled, `finish()` erases the line, and updates may come
/// from any thread.
public final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let write: (String) -> Void
    private let isEnabled: Bool
    private let minimumInterval: Duration
    private let clock = ContinuousClock()
    private var lastDraw: ContinuousClock.Instant?
    private var isShowing = false

    /// A progress line on standard error, active only when standard error is a terminal.
    public convenience init() {
        self.init(
            enabled: TerminalDevice.standardErrorIsTerminal,
            minimumInterval: .milliseconds(100),
            write: { text in FileHandle.standardError.write(Data(text.utf8)) })
    }

    /// - Parameters:
    ///   - enabled: when false every call is a no-op.
    ///   - minimumInterval: updates arriving sooner than this after the last redraw are dropped.
    ///   - write: receives the raw text, escape sequences included.
    public init(enabled: Bool, minimumInterval: Duration, write: @escaping (String) -> Void) {
        self.isEnabled = enabled
        self.minimumInterval = minimumInterval
        self.write = write
    }

    /// Shows `message`, replacing what the line showed before.
    /// - Parameter immediately: draw even within the throttling interval (a new phase must
    ///   not be dropped, or the line would show the end of the last one while it runs).
    public func update(_ message: String, immediately: Bool = false) {
        guard isEnabled else { return }
        lock.withLock {
            let now = clock.now
            if !immediately, let lastDraw, isShowing, now - lastDraw < minimumInterval { return }
            lastDraw = now
            isShowing = true
            write("\r\u{1B}[K" + TerminalSafe.escaped(message))  // a file name may hold controls
        }
    }

    /// Shows `label` followed by a percentage of `completed` out of `total`.
    public func update(_ label: String, completed: Int, total: Int) {
        guard total > 0 else { return update(label) }
        let percent = min(100, max(0, completed * 100 / total))
        update("\(label) \(percent)%")
    }

    /// Erases the line so the next output starts on a clean row.
    public func finish() {
        guard isEnabled else { return }
        lock.withLock {
            guard isShowing else { return }
            isShowing = false
            lastDraw = nil
            write("\r\u{1B}[K")
        }
    }
}
