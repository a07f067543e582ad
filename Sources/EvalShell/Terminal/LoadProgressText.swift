import EvalFormats
import Foundation

/// The words of a load's progress line, from the readers' events: the phase, the file and its
/// size, how much of it is parsed, then the matching of predictions to ground truth.
///
/// Events come from the reading threads, possibly two at once, hence the lock.
public final class LoadProgressText: @unchecked Sendable {
    /// A line to show, and whether it starts a phase (shown at once, never dropped by the
    /// progress line's throttling) or only moves a percentage.
    public struct Line: Equatable, Sendable {
        public var text: String
        public var startsPhase: Bool

        public init(text: String, startsPhase: Bool) {
            self.text = text
            self.startsPhase = startsPhase
        }
    }

    private let lock = NSLock()
    private var phase = ""

    public init() {}

    /// The line after `event`; nil when the line stays as it is.
    public func line(after event: LoadProgress) -> Line? {
        lock.withLock {
            switch event {
            case .reading(let file, let bytes):
                phase = "reading \(Self.fileName(file)) (\(Self.size(bytes)))…"
                return Line(text: phase, startsPhase: true)
            case .parsed(let fraction):
                guard !phase.isEmpty else { return nil }
                return Line(text: "\(phase) \(Int((min(max(fraction, 0), 1) * 100).rounded(.down)))%", startsPhase: false)
            case .read(_, let kind):
                guard kind.holdsPredictions else { return nil }
                phase = "matching predictions to ground truth…"
                return Line(text: phase, startsPhase: true)
            }
        }
    }

    /// The last component of `path`: the line has room for a name, not a folder.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `61 MB`, `850 KB`, `12 bytes`: decimal units, as `ls -h --si` and file managers show.
    static func size(_ bytes: Int) -> String {
        switch bytes {
        case ..<1_000: return "\(bytes) bytes"
        case ..<1_000_000: return "\(Int((Double(bytes) / 1e3).rounded())) KB"
        case ..<10_000_000: return String(format: "%.1f MB", Double(bytes) / 1e6)
        case ..<1_000_000_000: return "\(Int((Double(bytes) / 1e6).rounded())) MB"
        default: return String(format: "%.1f GB", Double(bytes) / 1e9)
        }
    }
}
