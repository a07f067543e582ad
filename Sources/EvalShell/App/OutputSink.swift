import Foundation

/// Where results go: standard output, or a file after `output FILE`. Messages and errors have
/// their own stream (standard error) so that csv and json output stay clean data.
final class OutputSink {
    private var file: FileHandle?
    private(set) var path: String?

    /// True when results go to standard output.
    var isStandardOutput: Bool { file == nil }

    /// Sends results to `path` (created or truncated) from now on.
    func redirect(to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputFileError(path: path, code: errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try file?.close()
        file = handle
        self.path = path
    }

    /// Back to standard output.
    func restore() {
        try? file?.close()
        file = nil
        path = nil
    }

    func write(_ text: String) {
        let data = Data(text.utf8)
        if let file {
            file.write(data)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
