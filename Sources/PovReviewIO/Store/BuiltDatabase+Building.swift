extension BuiltDatabase {
    /// Opens (creating) the database a run builds aside, migrated to the current schema.
    ///
    /// The database is a build artefact published by rename: no journal is needed while
    /// building (a crash discards the file), which roughly halves the insert cost. It is
    /// fsynced as a whole before it is published (`Publication`).
    ///
    /// A 64 MB page cache, and temporary sort data in files (SQLite's default): with 256 MB and
    /// `temp_store = MEMORY` a run of 1,000,000 households peaked at 386 MB; with these at
    /// 270 MB and 2% faster (3 runs each, in turn, on the same machine).
    ///
    /// 16 KB pages instead of SQLite's default 4 KB: a quarter of the pages to balance, read and
    /// write for the same rows. A run of 1,000,000 households took 0.92× the time it took with 4 KB pages
    /// (median of 6 pairs, each faster), 200,000 households × 5 years 0.95×; the file is ~1%
    /// smaller. Every table, view and export is the same.
    static func create(at path: String) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path)
        try database.execute(
            "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA locking_mode = EXCLUSIVE")
        try Migrator.migrate(database)
        return database
    }

    /// Shrinks the page cache from 64 MB to 16 MB once the bulk writes are done (the indexes and
    /// `household_transitions`): the stages after them read `household_status` in passes and
    /// write small tables, and a full cache is memory held for nothing. On 1,000,000 households
    /// × 5 years the run's peak went from 290 to 235 MB.
    static func useReadingCache(in database: SQLiteDatabase) throws {
        try database.execute("PRAGMA cache_size = -16384")
    }

    /// Gives the built database the journal and locking a published database has, then `finish`es it.
    static func seal(_ database: SQLiteDatabase) throws {
        try database.execute("PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = DELETE")
        try finish(database)
    }
}
