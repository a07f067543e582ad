import Foundation

/// The binary form of one column in the store: a 32-byte header, then the payload.
///
/// | bytes  | field                                                            |
/// |--------|------------------------------------------------------------------|
/// | 0..<4  | magic `EVSC`                                                     |
/// | 4      | format version (1)                                               |
/// | 5      | kind: 1 int64, 2 float64, 3 bool, 4 string, 5 bytes              |
/// | 6      | layout: 0 plain, 1 zigzag delta varints, 2 byte planes           |
/// | 7      | compression: 0 none, 1 deflate                                   |
/// | 8..<16 | element count, little endian                                     |
/// | 16..<24| payload length before compression                                |
/// | 24..<28| CRC-32 of the payload as stored                                  |
///
/// Integers are stored as differences from the previous value, zigzag-mapped and written as
/// varints (sorted image indices and ids become one byte each). Doubles are split into eight
/// byte planes, so that their sign, exponent and high mantissa bytes, which repeat, sit
/// together for deflate; when that saves less than a quarter (full-precision coordinates and
/// scores) they are stored plainly, 8 little-endian bytes each, and decode as one copy. Booleans are one byte each; strings a varint length and UTF-8.
/// Deflate is kept only when it saves at least a tenth. Decoding checks everything: a damaged
/// blob throws, it never yields part of a column.
enum ColumnBlob {
    static let magic: [UInt8] = Array("EVSC".utf8)
    static let formatVersion: UInt8 = 1
    static let headerSize = 32

    private enum Kind: UInt8 { case int64 = 1, float64, bool, string, bytes }
    private enum Layout: UInt8 { case plain = 0, deltaVarint, bytePlanes }

    static func encode(_ values: ColumnValues) -> Data {
        var (kind, layout, raw): (Kind, Layout, [UInt8])
        switch values {
        case .int64(let v): (kind, layout, raw) = (.int64, .deltaVarint, Varint.encodeDeltas(v))
        case .float64(let v): (kind, layout, raw) = (.float64, .bytePlanes, BytePlanes.split(v))
        case .bool(let v): (kind, layout, raw) = (.bool, .plain, v.map { $0 ? 1 : 0 })
        case .string(let v): (kind, layout, raw) = (.string, .plain, Varint.encodeStrings(v))
        case .bytes(let v): (kind, layout, raw) = (.bytes, .plain, [UInt8](v))
        }
        let compressed = raw.count >= 64 ? Deflate.compress(raw) : nil
        var deflated = compressed.map { $0.count * 10 <= raw.count * 9 } ?? false
        if case .float64(let v) = values, compressed.map({ $0.count * 4 > raw.count * 3 }) ?? true {
            // Full-precision doubles (a detector's boxes and scores) deflate by about a sixth, for
            // four times the decoding time: below a quarter saved they are stored as they are.
            (layout, raw, deflated) = (.plain, BytePlanes.plain(v), false)
        }
        let payload = deflated ? compressed! : raw
        var header = magic + [formatVersion, kind.rawValue, layout.rawValue, deflated ? 1 : 0]
        header += littleEndian(UInt64(values.count)) + littleEndian(UInt64(raw.count))
        header += payload.withUnsafeBytes { littleEndian(Deflate.crc32($0)) } + [0, 0, 0, 0]
        var data = Data(capacity: headerSize + payload.count)
        data.append(contentsOf: header)
        data.append(contentsOf: payload)
        return data
    }

    static func decode(_ data: Data) throws(ColumnCodecError) -> ColumnValues {
        try data.withUnsafeBytes { bytes in Result { () throws(ColumnCodecError) in try decode(bytes) } }.get()
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer) throws(ColumnCodecError) -> ColumnValues {
        guard bytes.count >= headerSize else {
            throw ColumnCodecError("it holds \(bytes.count) bytes, fewer than its \(headerSize)-byte header")
        }
        guard Array(bytes[0..<4]) == magic else { throw ColumnCodecError("it does not start with a column header") }
        guard bytes[4] <= formatVersion else {
            throw ColumnCodecError("it is in column format \(bytes[4]), newer than this evalsh reads (\(formatVersion))")
        }
        guard let kind = Kind(rawValue: bytes[5]), let layout = Layout(rawValue: bytes[6]), bytes[7] <= 1 else {
            throw ColumnCodecError("its header names an unknown kind, layout or compression")
        }
        let count = Int(clamping: readUInt64(bytes, at: 8))
        let rawCount = Int(clamping: readUInt64(bytes, at: 16))
        let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        let crc = UInt32(truncatingIfNeeded: readUInt64(bytes, at: 24))
        guard Deflate.crc32(payload) == crc else { throw ColumnCodecError("its checksum does not match its bytes") }
        guard rawCount <= 1 << 40, count <= rawCount * 8 + 8 else { throw ColumnCodecError("its header sizes are impossible") }
        if bytes[7] == 1 {
            let raw = try Deflate.decompress(payload, expectedCount: rawCount)
            return try raw.withUnsafeBytes { raw in
                Result { () throws(ColumnCodecError) in try decodeRaw(raw, kind, layout, count) }
            }.get()
        }
        guard payload.count == rawCount else {
            throw ColumnCodecError("it holds \(payload.count) bytes of data where its header says \(rawCount)")
        }
        return try decodeRaw(payload, kind, layout, count)
    }

    private static func decodeRaw(
        _ raw: UnsafeRawBufferPointer, _ kind: Kind, _ layout: Layout, _ count: Int
    ) throws(ColumnCodecError) -> ColumnValues {
        switch (kind, layout) {
        case (.int64, .deltaVarint): return .int64(try Varint.decodeDeltas(raw, count: count))
        case (.float64, .bytePlanes): return .float64(try BytePlanes.join(raw, count: count))
        case (.float64, .plain): return .float64(try BytePlanes.fromPlain(raw, count: count))
        case (.bool, .plain):
            guard raw.count == count else { throw ColumnCodecError("it holds \(raw.count) flags instead of \(count)") }
            guard raw.allSatisfy({ $0 <= 1 }) else { throw ColumnCodecError("a flag is neither 0 nor 1") }
            return .bool(raw.map { $0 == 1 })
        case (.string, .plain): return .string(try Varint.decodeStrings(raw, count: count))
        case (.bytes, .plain):
            guard raw.count == count else { throw ColumnCodecError("it holds \(raw.count) bytes instead of \(count)") }
            return .bytes(Data(raw))
        default: throw ColumnCodecError("its header pairs a kind with a layout evalsh never writes")
        }
    }

    private static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    private static func readUInt64(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8])) }
        return UInt64(littleEndian: value)
    }
}
