import CEditLine
import Foundation

/// Connects libedit's C completion callback to the Swift `Completer` of the active editor.
///
/// libedit's `rl_attempted_completion_function` is a plain C function pointer with no
/// context argument, so the completer lives in this process-wide box. Access is guarded by
/// a lock; the callback itself only runs on the thread inside `readline()`.
final class CompletionBridge: @unchecked Sendable {
    static let shared = CompletionBridge()

    private let lock = NSLock()
    private var completer: (any Completer)?

    /// Makes `completer` answer Tab presses (nil turns completion off).
    func install(_ completer: (any Completer)?) {
        lock.withLock { self.completer = completer }
    }

    /// Turns completion off if `completer` is still the one answering.
    func uninstall(_ completer: any Completer) {
        lock.withLock {
            if self.completer === completer { self.completer = nil }
        }
    }

    /// Points libedit at the C callback. Call once, after `rl_initialize`.
    func connectToLibedit() {
        evalsh_rl_set_attempted_completion_function(attemptedCompletion)
        evalsh_rl_use_whole_line_as_completion_word()
        evalsh_rl_set_completion_append_character(Int32(UInt8(ascii: " ")))
    }

    /// The plan for the line libedit is editing, or nil when there is nothing to offer.
    fileprivate func plan(line: String, wordStartScalars: Int, cursorScalars: Int) -> CompletionPlan? {
        guard let completer = lock.withLock({ self.completer }) else { return nil }
        let cursor = Self.characterOffset(ofScalarOffset: cursorScalars, in: line)
        let wordStart = Self.characterOffset(ofScalarOffset: wordStartScalars, in: line)
        let answer = completer.completions(line: line, cursor: cursor)
        return CompletionPlan(
            line: line, cursor: cursor, wordStart: wordStart,
            replaceFrom: answer.replaceFrom, candidates: answer.candidates)
    }

    /// libedit reports positions in wide characters (Unicode scalars on Linux and macOS);
    /// completers count `Character`s.
    static func characterOffset(ofScalarOffset offset: Int, in line: String) -> Int {
        let scalars = line.unicodeScalars
        let index = scalars.index(scalars.startIndex, offsetBy: max(0, offset), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        return line[..<index].count
    }
}

/// The C entry point libedit calls on Tab: `text` is the word before the cursor and
/// `start`/`end` its bounds in wide characters. Returns a malloc'd, NULL-terminated array
/// (libedit frees it): the replacement for the word, then the alternatives to list.
private let attemptedCompletion: @convention(c) (
    UnsafePointer<CChar>?, Int32, Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, start, end in
    // Without this, an empty answer makes libedit fall back to completing file names.
    evalsh_rl_set_attempted_completion_over(1)
    guard let buffer = evalsh_rl_line_buffer() else { return nil }
    let line = String(cString: buffer)
    guard let plan = CompletionBridge.shared.plan(
        line: line, wordStartScalars: Int(start), cursorScalars: Int(end))
    else { return nil }

    let appendCharacter = plan.appendsSpace ? Int32(UInt8(ascii: " ")) : 0
    evalsh_rl_set_completion_append_character(appendCharacter)
    let strings = [plan.insertion] + plan.alternatives
    // Two NULLs at the end: libedit reads matches[2] to detect a single match.
    guard let array = calloc(strings.count + 2, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride)?
        .assumingMemoryBound(to: UnsafeMutablePointer<CChar>?.self)
    else { return nil }
    for (index, string) in strings.enumerated() {
        array[index] = strdup(string)
    }
    return array
}
