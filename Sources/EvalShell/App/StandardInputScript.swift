import Foundation

/// A script read from standard input (`evalsh G P < script.evq`), with bounds so that an endless
/// stream (`< /dev/zero`, `yes |`) ends with a message instead of filling memory.
enum StandardInputScript {
    /// The longest line accepted: the parser's statement limit, 1 MiB.
    static let lineLimit = 1 << 20
    /// The longest script accepted: 16 MiB.
    static let totalLimit = 16 << 20

    /// The whole of standard input as text, or why it was refused.
    static func read(from descriptor: Int32 = STDIN_FILENO) -> Result<String, ScriptTooLong> {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var lineLength = 0
        var line = 1
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            for byte in buffer[0..<count] {
                if byte == UInt8(ascii: "\n") {
                    lineLength = 0
                    line += 1
                } else {
                    lineLength += 1
                    if lineLength > lineLimit { return .failure(.line(line, limit: lineLimit)) }
                }
            }
            data.append(contentsOf: buffer[0..<count])
            if data.count > totalLimit { return .failure(.total(limit: totalLimit)) }
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// Why standard input was refused.
    enum ScriptTooLong: Error, CustomStringConvertible {
        case line(Int, limit: Int)
        case total(limit: Int)

        var description: String {
            switch self {
            case .line(let line, let limit):
                return "<stdin>:\(line): error: line longer than \(limit) bytes (1 MiB); standard input stopped being read "
                    + "(is it a stream such as /dev/zero?)"
            case .total(let limit):
                return "<stdin>: error: script longer than \(limit) bytes (16 MiB); standard input stopped being read "
                    + "(run a long script with -f, or split it)"
            }
        }
    }
}
