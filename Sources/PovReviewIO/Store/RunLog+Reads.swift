extension RunLog {
    /// The number of `warnings` rows of the database.
    static func warningCount(in database: SQLiteDatabase) throws -> Int {
        try database.rows("SELECT count(*) FROM warnings")[0][0].int ?? 0
    }

    /// The messages of the warnings with `code`, in the order they were written.
    static func warningMessages(code: String, in database: SQLiteDatabase) throws -> [String] {
        try database.rows("SELECT message FROM warnings WHERE code = ? ORDER BY rowid", [.text(code)]).compactMap { $0[0].string }
    }

    /// The `quarantine` rows as `quarantine.csv` lists them: source_file, line, column_name,
    /// reason, message, raw, ordered by file and line.
    static func quarantineListing(in database: SQLiteDatabase) throws -> [[SQLiteValue]] {
        try database.rows("SELECT source_file, line, column_name, reason, message, raw FROM quarantine ORDER BY source_file, line")
    }
}
