import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: name, attributes, text and children, for the small annotation files
/// (VOC, CVAT) read through Foundation's `XMLParser`.
public final class XMLNode: @unchecked Sendable {
    public let name: String
    public let attributes: [String: String]
    public var text = ""
    public var children: [XMLNode] = []
    /// 1-based line of the start tag.
    public let line: Int

    init(name: String, attributes: [String: String], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    public func child(_ name: String) -> XMLNode? { children.first { $0.name == name } }
    public func children(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
    /// The trimmed text of the child `name`.
    public func value(_ name: String) -> String? {
        child(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// Parses a document; a malformed one throws `.located` with the parser's line and column.
    public static func parse(_ source: SourceBytes) throws(FormatError) -> XMLNode {
        let data = Data(buffer: source.buffer)
        let parser = XMLParser(data: data)
        let builder = TreeBuilder(parser: parser)
        parser.delegate = builder
        parser.shouldResolveExternalEntities = false
        if !parser.parse() || builder.root == nil {
            let reason = parser.parserError.map { Self.reason($0) } ?? "not XML"
            throw .located(file: source.name, line: parser.lineNumber, column: parser.columnNumber,
                           message: "XML does not parse: \(reason)")
        }
        return builder.root!
    }

    private static func reason(_ error: Error) -> String {
        let code = (error as NSError).code
        let known: [Int: String] = [
            4: "document is empty", 5: "premature end of document", 9: "invalid character",
            38: "attribute without a value", 39: "attribute not finished", 41: "attribute value not quoted",
            73: "'>' expected", 76: "end tag does not match its start tag", 64: "XML declaration not finished",
        ]
        return known[code] ?? "parser error \(code)"
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    let parser: XMLParser
    var stack: [XMLNode] = []
    var root: XMLNode?

    init(parser: XMLParser) { self.parser = parser }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = XMLNode(name: elementName, attributes: attributeDict, line: parser.lineNumber)
        if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
