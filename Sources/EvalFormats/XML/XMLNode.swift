/// A parsed XML element: name, attributes, text and children, for the small annotation files
/// (VOC, CVAT) that `XMLTreeParser` reads.
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
    /// The text of the child `name`, without surrounding white space.
    public func value(_ name: String) -> String? {
        child(name).map { Substring($0.text).trimmingCharacters(in: " \t\r\n") }
    }

    /// Parses a whole document; a malformed one throws `.located` with line and column.
    public static func parse(_ source: SourceBytes) throws(FormatError) -> XMLNode {
        var parser = XMLTreeParser(source)
        return try parser.document()
    }
}
