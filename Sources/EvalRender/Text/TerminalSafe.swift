/// The one sanitizer for text that reaches a terminal, a CSV or a Markdown file: every string
/// that comes from data, files, servers or the command line passes here before it is laid out.
///
/// C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F) are shown as
/// `\xHH` (two lowercase hex digits), never written raw, whatever the colour setting: a class
/// named `car\u{1B}]0;T\u{07}` prints as `car\x1b]0;T\x07`. Line breaks may be kept where the
/// layout breaks lines itself (messages); JSON output does not pass here (its writer escapes).
public enum TerminalSafe {
    /// `text` with its control characters escaped; `\n` kept when `keepingLineBreaks`.
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard needsEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(keepingLineBreaks && scalar == "\n") {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a C0 or C1 control or DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0)
    }

    /// `\xHH` for one control character.
    static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\x" + (hex.count < 2 ? "0" + hex : hex)
    }

    /// The length, in scalars, of the escape `escaped` writes that starts at `index` of
    /// `scalars` (`\xHH`: 4), or 1 for any other scalar: the unit truncation never splits.
    static func unitLength(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
        guard scalars[index] == "\\", index + 3 < scalars.count, scalars[index + 1] == "x",
            scalars[index + 2].properties.isASCIIHexDigit, scalars[index + 3].properties.isASCIIHexDigit
        else { return 1 }
        return 4
    }

    /// Fast path: scans UTF-8 for a byte that can start a control (C1 controls are `C2 80`–`C2 9F`).
    private static func needsEscaping(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte == 0x7F || byte == 0xC2 {
                if keepingLineBreaks && byte == 0x0A { continue }
                return true
            }
            return false
        }
    }
}
