import EvalQuery
import EvalRender
import Foundation

/// Where results go: standard output, or a file after `output FILE`. Messages and errors have
/// their own stream (standard error) so that csv and json output stay clean data.
final class OutputSink {
    private var file: FileHandle?
    private(set) var path: String?

    /// True when results go to standard output.
    var isStandardOutput: Bool { file == nil }

    /// Sends results to `path` (created or truncated) from now on.
    /// A FIFO or a socket is refused (opening one could block), so is a folder; a character
    /// device (`/dev/null`, a terminal) is written to, not replaced; a symbolic link is followed.
    func redirect(to path: String) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, errno: errno) }
        var info = stat()
        let kind = fstat(descriptor, &info) == 0 ? info.st_mode & S_IFMT : 0
        guard kind == S_IFREG || kind == S_IFCHR else {
            close(descriptor)
            throw OutputError(path: path, errno: kind == S_IFDIR ? EISDIR : ENXIO)
        }
        // Truncated only once known to be a file, and back to blocking writes.
        if kind == S_IFREG { ftruncate(descriptor, 0) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try? file?.close()
        file = handle
        self.path = path
    }

    /// Back to standard output.
    func restore() {
        try? file?.close()
        file = nil
        path = nil
    }

    /// The first write that failed since the last `takeFailure()` (a full disk, a closed pipe).
    private var failure: OutputError?

    func write(_ text: String) {
        write(text, to: file ?? FileHandle.standardOutput, named: path)
    }

    /// Writes to standard output whatever `output` says (messages go there in table format).
    func writeStandardOutput(_ text: String) {
        write(text, to: FileHandle.standardOutput, named: nil)
    }

    /// `name`: the file's path, nil for standard output.
    private func write(_ text: String, to handle: FileHandle, named name: String?) {
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            if failure == nil { failure = OutputError(path: name, reason: .writeFailed(Self.describe(error))) }
        }
    }

    /// The failure of a write since the last call, if any; the statement that wrote fails with it.
    func takeFailure() -> OutputError? {
        defer { failure = nil }
        return failure
    }

    private static func describe(_ error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        return error.localizedDescription
    }

    /// Standard error: messages, errors, and where a failure to write has nowhere left to be
    /// reported. Control characters in `text` (from a file name, a class name, a server's
    /// answer) are escaped by `TerminalSafe`; line breaks are kept.
    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(TerminalSafe.escaped(text, keepingLineBreaks: true).utf8))
    }

    /// An error report on standard error, its first `error:` label in colour when `colored`
    /// (the label's escape is added after the text has passed `TerminalSafe`).
    static func writeErrorReport(_ text: String, colored: Bool) {
        let safe = TerminalSafe.escaped(text, keepingLineBreaks: true)
        let labelled = colored
            ? safe.replacingOccurrences(of: "error:", with: Style.error.apply("error:"), options: [], range: safe.range(of: "error:"))
            : safe
        try? FileHandle.standardError.write(contentsOf: Data((labelled + "\n").utf8))
    }
}
