/// The Eisel–Lemire algorithm (Lemire, "Number Parsing at a Gigabyte per Second", 2021), as
/// fast_float's `compute_float<binary64>`: multiplies the significand by a 128-bit
/// approximation of 5^q and rounds, giving the correctly rounded double or nil when the
/// truncated product cannot decide (the caller then falls back to `strtod`).
enum EiselLemire {
    private static let smallestPowerOfTen = -342
    private static let largestPowerOfTen = 308

    static func convert(significand: UInt64, exponent q: Int) -> Double? {
        guard significand != 0 else { return 0 }
        if q < smallestPowerOfTen { return 0 }
        if q > largestPowerOfTen { return .infinity }
        let leadingZeros = significand.leadingZeroBitCount
        let w = significand << UInt64(leadingZeros)
        let index = 2 * (q - smallestPowerOfTen)

        var (high, low) = w.multipliedFullWidth(by: powersOfFive128[index])
        let precisionMask: UInt64 = 0xFFFF_FFFF_FFFF_FFFF >> 55
        if high & precisionMask == precisionMask {
            let second = w.multipliedFullWidth(by: powersOfFive128[index + 1])
            let (sum, overflow) = low.addingReportingOverflow(second.high)
            low = sum
            if overflow { high &+= 1 }
        }
        // Older fast_float's fallback condition, kept for safety: the product might be off by one.
        if low == 0xFFFF_FFFF_FFFF_FFFF && (q < -27 || q > 55) { return nil }

        let upperBit = Int(high >> 63)
        let shift = UInt64(upperBit + 64 - 52 - 3)
        var mantissa = high >> shift
        // power(q) = floor(q · log2(10)) + 63, as fast_float computes it.
        var power2 = (((152_170 + 65_536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023
        if power2 <= 0 { return nil }  // subnormal: left to strtod
        if low <= 1 && q >= -4 && q <= 23 && mantissa & 3 == 1 && (mantissa << shift) == high {
            // Exactly halfway between two doubles: round to even.
            mantissa &= ~1
        }
        mantissa += mantissa & 1
        mantissa >>= 1
        if mantissa >= (2 << 52) {
            mantissa = 1 << 52
            power2 += 1
        }
        mantissa &= ~(1 << 52)
        if power2 >= 0x7FF { return .infinity }
        return Double(bitPattern: UInt64(power2) << 52 | mantissa)
    }
}
