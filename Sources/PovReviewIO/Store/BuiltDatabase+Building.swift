extension BuiltDatabase {
    /// Opens (creating) the database a run builds aside, migrated to the current schema.
    ///
    /// The database is a build artefact published by rename: no journal is needed while
    /// building (a crash discards the file), which roughly halves the insert cost. It is
    /// fsynced as a whole before it is published (`Publication`).
    static func create(at path: String) throws -> SQLiteDatabase {
        let database = try SQLiteDatabase(path: path)
        try database.execute(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY; PRAGMA locking_mode = EXCLUSIVE")
        try Migrator.migrate(database)
        return database
    }

    /// Gives the built database the journal and locking a published database has, then `finish`es it.
    static func seal(_ database: SQLiteDatabase) throws {
        try database.execute("PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = DELETE")
        try finish(database)
    }
}
