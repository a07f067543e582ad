/// LEB128 varints: integer columns as zigzag-mapped differences, strings as length-prefixed UTF-8.
enum Varint {
    static func encodeDeltas(_ values: [Int64]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count + 16)
        var previous: Int64 = 0
        for value in values {
            let delta = value &- previous
            previous = value
            append(UInt64(bitPattern: (delta << 1) ^ (delta >> 63)), to: &out)
        }
        return out
    }

    static func decodeDeltas(_ raw: UnsafeRawBufferPointer, count: Int) throws(ColumnCodecError) -> [Int64] {
        var offset = 0
        var previous: Int64 = 0
        var failure: ColumnCodecError?
        let values = [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                let zigzag: UInt64
                do throws(ColumnCodecError) { zigzag = try read(raw, &offset) } catch {
                    failure = error
                    return
                }
                previous = previous &+ (Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
                buffer[i] = previous
                initialized = i + 1
            }
        }
        if let failure { throw failure }
        guard offset == raw.count else { throw ColumnCodecError("it holds \(raw.count - offset) bytes past its last value") }
        return values
    }

    static func encodeStrings(_ values: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for value in values {
            let utf8 = Array(value.utf8)
            append(UInt64(utf8.count), to: &out)
            out += utf8
        }
        return out
    }

    static func decodeStrings(_ raw: UnsafeRawBufferPointer, count: Int) throws(ColumnCodecError) -> [String] {
        var offset = 0
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let length = try read(raw, &offset)
            guard length <= UInt64(raw.count - offset) else { throw ColumnCodecError("a string runs past the end") }
            let end = offset + Int(length)
            values.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<end]), as: UTF8.self))
            offset = end
        }
        guard offset == raw.count else { throw ColumnCodecError("it holds \(raw.count - offset) bytes past its last string") }
        return values
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    @inline(__always)
    private static func read(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) throws(ColumnCodecError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            let byte = raw[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw ColumnCodecError("a varint is longer than 64 bits") }
        }
        throw ColumnCodecError("its last value is cut short")
    }
}
