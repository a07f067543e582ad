import CZlib
import Foundation

/// zlib's one-shot deflate and inflate, and its CRC-32.
enum Deflate {
    /// Level 1: at evalsh's column sizes it compresses within a few percent of level 6 in a
    /// fraction of the time (measured by bench/store_benchmark.py).
    static let level: Int32 = 1

    static func compress(_ input: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { inp in
                compress2(out.baseAddress, &capacity, inp.baseAddress, uLong(inp.count), level)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed with \(status) on an in-memory buffer")
        output.removeSubrange(Int(capacity)...)
        return output
    }

    /// Inflates `input`, which must expand to exactly `expectedCount` bytes.
    static func decompress(_ input: UnsafeRawBufferPointer, expectedCount: Int) throws(ColumnCodecError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expectedCount)
        var length = uLong(expectedCount)
        let status = output.withUnsafeMutableBufferPointer { out in
            uncompress(
                out.baseAddress, &length, input.baseAddress?.assumingMemoryBound(to: UInt8.self), uLong(input.count))
        }
        guard status == Z_OK else {
            throw ColumnCodecError("its compressed data does not inflate (zlib status \(status))")
        }
        guard Int(length) == expectedCount else {
            throw ColumnCodecError("it inflates to \(length) bytes instead of \(expectedCount)")
        }
        return output
    }

    static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        UInt32(CZlib.crc32(0, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), uInt(bytes.count)))
    }
}
