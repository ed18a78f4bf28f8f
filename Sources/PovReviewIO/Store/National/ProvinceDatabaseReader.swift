import PovReviewCore

/// What `povreview rollup` reads of a province database before combining it (`RollupSource`),
/// one question at a time so that the first missing piece is the one reported.
struct ProvinceDatabaseReader {
    let database: SQLiteDatabase

    /// The names of the database's tables.
    func tableNames() throws -> Set<String> {
        Set(try database.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].string })
    }

    /// `schema_migrations` names in order.
    func migrationNames() throws -> [String] {
        try database.rows("SELECT name FROM schema_migrations ORDER BY position").compactMap { $0[0].string }
    }

    /// The last run of the `runs` table.
    struct LastRun {
        var runID: Int?
        var status: String?
        var toolVersion: String?
    }

    /// The run with the largest id, nil when the table is empty.
    func lastRun() throws -> LastRun? {
        try database.rows("SELECT run_id, status, tool_version FROM runs ORDER BY run_id DESC LIMIT 1").first.map {
            LastRun(runID: $0[0].int, status: $0[1].string, toolVersion: $0[2].string)
        }
    }

    /// Province codes of the `unit_rates` province rows, per review year.
    func provincesByYear() throws -> [Int: Set<UnitCode>] {
        var provinces: [Int: Set<UnitCode>] = [:]
        for row in try database.rows("SELECT DISTINCT review_year, unit_code FROM unit_rates WHERE level = 'province'") {
            guard let year = row[0].int, let code = row[1].string else { continue }
            provinces[year, default: []].insert(UnitCode(code))
        }
        return provinces
    }

    /// The columns of the database's `unit_rates`, in order.
    func unitRatesColumns() throws -> [String] {
        try TableColumns.of("unit_rates", in: database).map(\.name)
    }
}

/// The columns of a table as `pragma_table_info` lists them.
enum TableColumns {
    /// `table`'s columns (name and declared type), in order.
    static func of(_ table: String, in database: SQLiteDatabase) throws -> [(name: String, type: String)] {
        try database.rows("SELECT name, type FROM pragma_table_info(?) ORDER BY cid", [.text(table)]).map {
            (name: $0[0].string ?? "", type: $0[1].string ?? "")
        }
    }
}
