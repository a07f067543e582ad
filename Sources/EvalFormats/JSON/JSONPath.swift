/// One step of a path into a JSON document: an object key or an array index.
public enum JSONPathComponent: Equatable, Sendable {
    case key(String)
    case index(Int)
}

/// Renders a path the way error messages show it: `per_image_eval[2].TP`, `[12].bbox`.
public func renderJSONPath(_ components: [JSONPathComponent]) -> String {
    var text = ""
    for component in components {
        switch component {
        case .key(let key):
            if !text.isEmpty { text += "." }
            text += key
        case .index(let index):
            text += "[\(index)]"
        }
    }
    return text.isEmpty ? "(top level)" : text
}
