import EvalCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes JSON documents to files.
public enum EvalFileWriter {
    /// Writes `value` to `path` (through a temporary file renamed into place, so a failed
    /// write never leaves half a file), indented like `json.dumps(indent=2)` by default.
    public static func write(_ value: JSONValue, to path: String, writer: JSONWriter = JSONWriter(indent: 2))
        throws(FormatError)
    {
        let bytes = writer.bytes(value)
        let temporary = path + ".tmp-evalsh"
        guard let file = fopen(temporary, "wb") else { throw .unwritable(file: path, reason: errnoText()) }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw .unwritable(file: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = errnoText()
            unlink(temporary)
            throw .unwritable(file: path, reason: reason)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

