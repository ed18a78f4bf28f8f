/// The last touches on a database built aside, before it is published: statistics for the query
/// planner and a compact file, with the schema in the order `VACUUM` leaves it.
///
/// `VACUUM` copied the whole database into a new file (0.8-0.9 s of a 1M-household run) to
/// compact a file that, built by inserts only, has no free pages. Its only other visible effect
/// is the order of `sqlite_schema`, which `.dump` follows: tables (with `sqlite_stat1` last),
/// then indexes, then views. That order is kept without the copy: `reserveStatistics` creates
/// `sqlite_stat1` before the first index, and `finish` re-creates the views after the indexes.
/// A database with free pages (rows taken back out) is still vacuumed.
enum BuiltDatabase {
    /// Creates the (empty) `sqlite_stat1` table, after every table and before any index.
    static func reserveStatistics(in database: SQLiteDatabase) throws {
        try database.execute("ANALYZE sqlite_schema")
    }

    /// Gathers statistics, moves views and triggers after the indexes, and vacuums when the file
    /// has free pages.
    static func finish(_ database: SQLiteDatabase) throws {
        try database.execute("ANALYZE")
        let definitions = try database.rows(
            "SELECT type, name, sql FROM sqlite_schema WHERE type IN ('view', 'trigger') ORDER BY rowid")
        try database.execute("BEGIN")
        for definition in definitions.reversed() {
            guard let type = definition[0].string, let name = definition[1].string else { continue }
            try database.execute("DROP \(type == "view" ? "VIEW" : "TRIGGER") \(SQLiteDatabase.quotedIdentifier(name))")
        }
        for definition in definitions {
            if let sql = definition[2].string { try database.execute(sql) }
        }
        try database.execute("COMMIT")
        if try database.rows("PRAGMA freelist_count")[0][0].int != 0 {
            try database.execute("VACUUM")
        }
    }
}
