import Foundation
import PovReviewCore

/// Reads what the published database's last run was built from (`runs`, `input_files`,
/// `input_file_years`), for the incremental rerun's decision.
enum PreviousRunReader {
    /// Nil when there is no database, it cannot be read, or it has no run.
    static func read(_ databaseURL: URL) -> PreviousInputs? {
        guard FileManager.default.fileExists(atPath: databaseURL.path),
            let database = try? SQLiteDatabase(path: databaseURL.path, readOnly: true)
        else { return nil }
        do {
            let hasFingerprint =
                try database.rows(
                    "SELECT count(*) FROM pragma_table_info('runs') WHERE name = 'inputs_sha256'")[0][0].int == 1
            let last = try database.rows(
                "SELECT run_id, status, \(hasFingerprint ? "inputs_sha256, exports_path" : "NULL, NULL") FROM runs ORDER BY run_id DESC LIMIT 1")
            guard let run = last.first, let runID = run[0].int else { return nil }
            var files: [String: PreviousInputs.File] = [:]
            for row in try database.rows("SELECT path, sha256 FROM input_files WHERE run_id = ?", [.integer(Int64(runID))]) {
                files[row[0].string ?? ""] = .init(sha256: row[1].string ?? "", years: [])
            }
            for row in try database.rows(
                "SELECT path, review_year FROM input_file_years WHERE run_id = ? AND review_year IS NOT NULL",
                [.integer(Int64(runID))])
            {
                if let path = row[0].string, let year = row[1].int { files[path]?.years.insert(year) }
            }
            return PreviousInputs(
                runID: runID, succeeded: run[1].string == "succeeded", fingerprint: run[2].string,
                files: files, exportsPath: run[3].string)
        } catch {
            return nil
        }
    }
}
