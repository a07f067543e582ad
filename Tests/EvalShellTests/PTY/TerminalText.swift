/// Reduces terminal output to the text a person would read, for assertions: removes CSI
/// sequences (cursor motion, colours, erasing), OSC sequences (titles), other two-byte
/// escapes, carriage returns, backspaces and bells.
enum TerminalText {
    static func strip(_ output: String) -> String {
        var result = ""
        var scalars = output.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}":
                skipEscape(&scalars)
            case "\r", "\u{08}", "\u{07}":
                continue
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func skipEscape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        case "]":
            var previous: Unicode.Scalar?
            while let next = scalars.next() {
                if next == "\u{07}" || (previous == "\u{1B}" && next == "\\") { break }
                previous = next
            }
        default:
            return
        }
    }
}
