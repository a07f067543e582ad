import Foundation

/// `# expect-json: PATH = VALUE` and `# expect-keys:` checks on a statement's JSON output.
///
/// PATH is keys joined by `.` with `[N]` indices (`classes.car.FN`, `values[0][8]`,
/// `[2].filename`, `nb_objects."traffic light"`); VALUE is a JSON literal. Numbers are equal
/// within 1e-12 (relative), the tolerance the COCO statistics are held to; the rest exactly.
enum JSONPathCheck {
    /// nil when the check holds, else what was wrong.
    static func failure(of path: String, equals expected: String, in output: String) -> String? {
        let document: Any
        do { document = try parse(output) } catch { return "output is not one JSON document: \(output.prefix(200))" }
        guard let want = try? JSONSerialization.jsonObject(with: Data(expected.utf8), options: .fragmentsAllowed) else {
            return "expected value \(expected) is not JSON"
        }
        guard let got = value(at: path, in: document) else { return "no value at \(path)" }
        return equal(got, want) ? nil : "\(path) is \(describe(got)), expected \(expected)"
    }

    /// The keys of the output object, or of the first row when the output is an array of objects.
    static func failure(ofKeys keys: [String], in output: String) -> String? {
        guard let document = try? parse(output) else { return "output is not one JSON document: \(output.prefix(200))" }
        let depth: Int
        switch document {
        case is [String: Any]: depth = 1
        case let rows as [Any] where rows.first is [String: Any]: depth = 2
        default: return "output is neither a JSON object nor an array of objects"
        }
        // JSONSerialization forgets key order: read the keys from the text itself.
        let found = keysInOrder(output, depth: depth)
        return found == keys ? nil : "keys are \(found.joined(separator: ", ")), expected \(keys.joined(separator: ", "))"
    }

    private static func parse(_ output: String) throws -> Any {
        try JSONSerialization.jsonObject(
            with: Data(output.trimmingCharacters(in: .whitespacesAndNewlines).utf8), options: .fragmentsAllowed)
    }

    /// Splits `a.b[0]."c d"[1]` into keys and indices and follows them.
    static func value(at path: String, in document: Any) -> Any? {
        var current: Any? = document
        var i = path.startIndex
        while i < path.endIndex, let node = current {
            let c = path[i]
            if c == "." {
                i = path.index(after: i)
            } else if c == "[" {
                guard let close = path[i...].firstIndex(of: "]"), let n = Int(path[path.index(after: i)..<close]),
                    let array = node as? [Any], n >= 0, n < array.count
                else { return nil }
                current = array[n]
                i = path.index(after: close)
            } else {
                let key: String
                if c == "\"" {
                    let start = path.index(after: i)
                    guard let close = path[start...].firstIndex(of: "\"") else { return nil }
                    key = String(path[start..<close])
                    i = path.index(after: close)
                } else {
                    let end = path[i...].firstIndex { $0 == "." || $0 == "[" } ?? path.endIndex
                    key = String(path[i..<end])
                    i = end
                }
                current = (node as? [String: Any])?[key]
            }
        }
        return current
    }

    private static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as String, let y as String): return x == y
        case (let x as NSNumber, let y as NSNumber):
            let (u, v) = (x.doubleValue, y.doubleValue)
            return u == v || abs(u - v) <= 1e-12 * max(1, abs(v))
        case (let x as [Any], let y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (is NSNull, is NSNull): return true
        default: return false
        }
    }

    private static func describe(_ value: Any) -> String {
        if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys]) {
            return String(decoding: data, as: UTF8.self)
        }
        return "\(value)"
    }

    /// The keys of the first object at nesting `depth` (1: the outermost), in the order written.
    private static func keysInOrder(_ text: String, depth wanted: Int) -> [String] {
        var keys: [String] = []
        var depth = 0, inString = false, escaped = false
        var current = "", candidate: String?
        for c in text {
            if inString {
                if escaped { escaped = false; current.append(c) } else if c == "\\" { escaped = true } else if c == "\"" {
                    inString = false
                    if depth == wanted { candidate = current }
                } else { current.append(c) }
                continue
            }
            switch c {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; candidate = nil
            case "}", "]":
                if depth == wanted, !keys.isEmpty { return keys }
                depth -= 1
                candidate = nil
            case ":":
                if let key = candidate, depth == wanted { keys.append(key) }
                candidate = nil
            case ",": candidate = nil
            default: break
            }
        }
        return keys
    }
}
