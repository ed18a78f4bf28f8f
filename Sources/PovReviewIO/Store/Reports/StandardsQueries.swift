/// What the exports read of the `standards` table.
enum StandardsQueries {
    /// The ids of the provisional standards the run used.
    static func provisional(in database: SQLiteDatabase) throws -> Set<String> {
        Set(try database.rows("SELECT standard FROM standards WHERE provisional = 1").compactMap { $0[0].string })
    }

    /// The ids of the national standards, in id order.
    static func national(in database: SQLiteDatabase) throws -> [String] {
        try database.rows("SELECT standard FROM standards WHERE national = 1 ORDER BY standard").map { $0[0].string ?? "" }
    }
}
