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

    /// Runs `body` with a small page cache: the streaming pass only appends (no index exists yet),
    /// so only the last pages of each table are touched again, and a full cache is memory held
    /// for nothing (the 64 MB one measured ~56 MB more peak memory on 1,000,000 households and
    /// no faster). The cache size is restored afterwards for the index builds and the measures.
    static func withAppendingCache<T>(in database: SQLiteDatabase, _ body: () throws -> T) throws -> T {
        let previous = try database.rows("PRAGMA cache_size")[0][0].int ?? -65536
        try database.execute("PRAGMA cache_size = -8192")
        defer { try? database.execute("PRAGMA cache_size = \(previous)") }
        return try body()
    }

    /// Lets a second connection read the last committed state while this one goes on writing:
    /// normal locking and a write-ahead log (SQLite 3.7+), so pages of the coming transaction
    /// can spill into the log instead of staying in memory until the commit (with rollback or
    /// no journal, a spill needs the exclusive lock the reader blocks). Returns the journal
    /// and locking modes to restore afterwards.
    ///
    /// Measured on 1,000,000 households: the three index builds kept ~80 MB of dirty pages in
    /// memory with the spill switched off; with the log, the page cache bounds them.
    static func openForConcurrentReader(in database: SQLiteDatabase) throws -> (journalMode: String, lockingMode: String) {
        let lockingMode = try database.rows("PRAGMA locking_mode")[0][0].string ?? "normal"
        let journalMode = try database.rows("PRAGMA journal_mode")[0][0].string ?? "delete"
        try database.execute("PRAGMA locking_mode = NORMAL")
        _ = try database.rows("SELECT count(*) FROM sqlite_schema")  // releases the exclusive lock
        let mode = try database.rows("PRAGMA journal_mode = WAL")[0][0].string
        guard mode == "wal" else { throw PipelineError.database("cannot switch the built database to a write-ahead log (journal mode \(mode ?? "?"))") }
        return (journalMode, lockingMode)
    }

    /// Undoes `openForConcurrentReader` (once the reader is done): copies the log into the
    /// database, removes it, and restores the journal and locking modes.
    static func restore(_ modes: (journalMode: String, lockingMode: String), in database: SQLiteDatabase) throws {
        let mode = try database.rows("PRAGMA journal_mode = \(modes.journalMode.uppercased())")[0][0].string
        guard mode == modes.journalMode.lowercased() else {
            throw PipelineError.database(
                "cannot switch the built database back from its write-ahead log to journal mode \(modes.journalMode) (it stayed \(mode ?? "?"))")
        }
        try database.execute("PRAGMA locking_mode = \(modes.lockingMode == "exclusive" ? "EXCLUSIVE" : "NORMAL")")
    }

    /// The key of `household_status`, household first (duplicates, transitions, a household's
    /// years).
    ///
    /// One unique index on (household_id, standard, review_year) is both the key and the index
    /// by household. The year-first key it replaced, (review_year, standard, household_id), took
    /// about twice as long to build as this one beside it (every comparison of its sort tied on
    /// the year and the standard before it reached the household), and the by-household index
    /// was built as well: the two took ~1.5 of the index stage's 2.0 s on 1,000,000 households
    /// and ~10.5 of 14.4 s on 1,000,000 × 5 years; this key alone builds in ~0.45 and ~3.6 s.
    /// A query by year alone scans instead (or skips through the index by commune and year once
    /// `ANALYZE` has run).
    static func createKeyIndex(in database: SQLiteDatabase) throws {
        try database.execute("CREATE UNIQUE INDEX household_status_key ON household_status (household_id, standard, review_year)")
    }

    /// The indexes by commune and by quarantined line.
    static func createSecondaryIndexes(in database: SQLiteDatabase) throws {
        try database.execute(
            """
            CREATE INDEX household_status_by_commune ON household_status (commune_code, review_year);
            CREATE INDEX quarantine_by_file ON quarantine (source_file, line);
            """)
    }
}
