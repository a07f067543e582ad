#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a scanned decimal into the correctly rounded double, in three tiers:
/// Clinger's exact fast path (significand ≤ 2^53, |exponent| ≤ 22: one exact IEEE operation),
/// Eisel–Lemire (any significand of ≤ 19 digits), and `strtod` under the C locale for the rest
/// (more than 19 digits, subnormals, the rare ambiguous Eisel–Lemire case).
enum DecimalToDouble {
    static func convert(_ number: ScannedNumber, text: UnsafePointer<UInt8>) -> Double {
        if let special = number.special { return special }
        if number.significand == 0 && !number.truncated { return number.negative ? -0.0 : 0.0 }
        if !number.truncated {
            if let value = clinger(number.significand, number.exponent)
                ?? EiselLemire.convert(significand: number.significand, exponent: number.exponent)
            {
                return number.negative ? -value : value
            }
        }
        return CLocaleStrtod.parse(text + number.start)
    }

    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Exact when both the significand and 10^|exponent| are exact doubles: then the one
    /// multiplication or division rounds correctly.
    @inline(__always)
    static func clinger(_ significand: UInt64, _ exponent: Int) -> Double? {
        guard significand <= 1 << 53, exponent >= -22, exponent <= 22 else { return nil }
        let value = Double(significand)
        return exponent < 0 ? value / exactPowersOfTen[-exponent] : value * exactPowersOfTen[exponent]
    }
}

/// `strtod` with the "C" numeric locale, whatever `setlocale` the shell did (a `de_DE` locale
/// would make `strtod` stop at the `.`). The C locale is set for the calling thread only for
/// the duration of the call, as `strtod_l` would do (Swift's Glibc does not export `strtod_l`).
enum CLocaleStrtod {
    private struct Locale: @unchecked Sendable { let handle: locale_t }
    private static let cLocale = Locale(handle: newlocale(Int32(1) << LC_NUMERIC, "C", nil))

    /// Parses the number at `text`; the caller has checked its grammar, so `strtod` reads exactly it.
    static func parse(_ text: UnsafePointer<UInt8>) -> Double {
        let previous = uselocale(cLocale.handle)
        defer { uselocale(previous) }
        return text.withMemoryRebound(to: CChar.self, capacity: 1) { strtod($0, nil) }
    }
}
