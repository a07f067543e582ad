/// A small XML parser for annotation files: elements, attributes, text, the five named entities
/// and character references, CDATA, comments, processing instructions and a DOCTYPE (skipped).
/// No namespaces or external entities. Errors carry the byte's line and column.
///
/// Written instead of Foundation's `XMLParser`: its Linux version crashed once here when VOC
/// files were parsed on both cores, and its error positions are where it gave up, not where
/// the mistake is.
struct XMLTreeParser {
    private let source: SourceBytes
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var line = 1
    private var lineStart = 0

    init(_ source: SourceBytes) {
        self.source = source
        bytes = source.buffer
    }

    mutating func document() throws(FormatError) -> XMLNode {
        var root: XMLNode?
        while true {
            skipSpace()
            guard i < bytes.count else { break }
            guard bytes[i] == UInt8(ascii: "<") else {
                throw error(root == nil ? "text before the root element" : "text after the root element")
            }
            if try skipMarkup() { continue }
            guard root == nil else { throw error("a second root element") }
            root = try element()
        }
        guard let root else { throw error("no root element (empty document)") }
        return root
    }

    /// Skips `<?…?>`, `<!--…-->` and `<!DOCTYPE …>` at `i`; false when `i` starts an element.
    private mutating func skipMarkup() throws(FormatError) -> Bool {
        if starts("<?") { try skip(past: "?>", what: "processing instruction"); return true }
        if starts("<!--") { try skip(past: "-->", what: "comment"); return true }
        if starts("<!DOCTYPE") {
            var depth = 0
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "[") { depth += 1 } else if c == UInt8(ascii: "]") { depth -= 1 }
                advance()
                if c == UInt8(ascii: ">") && depth <= 0 { return true }
            }
            throw error("DOCTYPE not closed")
        }
        return false
    }

    /// Reads the element starting at `<`, its content and end tag.
    private mutating func element() throws(FormatError) -> XMLNode {
        let startLine = line
        advance()  // <
        let name = try readName("an element name")
        var attributes: [String: String] = [:]
        while true {
            let hadSpace = skipSpace()
            guard i < bytes.count else { throw error("start tag <\(name)> not closed") }
            if bytes[i] == UInt8(ascii: "/") {
                advance()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw error("'>' expected after '/'") }
                advance()
                return XMLNode(name: name, attributes: attributes, line: startLine)
            }
            if bytes[i] == UInt8(ascii: ">") { advance(); break }
            guard hadSpace else { throw error("space expected before an attribute") }
            let key = try readName("an attribute name")
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw error("'=' expected after attribute \(key)") }
            advance()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                throw error("attribute \(key): value not quoted")
            }
            let quote = bytes[i]
            advance()
            attributes[key] = try readText(until: quote)
            advance()
        }
        let node = XMLNode(name: name, attributes: attributes, line: startLine)
        while true {
            guard i < bytes.count else { throw error("end of file inside <\(name)> (opened on line \(startLine))") }
            if bytes[i] != UInt8(ascii: "<") {
                node.text += try readText(until: UInt8(ascii: "<"))
                continue
            }
            if starts("</") {
                let at = (line, i - lineStart + 1)
                i += 2
                let closing = try readName("an end tag name")
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw error("'>' expected in </\(closing)") }
                guard closing == name else {
                    throw .located(file: source.name, line: at.0, column: at.1,
                                   message: "XML does not parse: </\(closing)> closes <\(name)> (opened on line \(startLine))")
                }
                advance()
                return node
            }
            if starts("<![CDATA[") {
                i += 9
                let start = i
                while i < bytes.count && !starts("]]>") { advance() }
                guard i < bytes.count else { throw error("CDATA not closed") }
                node.text += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 3
                continue
            }
            if try skipMarkup() { continue }
            node.children.append(try element())
        }
    }

    /// Text up to (not including) `end`, entities decoded; `i` is left on `end`.
    private mutating func readText(until end: UInt8) throws(FormatError) -> String {
        var out: [UInt8] = []
        while i < bytes.count && bytes[i] != end {
            let c = bytes[i]
            if c == UInt8(ascii: "&") {
                out += try entity()
            } else {
                if c == UInt8(ascii: "<") { throw error("'<' inside an attribute value") }
                out.append(c)
                advance()
            }
        }
        guard i < bytes.count else { throw error(end == UInt8(ascii: "<") ? "end of file in text" : "attribute value not closed") }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func entity() throws(FormatError) -> [UInt8] {
        let start = i
        while i < bytes.count && bytes[i] != UInt8(ascii: ";") && i - start < 12 { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ";") else { i = start; throw error("'&' not followed by an entity") }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<i]), as: UTF8.self)
        i += 1
        switch name {
        case "lt": return [UInt8(ascii: "<")]
        case "gt": return [UInt8(ascii: ">")]
        case "amp": return [UInt8(ascii: "&")]
        case "quot": return [UInt8(ascii: "\"")]
        case "apos": return [UInt8(ascii: "'")]
        default:
            let code = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : nil
            guard let code, let scalar = Unicode.Scalar(code) else {
                i = start
                throw error("unknown entity &\(name);")
            }
            return Array(String(Character(scalar)).utf8)
        }
    }

    private mutating func readName(_ what: String) throws(FormatError) -> String {
        let start = i
        while i < bytes.count {
            let c = bytes[i]
            let isNameByte = c >= 0x80 || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: ":")
            if !isNameByte { break }
            i += 1
        }
        guard i > start else { throw error("\(what) expected") }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = i
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { advance() }
        return i > start
    }

    private mutating func skip(past end: String, what: String) throws(FormatError) {
        while i < bytes.count && !starts(end) { advance() }
        guard i < bytes.count else { throw error("\(what) not closed") }
        i += end.utf8.count
    }

    private func starts(_ text: String) -> Bool {
        var j = i
        for b in text.utf8 {
            guard j < bytes.count, bytes[j] == b else { return false }
            j += 1
        }
        return true
    }

    private mutating func advance() {
        if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
        i += 1
    }

    private func error(_ message: String) -> FormatError {
        .located(file: source.name, line: line, column: i - lineStart + 1, message: "XML does not parse: " + message)
    }
}
