import EvalQuery

extension ColorMode {
    /// Whether to write colour. `auto` colours only when the output is a terminal, `TERM` is
    /// set and is not `dumb`, and `NO_COLOR` is unset (https://no-color.org: any value, even empty).
    public func resolve(isTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .on: return true
        case .off: return false
        case .auto:
            guard isTerminal, environment["NO_COLOR"] == nil, let term = environment["TERM"] else { return false }
            return !term.isEmpty && term != "dumb"
        }
    }
}
