import Foundation
import PovReviewCore

/// A province database given to `povreview rollup`, as inspected before anything is combined:
/// its hash, schema migrations, last run and provinces per review year.
struct RollupSource {
    /// The path as the user gave it (messages and `rollup_sources.path`).
    var path: String
    var url: URL
    var sha256: String
    /// `schema_migrations` names in order.
    var migrations: [String]
    var lastRunID: Int
    var toolVersion: String
    /// Province codes of the `unit_rates` province rows, per review year.
    var provincesByYear: [Int: Set<UnitCode>]
    /// Columns of the database's `unit_rates`.
    var unitRatesColumns: [String]
    /// Device and inode, to find one file given twice under two names.
    var fileIdentity: [UInt64]

    var schemaVersion: String { migrations.last ?? "" }

    /// The provinces of the latest review year, comma-separated.
    var province: String {
        guard let latest = provincesByYear.keys.max() else { return "" }
        return provincesByYear[latest]!.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// The earliest province code, to order the sources independently of the command line.
    var sortKey: String { provincesByYear.values.flatMap { $0 }.min()?.rawValue ?? "" }

    /// Opens `path` read-only and reads what the roll-up checks.
    static func inspect(path: String) throws(RollupError) -> RollupSource {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var status = stat()
        guard stat(url.path, &status) == 0 else {
            throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw .cannotOpen(path: path, reason: "not a regular file") }
        let database: SQLiteDatabase
        do { database = try SQLiteDatabase(path: url.path, readOnly: true) } catch {
            throw .cannotOpen(path: path, reason: error.message)
        }
        do {
            let reader = ProvinceDatabaseReader(database: database)
            let tables = try reader.tableNames()
            for table in ["schema_migrations", "runs", "unit_rates"] where !tables.contains(table) {
                throw RollupError.notAProvinceDatabase(path: path, missing: "\(table) table")
            }
            let migrations = try reader.migrationNames()
            guard let last = try reader.lastRun(), let runID = last.runID else {
                throw RollupError.notAProvinceDatabase(path: path, missing: "run in its runs table")
            }
            let runStatus = last.status ?? ""
            guard runStatus == "succeeded" else {
                throw RollupError.lastRunNotSucceeded(path: path, runID: runID, status: runStatus)
            }
            let provinces = try reader.provincesByYear()
            guard !provinces.isEmpty else { throw RollupError.notAProvinceDatabase(path: path, missing: "province row in unit_rates") }
            let columns = try reader.unitRatesColumns()
            let digest: String
            do { digest = try FileDigest.sha256(of: url) } catch {
                throw RollupError.cannotOpen(path: path, reason: "cannot read the file")
            }
            return RollupSource(
                path: path, url: url, sha256: digest, migrations: migrations, lastRunID: runID,
                toolVersion: last.toolVersion ?? "", provincesByYear: provinces, unitRatesColumns: columns,
                fileIdentity: [UInt64(status.st_dev), UInt64(status.st_ino)])
        } catch let error as RollupError {
            throw error
        } catch let error as SQLiteError {
            throw .cannotOpen(path: path, reason: error.message)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }
}
