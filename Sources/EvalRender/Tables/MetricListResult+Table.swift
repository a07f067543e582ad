import EvalCore
import EvalFormats
import EvalQuery

extension MetricListResult {
    /// `name` and `value`, each value of its JSON kind (CSV, JSON, Markdown); structured
    /// values written as compact JSON.
    var table: ResultTable {
        table { Self.cell($0, JSONWriter()) }
    }

    /// The same for a terminal, each value of the kind it was typed or read as: a text bare, a
    /// whole number whole, another number with up to six decimals and a fraction kept (`1.0`),
    /// all its digits when small (a learning rate of `1e-05`), `true` as `true`.
    var terminalTable: ResultTable {
        table { .string(Self.typedText($0, JSONWriter())) }
    }

    private func table(_ cell: (JSONValue) -> Cell) -> ResultTable {
        ResultTable(
            title: "metrics of \(evaluation)", columns: ["name", "value"],
            rows: metrics.map { [.string($0.name), cell($0.value)] },
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

    private static func typedText(_ value: JSONValue, _ writer: JSONWriter) -> String {
        switch value {
        case .string(let s): return s
        case .number(let d):
            guard d.isFinite, d == 0 || abs(d) >= 0.001, abs(d) < 1e15 else { return NumberText.python(d) }
            let text = NumberText.precise(d)
            return text.contains(".") ? text : text + ".0"
        default: return writer.string(value)
        }
    }
}
