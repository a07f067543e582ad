/// Doubles as eight planes of bytes: plane `p` holds byte `p` (little endian) of every value.
enum BytePlanes {
    static func split(_ values: [Double]) -> [UInt8] {
        let n = values.count
        return [UInt8](unsafeUninitializedCapacity: n * 8) { out, initialized in
            values.withUnsafeBufferPointer { input in
                for i in 0..<n {
                    let bits = input[i].bitPattern.littleEndian
                    for p in 0..<8 { out[p * n + i] = UInt8(truncatingIfNeeded: bits >> UInt64(p * 8)) }
                }
            }
            initialized = n * 8
        }
    }

    /// The plain layout: each value's 8 bytes, little endian.
    static func plain(_ values: [Double]) -> [UInt8] {
        values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Array($0) }
    }

    static func fromPlain(_ raw: UnsafeRawBufferPointer, count n: Int) throws(ColumnCodecError) -> [Double] {
        guard raw.count == n * 8 else { throw ColumnCodecError("it holds \(raw.count) bytes for \(n) numbers") }
        return [Double](unsafeUninitializedCapacity: n) { out, initialized in
            UnsafeMutableRawBufferPointer(out).copyMemory(from: raw)
            if UInt64(1).littleEndian != 1 {
                for i in 0..<n { out[i] = Double(bitPattern: UInt64(littleEndian: out[i].bitPattern)) }
            }
            initialized = n
        }
    }

    static func join(_ raw: UnsafeRawBufferPointer, count n: Int) throws(ColumnCodecError) -> [Double] {
        guard raw.count == n * 8 else { throw ColumnCodecError("it holds \(raw.count) bytes for \(n) numbers") }
        return [Double](unsafeUninitializedCapacity: n) { out, initialized in
            for i in 0..<n {
                var bits: UInt64 = 0
                for p in 0..<8 { bits |= UInt64(raw[p * n + i]) << UInt64(p * 8) }
                out[i] = Double(bitPattern: UInt64(littleEndian: bits))
            }
            initialized = n
        }
    }
}
