/// An error raised while walking a document, before it is tied to a file.
///
/// `syntax` errors are placed by byte offset (turned into line:column); the others by the
/// path of the offending value, which readers prepend component by component as the error
/// travels out of nested calls.
struct JSONScanError: Error {
    enum Kind: Equatable {
        case syntax
        case shape
        /// Element `index` of an annotation or prediction array names an unknown id.
        case unknownImage(id: Int, index: Int)
        case unknownCategory(id: Int, index: Int)
        /// `LoadCancellation` asked to stop.
        case cancelled
    }

    var kind: Kind
    var offset: Int
    var message: String
    var path: [JSONPathComponent] = []

    static func syntax(_ message: String, at offset: Int) -> JSONScanError {
        JSONScanError(kind: .syntax, offset: offset, message: message)
    }

    static func shape(_ message: String, at offset: Int) -> JSONScanError {
        JSONScanError(kind: .shape, offset: offset, message: message)
    }

    static let cancelled = JSONScanError(kind: .cancelled, offset: 0, message: "")

    /// The public error for the document `source`.
    func formatError(in source: SourceBytes) -> FormatError {
        switch kind {
        case .syntax:
            let place = source.location(of: offset)
            return .invalidJSON(file: source.name, line: place.line, column: place.column, message: message)
        case .shape:
            return .shape(file: source.name, path: renderJSONPath(path), message: message)
        case .unknownImage(let id, let index):
            return .unknownImage(file: source.name, path: renderJSONPath(path), index: index, imageId: id)
        case .unknownCategory(let id, let index):
            return .unknownCategory(file: source.name, path: renderJSONPath(path), index: index, categoryId: id)
        case .cancelled:
            return .cancelled(file: source.name)
        }
    }
}

/// Runs `body`; a shape error escaping it gets `component` prepended to its path.
@inline(__always)
func within<T>(_ component: JSONPathComponent, _ body: () throws(JSONScanError) -> T) throws(JSONScanError) -> T {
    do {
        return try body()
    } catch var error as JSONScanError {
        if error.kind != .syntax && error.kind != .cancelled { error.path.insert(component, at: 0) }
        throw error
    }
}
