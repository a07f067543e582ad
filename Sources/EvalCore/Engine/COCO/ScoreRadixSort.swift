/// A stable sort of detection slots by descending score: the order of `np.argsort(-scores,
/// kind='mergesort')` over slots given in ascending order (ties keep that order).
///
/// Each score becomes a 64-bit key whose unsigned order is the descending order of the scores
/// (`-0.0` as `0.0`, a missing score last), and the slots are sorted by a least-significant-digit
/// radix sort of 8-bit digits, which is stable; digits that every key shares (the exponent bits
/// of scores in [0, 1] mostly) cost one histogram and no pass.
enum ScoreRadixSort {
    /// Below this many slots, an insertion sort.
    static let insertionLimit = 48

    /// The key of `score`: a smaller key for a higher score.
    @inline(__always)
    static func key(_ score: Double) -> UInt64 {
        var value = COCOIndex.sortScore(score)
        if value == 0 { value = 0 }
        let bits = value.bitPattern
        let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        return ~ascending
    }

    /// `slots` (ascending on entry) reordered by descending `scores[detections[slot]]`.
    static func sort(_ slots: UnsafeMutableBufferPointer<Int32>, detections: [Int32], scores: [Double]) {
        let n = slots.count
        if n < 2 { return }
        var keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            for i in 0..<n { buffer[i] = key(scores[Int(detections[Int(slots[i])])]) }
            count = n
        }
        if n < insertionLimit {
            keys.withUnsafeMutableBufferPointer { keys in
                for i in 1..<n {
                    let (k, s) = (keys[i], slots[i])
                    var j = i
                    while j > 0 && keys[j - 1] > k {
                        keys[j] = keys[j - 1]
                        slots[j] = slots[j - 1]
                        j -= 1
                    }
                    keys[j] = k
                    slots[j] = s
                }
            }
            return
        }
        var counts = [Int](repeating: 0, count: 8 * 256)
        for k in keys {
            for digit in 0..<8 { counts[digit * 256 + Int((k >> UInt64(digit * 8)) & 0xFF)] += 1 }
        }
        var otherKeys = [UInt64](repeating: 0, count: n)
        var otherSlots = [Int32](repeating: 0, count: n)
        var inSlots = true
        for digit in 0..<8 {
            let histogram = digit * 256..<(digit + 1) * 256
            if counts[histogram].contains(n) { continue }
            var offsets = [Int](repeating: 0, count: 256)
            var total = 0
            for b in 0..<256 {
                offsets[b] = total
                total += counts[digit * 256 + b]
            }
            let shift = UInt64(digit * 8)
            keys.withUnsafeMutableBufferPointer { keys in
                otherKeys.withUnsafeMutableBufferPointer { otherKeys in
                    otherSlots.withUnsafeMutableBufferPointer { otherSlots in
                        let (fromSlots, toSlots) = inSlots ? (slots, otherSlots) : (otherSlots, slots)
                        for i in 0..<n {
                            let k = keys[i]
                            let b = Int((k >> shift) & 0xFF)
                            let o = offsets[b]
                            offsets[b] = o + 1
                            otherKeys[o] = k
                            toSlots[o] = fromSlots[i]
                        }
                    }
                }
            }
            swap(&keys, &otherKeys)
            inSlots.toggle()
        }
        if !inSlots {
            for i in 0..<n { slots[i] = otherSlots[i] }
        }
    }
}
