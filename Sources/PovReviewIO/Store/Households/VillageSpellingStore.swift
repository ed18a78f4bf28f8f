/// Rewrites `household_status.village` to a village's canonical spelling, one prepared statement
/// for every rename.
final class VillageRenamer {
    private let update: SQLiteStatement

    /// Renames rows of every review year, or of `years` only (the years an incremental rerun kept).
    init(database: SQLiteDatabase, years: [Int]? = nil) throws {
        if let years {
            let list = years.map(String.init).joined(separator: ", ")
            update = try database.prepare(
                "UPDATE household_status SET village = ? WHERE commune_code = ? AND village = ? AND review_year IN (\(list))")
        } else {
            update = try database.prepare("UPDATE household_status SET village = ? WHERE commune_code = ? AND village = ?")
        }
    }

    /// Rows of `commune` spelled `spelling` now hold `canonical`.
    func rename(commune: String, from spelling: String, to canonical: String) throws {
        try update.bind([.text(canonical), .text(commune), .text(spelling)])
        try update.execute()
    }
}

/// Inserts `village_spellings` rows.
final class VillageSpellingWriter {
    private let insert: SQLiteStatement

    init(database: SQLiteDatabase) throws {
        insert = try database.prepare(VillageSpellingRecord.insertStatement())
    }

    /// Records that `spelling` was seen in `commune` in `year`, and the canonical spelling its rows hold.
    func insert(year: Int, commune: String, spelling: String, village: String) throws {
        try insert.bind([.integer(Int64(year)), .text(commune), .text(spelling), .text(village)])
        try insert.execute()
    }
}
