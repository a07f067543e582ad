/// Everything that can go wrong reading or writing an evaluation file.
///
/// Every case names the file and the place: line and column for malformed JSON, a JSON path
/// for a value of the wrong type or shape, the element's path (with its index) for an id
/// that the ground truth does not know.
public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened, read or written.
    case unreadable(file: String, reason: String)
    /// The file could not be written.
    case unwritable(file: String, reason: String)
    /// Not JSON: `line` and `column` (1-based, column in bytes) point at the offending byte.
    case invalidJSON(file: String, line: Int, column: Int, message: String)
    /// Valid JSON whose value at `path` has the wrong type or size.
    case shape(file: String, path: String, message: String)
    /// An annotation or prediction names an image id absent from the ground truth.
    case unknownImage(file: String, path: String, index: Int, imageId: Int)
    /// An annotation or prediction names a category id absent from the ground truth.
    case unknownCategory(file: String, path: String, index: Int, categoryId: Int)
    /// Two images or two categories of a ground truth share an id.
    case duplicateId(file: String, path: String, id: Int)
    /// The content is none of the kinds evalsh reads.
    case unrecognized(file: String, message: String)
    /// The content is of another kind than the operation needs.
    case wrongKind(file: String, expected: FileKind, found: FileKind)
    /// A problem at a place of a text, XML, YAML or CSV file (line and column 1-based, when known),
    /// or with a folder of such files.
    case located(file: String, line: Int?, column: Int?, message: String)
    /// Class names of the predictions that are none of the ground truth's.
    case unmatchedNames(file: String, names: [String], known: [String])
    /// The read was stopped on request (`LoadCancellation`, Ctrl-C in the shell): nothing was loaded.
    case cancelled(file: String)

    public var file: String {
        switch self {
        case .unreadable(let file, _), .unwritable(let file, _), .invalidJSON(let file, _, _, _), .shape(let file, _, _),
            .unknownImage(let file, _, _, _), .unknownCategory(let file, _, _, _), .duplicateId(let file, _, _),
            .unrecognized(let file, _), .wrongKind(let file, _, _), .located(let file, _, _, _),
            .unmatchedNames(let file, _, _), .cancelled(let file):
            return file
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .unwritable(let file, let reason):
            return "\(file): cannot write: \(reason)"
        case .invalidJSON(let file, let line, let column, let message):
            return "\(file):\(line):\(column): \(message)"
        case .shape(let file, let path, let message):
            return "\(file): \(path): \(message)"
        case .unknownImage(let file, let path, let index, let imageId):
            return "\(file): \(path): element \(index) names image_id \(imageId), which is not in the ground truth"
        case .unknownCategory(let file, let path, let index, let categoryId):
            return "\(file): \(path): element \(index) names category_id \(categoryId), which is not in the ground truth"
        case .duplicateId(let file, let path, let id):
            return "\(file): \(path): id \(id) appears twice"
        case .unrecognized(let file, let message):
            return "\(file): \(message)"
        case .wrongKind(let file, let expected, let found):
            let hint = expected == .cocoGroundTruth && found.holdsPredictions
                ? " (predictions, not ground truth: give the ground truth first, as in 'evalsh GT.json PREDICTIONS.json')"
                : ""
            return "\(file): expected \(expected.description), found \(found.description)\(hint)"
        case .located(let file, let line, let column, let message):
            let place = line.map { ":\($0)" + (column.map { ":\($0)" } ?? "") } ?? ""
            return "\(file)\(place): \(message)"
        case .unmatchedNames(let file, let names, let known):
            let shownKnown = known.count > 20 ? known.prefix(20).joined(separator: ", ") + ", …" : known.joined(separator: ", ")
            return "\(file): class names that match none of the ground truth's: "
                + names.map { "\"\($0)\"" }.joined(separator: ", ") + " (ground truth: \(shownKnown))"
        case .cancelled(let file):
            return "\(file): reading stopped (interrupted)"
        }
    }
}
