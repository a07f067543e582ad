import Foundation

/// The values of one stored column, by type: what `ColumnBlob` turns into bytes and back.
///
/// Integer columns of the model (`Int32` indices, `Int` ids) are all stored as `int64`; doubles
/// keep their bit patterns, so a pulled box, area or score is the pushed one bit for bit.
enum ColumnValues: Equatable, Sendable {
    case int64([Int64])
    case float64([Double])
    case bool([Bool])
    case string([String])
    /// Opaque bytes, e.g. a Picsellia log's JSON document.
    case bytes(Data)

    static func == (lhs: ColumnValues, rhs: ColumnValues) -> Bool {
        switch (lhs, rhs) {
        case (.int64(let a), .int64(let b)): return a == b
        case (.float64(let a), .float64(let b)): return a.map(\.bitPattern) == b.map(\.bitPattern)
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.bytes(let a), .bytes(let b)): return a == b
        default: return false
        }
    }

    var count: Int {
        switch self {
        case .int64(let v): return v.count
        case .float64(let v): return v.count
        case .bool(let v): return v.count
        case .string(let v): return v.count
        case .bytes(let v): return v.count
        }
    }

    var kindName: String {
        switch self {
        case .int64: return "integers"
        case .float64: return "numbers"
        case .bool: return "flags"
        case .string: return "strings"
        case .bytes: return "bytes"
        }
    }
}
