/// What the data-quality tables read of a run's `quarantine`, `input_files` and `warnings`.
enum DataQualityRows {
    /// Rejected rows of one file for one reason.
    struct Rejections {
        var sourceFile: String
        var reason: String
        var rows: Int
    }

    /// Rejected rows of run `runID` by file and reason.
    static func rejections(runID: Int, in database: SQLiteDatabase) throws -> [Rejections] {
        try database.rows(
            """
            SELECT source_file, reason, count(*) FROM quarantine WHERE run_id = ?
            GROUP BY source_file, reason ORDER BY source_file, reason
            """, [.integer(Int64(runID))]
        ).map { Rejections(sourceFile: $0[0].string ?? "", reason: $0[1].string ?? "", rows: $0[2].int ?? 0) }
    }

    /// One input file of a run with its row counts.
    struct InputFile {
        var path: String
        var rowsRead: Int
        var rowsAccepted: Int
        var rowsQuarantined: Int
        var sha256: String
    }

    /// The input files of run `runID`, by path.
    static func inputFiles(runID: Int, in database: SQLiteDatabase) throws -> [InputFile] {
        try database.rows(
            """
            SELECT path, rows_read, rows_accepted, rows_quarantined, sha256 FROM input_files WHERE run_id = ?
            ORDER BY path
            """, [.integer(Int64(runID))]
        ).map { row in
            InputFile(
                path: row[0].string ?? "", rowsRead: row[1].int ?? 0, rowsAccepted: row[2].int ?? 0,
                rowsQuarantined: row[3].int ?? 0, sha256: row[4].string ?? "")
        }
    }

    /// Warnings of one file (empty for none) with one code.
    struct Warnings {
        var sourceFile: String
        var code: String
        var count: Int
    }

    /// Warnings of run `runID` by file and code.
    static func warnings(runID: Int, in database: SQLiteDatabase) throws -> [Warnings] {
        try database.rows(
            """
            SELECT coalesce(source_file, ''), code, count(*) FROM warnings WHERE run_id = ?
            GROUP BY coalesce(source_file, ''), code ORDER BY coalesce(source_file, ''), code
            """, [.integer(Int64(runID))]
        ).map { Warnings(sourceFile: $0[0].string ?? "", code: $0[1].string ?? "", count: $0[2].int ?? 0) }
    }
}
