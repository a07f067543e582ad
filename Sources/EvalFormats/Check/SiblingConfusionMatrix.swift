#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EvalCore

/// The confusion-matrix logs found beside a payload file (`X.confusion-matrix.json`, then
/// `confusion-matrix.json`), read or with the reason they cannot be: a matrix beside a payload
/// that does not fit it is never dropped silently (a warning at load, an error in `check`).
public enum SiblingConfusionMatrix {
    /// One file beside the payload.
    public struct Found: Sendable {
        public var path: String
        public var log: Result<ConfusionMatrixLog, FormatError>
    }

    /// The candidates that exist and are readable, in the order they are tried.
    public static func found(beside payloadPath: String) -> [Found] {
        candidates(of: payloadPath).filter { access($0, R_OK) == 0 }.map { path in
            do throws(FormatError) {
                return Found(path: path, log: .success(try EvalFileReader.readConfusionMatrix(path: path)))
            } catch {
                return Found(path: path, log: .failure(error))
            }
        }
    }

    /// The first candidate whose labels are the payload's.
    public static func matching(beside payloadPath: String, labels: [String]) -> (String, ConfusionMatrixLog)? {
        for found in found(beside: payloadPath) {
            if case .success(let log) = found.log, log.categories == labels { return (found.path, log) }
        }
        return nil
    }

    /// What is wrong with the matrices beside a payload loaded without one: each unreadable
    /// one, and each whose labels are not the payload's, with `severity`.
    public static func issues(
        beside payloadPath: String, payload: PicselliaEvaluation, severity: PayloadIssue.Severity
    ) -> [PayloadIssue] {
        found(beside: payloadPath).compactMap { found in
            switch found.log {
            case .failure(let error):
                return PayloadIssue(
                    severity: severity, path: found.path,
                    message: "beside the payload but not a confusion-matrix log that fits it: \(error.description); not used")
            case .success(let log) where log.categories != payload.labels:
                return PayloadIssue(
                    severity: severity, path: found.path,
                    message: "beside the payload but its labels \(log.categories) are not the payload's \(payload.labels); not used")
            case .success:
                return nil
            }
        }
    }

    /// Where a matrix and its payload disagree (counts, labels, shape): a matrix newer or older
    /// than its payload (a push killed between its two renames) shows here.
    public static func disagreements(_ log: ConfusionMatrixLog, payload: PicselliaEvaluation) -> [PayloadIssue] {
        ConfusionMatrixAgreement.issues(log, payload: payload)
    }

    static func candidates(of payloadPath: String) -> [String] {
        let slash = payloadPath.lastIndex(of: "/")
        let directory = slash.map { String(payloadPath[...$0]) } ?? ""
        let name = slash.map { String(payloadPath[payloadPath.index(after: $0)...]) } ?? payloadPath
        let stem = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        return ["\(directory)\(stem).confusion-matrix.json", "\(directory)confusion-matrix.json"].filter { $0 != payloadPath }
    }
}
