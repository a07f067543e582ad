import EvalCore
import EvalFormats
import EvalQuery

extension MetricListResult {
    /// `name` and `value`; structured values written as compact JSON.
    var table: ResultTable {
        let writer = JSONWriter()
        return ResultTable(
            title: "metrics of \(evaluation)", columns: ["name", "value"],
            rows: metrics.map { [.string($0.name), Self.cell($0.value, writer)] },
            notes: metrics.isEmpty ? ["no metrics: set one with metric NAME=VALUE"] : [], alignsDecimals: false)
    }

    private static func cell(_ value: JSONValue, _ writer: JSONWriter) -> Cell {
        switch value {
        case .number(let d): return .double(d)
        case .integer(let i): return .int(i)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .array, .object: return .string(writer.string(value))
        }
    }
}
