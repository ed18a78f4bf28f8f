/// Applies `Migrations.all` to a database and records each in `schema_migrations`.
enum Migrator {
    /// Brings `database` up to the latest schema. Already-applied migrations are skipped by name.
    static func migrate(_ database: SQLiteDatabase) throws {
        try database.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
        let applied = Set(try database.rows("SELECT name FROM schema_migrations").compactMap { $0[0].string })
        for (position, migration) in Migrations.all.enumerated() where !applied.contains(migration.name) {
            try database.transaction {
                try database.execute(migration.sql)
                try database.run(
                    "INSERT INTO schema_migrations (position, name) VALUES (?, ?)",
                    [.integer(Int64(position + 1)), .text(migration.name)])
            }
        }
    }
}
