/// The connection settings and indexes around the one pass over the households
/// (`HouseholdPass.run`): what is switched off for the bulk insert and built after it.
enum HouseholdLoadSettings {
    /// Turns SQLite's row-by-row CHECK constraints off (or back on).
    ///
    /// The constraints are verified once over the finished table (`ConstraintCheck`) instead of
    /// row by row: the schema's IN-list checks measured 2.4 s of 3.6 s of bare prepared-statement
    /// inserts of 1M household_status rows (SQLite 3.40 builds the IN lists again for every
    /// execution). A violation still fails the run.
    static func ignoreCheckConstraints(_ ignore: Bool, in database: SQLiteDatabase) throws {
        try database.execute("PRAGMA ignore_check_constraints = \(ignore ? "ON" : "OFF")")
    }

    /// Switches the connection to the normal locking mode and releases its exclusive lock, so a
    /// second connection can read the file; returns the mode to restore afterwards.
    static func releaseExclusiveLock(in database: SQLiteDatabase) throws -> String {
        let lockingMode = try database.rows("PRAGMA locking_mode")[0][0].string ?? "normal"
        try database.execute("PRAGMA locking_mode = NORMAL")
        _ = try database.rows("SELECT count(*) FROM sqlite_schema")  // releases the exclusive lock
        return lockingMode
    }

    /// Keeps the pages of the coming transaction in memory (nothing reaches the file before commit).
    static func disableCacheSpill(in database: SQLiteDatabase) throws {
        try database.execute("PRAGMA cache_spill = OFF")
    }

    /// Undoes `disableCacheSpill` and `releaseExclusiveLock`.
    static func restore(lockingMode: String, in database: SQLiteDatabase) throws {
        try database.execute("PRAGMA cache_spill = ON; PRAGMA locking_mode = \(lockingMode == "exclusive" ? "EXCLUSIVE" : "NORMAL")")
    }

    /// The index of `household_status` by household (duplicates, transitions).
    static func createHouseholdIndex(in database: SQLiteDatabase) throws {
        try database.execute("CREATE INDEX household_status_by_household ON household_status (household_id, standard, review_year)")
    }

    /// The key of `household_status` and the indexes by commune and by quarantined line.
    static func createKeyIndexes(in database: SQLiteDatabase) throws {
        try database.execute(
            """
            CREATE UNIQUE INDEX household_status_key ON household_status (review_year, standard, household_id);
            CREATE INDEX household_status_by_commune ON household_status (commune_code, review_year);
            CREATE INDEX quarantine_by_file ON quarantine (source_file, line);
            """)
    }
}
