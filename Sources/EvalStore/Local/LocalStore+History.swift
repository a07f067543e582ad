import Foundation
import GRDB

extension LocalStore {
    /// Every version of `name`, oldest first.
    public func log(name: String) throws(StoreError) -> [StoredVersion] {
        let rows: [Row] = try access { db in
            let experimentID = try self.experimentID(name, db)
            return try Row.fetchAll(
                db, sql: "SELECT \(VersionRows.metadataColumns) FROM version WHERE experiment_id = ? ORDER BY number",
                arguments: [experimentID])
        }
        return rows.map { VersionRows.storedVersion($0, experiment: name) }
    }

    /// Every experiment that has at least one version, by name, with its latest version.
    public func experiments() throws(StoreError) -> [ExperimentSummary] {
        try access { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT experiment.name AS experiment_name, counts.count AS count, \(VersionRows.metadataColumns)
                    FROM experiment
                    JOIN (SELECT experiment_id, COUNT(*) AS count, MAX(number) AS latest FROM version
                          GROUP BY experiment_id) AS counts ON counts.experiment_id = experiment.id
                    JOIN version ON version.experiment_id = experiment.id AND version.number = counts.latest
                    ORDER BY experiment.name
                    """
            ).map { row in
                let latest = VersionRows.storedVersion(row, experiment: row["experiment_name"])
                return ExperimentSummary(
                    name: row["experiment_name"], versionCount: row["count"], lastPushAt: latest.createdAt, latest: latest)
            }
        }
    }
}
