import EvalCore
import EvalFormats
import Foundation
import GRDB

/// A version read back whole: the evaluation and its metadata.
public struct StoredPull: Sendable {
    public var evaluation: StoredEvaluation
    public var version: StoredVersion
}

extension LocalStore {
    /// Version `version` of `name`, or its latest when `nil`, rebuilt: boxes and state for a
    /// boxes version, the two logs for a payload-only one.
    ///
    /// Every column is checked (checksum, sizes, indices) before anything is returned: a damaged
    /// version throws `StoreError.corruptDatabase` naming it and its column.
    public func pullEvaluation(name: String, version: Int? = nil) throws(StoreError) -> StoredPull {
        let (row, blobs): (Row, [(String, Data)]) = try access { db in
            let experimentID = try self.experimentID(name, db)
            let latest = try Int.fetchOne(
                db, sql: "SELECT MAX(number) FROM version WHERE experiment_id = ?", arguments: [experimentID]) ?? 0
            let number = version ?? latest
            guard let row = try Row.fetchOne(
                db, sql: "SELECT \(VersionRows.metadataColumns), version.metrics AS metrics FROM version WHERE experiment_id = ? AND number = ?",
                arguments: [experimentID, number])
            else { throw StoreError.versionNotFound(name: name, version: number, latest: latest) }
            let blobs = try Row.fetchAll(
                db,
                sql: "SELECT version_column.name AS name, blob.data AS data FROM version_column "
                    + "JOIN blob ON blob.id = version_column.blob_id WHERE version_column.version_id = ?",
                arguments: [row["id"] as Int64]
            ).map { ($0["name"] as String, $0["data"] as Data) }
            return (row, blobs)
        }
        let stored = VersionRows.storedVersion(row, experiment: name)
        let damaged = { (detail: String) in
            StoreError.corruptDatabase(path: self.url.path, detail: "store:\(name)@\(stored.number): \(detail)")
        }
        let columns = try Self.decode(blobs, damaged: damaged)
        switch stored.kind {
        case .payload:
            guard case .bytes(let evaluation)? = columns["payload.evaluation"] else {
                throw damaged("the column payload.evaluation is missing")
            }
            var matrix: Data?
            if case .bytes(let data)? = columns["payload.confusion_matrix"] { matrix = data }
            let documents = EvaluationDocuments(evaluation: evaluation, confusionMatrix: matrix)
            let state = StoredState(point: stored.summary.point ?? .seedDefault, metrics: [], excluded: [], labels: [])
            return StoredPull(
                evaluation: StoredEvaluation(content: .payload(documents), state: state, summary: stored.summary),
                version: stored)
        case .boxes:
            let rebuilt: (GroundTruth, Detections, labels: [String], excluded: [Int])
            do { rebuilt = try EvaluationColumns.evaluation(columns) } catch { throw damaged(error.description) }
            guard let point = stored.summary.point else { throw damaged("its operating point is missing") }
            let metricsText: String = row["metrics"] ?? "{}"
            guard let json = try? JSONValueParser.parse(bytes: Array(metricsText.utf8), name: "metrics"),
                case .object(let metrics) = json
            else { throw damaged("its metrics are not a JSON object") }
            let state = StoredState(point: point, metrics: metrics, excluded: rebuilt.excluded, labels: rebuilt.labels)
            return StoredPull(
                evaluation: StoredEvaluation(content: .boxes(rebuilt.0, rebuilt.1), state: state, summary: stored.summary),
                version: stored)
        }
    }

    /// The two logs of a payload-only version (see `pullEvaluation` for a boxes one).
    public func pull(name: String, version: Int? = nil) throws(StoreError) -> PulledEvaluation {
        let pulled = try pullEvaluation(name: name, version: version)
        guard case .payload(let documents) = pulled.evaluation.content else {
            throw StoreError.databaseFailure(
                path: url.path, detail: "store:\(name)@\(pulled.version.number) holds boxes, not Picsellia logs")
        }
        return PulledEvaluation(
            documents: documents, origin: PushTarget.store(name: name, version: pulled.version.number).description,
            version: pulled.version)
    }

    /// Decodes the blobs on both cores; the first damaged one is reported.
    private static func decode(
        _ blobs: [(String, Data)], damaged: (String) -> StoreError
    ) throws(StoreError) -> [String: ColumnValues] {
        let results = DecodedSlots(count: blobs.count)
        DispatchQueue.concurrentPerform(iterations: blobs.count) { i in
            results.set(i, Result { () throws(ColumnCodecError) in try ColumnBlob.decode(blobs[i].1) })
        }
        var columns: [String: ColumnValues] = [:]
        for (i, (name, _)) in blobs.enumerated() {
            switch results.values[i]! {
            case .success(let values): columns[name] = values
            case .failure(let error): throw damaged("the column \(name) cannot be read: \(error.description)")
            }
        }
        return columns
    }
}

/// One decoding result per blob, filled from several threads.
private final class DecodedSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Result<ColumnValues, ColumnCodecError>?]

    init(count: Int) { values = .init(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<ColumnValues, ColumnCodecError>) {
        lock.lock()
        values[index] = result
        lock.unlock()
    }
}
