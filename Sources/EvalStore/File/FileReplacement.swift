import Foundation

/// Replaces one file atomically, as a file push does (for `show … svg PATH`): a device, FIFO or
/// folder is refused, a symbolic link is written through, a missing folder is named.
public enum FileReplacement {
    public static func write(_ data: Data, to path: String) throws(StoreError) {
        try AtomicFileWriter().replace([(data, URL(fileURLWithPath: path))])
    }
}
