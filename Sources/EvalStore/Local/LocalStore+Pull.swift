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
        let (row, decoding): (Row, ColumnDecoding) = try access { db in
            let experimentID = try self.experimentID(name, db)
            let latest = try Int.fetchOne(
                db, sql: "SELECT MAX(number) FROM version WHERE experiment_id = ?", arguments: [experimentID]) ?? 0
            let number = version ?? latest
            guard let row = try Row.fetchOne(
                db, sql: "SELECT \(VersionRows.metadataColumns), version.metrics AS metrics FROM version WHERE experiment_id = ? AND number = ?",
                arguments: [experimentID, number])
            else { throw StoreError.versionNotFound(name: name, version: number, latest: latest) }
            // Each blob is decoded on another thread as soon as it is read, while SQLite reads the next.
            let decoding = ColumnDecoding()
            let blobs = try Row.fetchCursor(
                db,
                sql: "SELECT version_column.name AS name, blob.data AS data FROM version_column "
                    + "JOIN blob ON blob.id = version_column.blob_id WHERE version_column.version_id = ?",
                arguments: [row["id"] as Int64])
            while let blob = try blobs.next() { decoding.start(name: blob["name"], data: blob["data"]) }
            return (row, decoding)
        }
        let stored = VersionRows.storedVersion(row, experiment: name)
        let damaged = { (detail: String) in
            StoreError.corruptDatabase(path: self.url.path, detail: "store:\(name)@\(stored.number): \(detail)")
        }
        let columns = try decoding.finish(damaged: damaged)
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
}

/// The blobs of a version, each decoded on one of Dispatch's threads as soon as it is read;
/// `finish` waits for all of them and reports the first damaged one in the order read.
private final class ColumnDecoding: @unchecked Sendable {
    private let lock = NSLock()
    private let group = DispatchGroup()
    private var names: [String] = []
    private var results: [Result<ColumnValues, ColumnCodecError>?] = []

    func start(name: String, data: Data) {
        lock.lock()
        let index = names.count
        names.append(name)
        results.append(nil)
        lock.unlock()
        DispatchQueue.global().async(group: group) { [self] in
            let result = Result { () throws(ColumnCodecError) in try ColumnBlob.decode(data) }
            lock.lock()
            results[index] = result
            lock.unlock()
        }
    }

    func finish(damaged: (String) -> StoreError) throws(StoreError) -> [String: ColumnValues] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        var columns: [String: ColumnValues] = [:]
        for (name, result) in zip(names, results) {
            switch result! {
            case .success(let values): columns[name] = values
            case .failure(let error): throw damaged("the column \(name) cannot be read: \(error.description)")
            }
        }
        return columns
    }
}
