import EvalCore

/// Typed access to a parsed `JSONValue` that reports the JSON path of any value of the wrong
/// type or size (`per_image_eval[2].TP: expected 2 numbers, found 3`).
struct JSONShapeReader {
    let value: JSONValue
    let path: [JSONPathComponent]

    init(_ value: JSONValue, path: [JSONPathComponent] = []) {
        self.value = value
        self.path = path
    }

    func error(_ message: String) -> ShapeError { ShapeError(path: path, message: message) }

    struct ShapeError: Error {
        var path: [JSONPathComponent]
        var message: String

        func formatError(file: String) -> FormatError {
            .shape(file: file, path: renderJSONPath(path), message: message)
        }
    }

    static func name(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number, .integer: return "a number"
        case .string: return "a string"
        case .array(let elements): return "an array of \(elements.count)"
        case .object: return "an object"
        }
    }

    func member(_ key: String) throws(ShapeError) -> JSONShapeReader {
        guard let found = try optionalMember(key) else { throw error("missing key \"\(key)\"") }
        return found
    }

    func optionalMember(_ key: String) throws(ShapeError) -> JSONShapeReader? {
        guard case .object = value else { throw error("expected an object, found \(Self.name(of: value))") }
        return value[key].map { JSONShapeReader($0, path: path + [.key(key)]) }
    }

    func elements(count expected: Int? = nil, of what: String = "elements") throws(ShapeError) -> [JSONShapeReader] {
        guard case .array(let items) = value else { throw error("expected an array, found \(Self.name(of: value))") }
        if let expected, items.count != expected {
            throw error("expected \(expected) \(what), found \(items.count)")
        }
        return items.enumerated().map { JSONShapeReader($0.element, path: path + [.index($0.offset)]) }
    }

    /// A finite number: Python's `NaN` and `Infinity` (not JSON) and `1e400` are refused here.
    func number() throws(ShapeError) -> Double {
        guard let number = value.number else { throw error("expected a number, found \(Self.name(of: value))") }
        guard number.isFinite else { throw error("expected a finite number, found \(number.isNaN ? "NaN" : "\(number)")") }
        return number
    }

    func integer() throws(ShapeError) -> Int {
        let number = try number()
        guard number.rounded() == number, abs(number) < 9.0e15 else { throw error("expected an integer, found \(number)") }
        return Int(number)
    }

    func string() throws(ShapeError) -> String {
        guard case .string(let text) = value else { throw error("expected a string, found \(Self.name(of: value))") }
        return text
    }

    func numbers(count expected: Int? = nil) throws(ShapeError) -> [Double] {
        var result: [Double] = []
        for element in try elements(count: expected, of: "numbers") { result.append(try element.number()) }
        return result
    }

    func strings(count expected: Int? = nil) throws(ShapeError) -> [String] {
        var result: [String] = []
        for element in try elements(count: expected, of: "strings") { result.append(try element.string()) }
        return result
    }
}
