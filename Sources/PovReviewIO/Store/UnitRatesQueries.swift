import PovReviewCore

/// Small questions asked of `unit_rates` by the evaluate and export stages and the commands.
enum UnitRatesQueries {
    /// The codes of the village rows (the dumps' canonical spellings), in no particular order.
    static func villageCodes(in database: SQLiteDatabase) throws -> [UnitCode] {
        try database.rows("SELECT DISTINCT unit_code FROM unit_rates WHERE level = 'village'")
            .compactMap { $0[0].string.map { UnitCode($0) } }
    }

    /// The codes of the province rows, in code order.
    static func provinceCodes(in database: SQLiteDatabase) throws -> [String] {
        try database.rows("SELECT DISTINCT unit_code FROM unit_rates WHERE level = 'province' ORDER BY unit_code")
            .compactMap { $0[0].string }
    }

    /// The latest review year with rows (nil without data).
    static func latestReviewYear(in database: SQLiteDatabase) throws -> Int? {
        try database.rows("SELECT max(review_year) FROM unit_rates")[0][0].int
    }

    /// The name of `code` in one of its rows, nil when no row has that code.
    static func unitName(of code: String, in database: SQLiteDatabase) throws -> String? {
        try database.rows("SELECT unit_name FROM unit_rates WHERE unit_code = ? LIMIT 1", [.text(code)]).first?[0].string
    }
}
