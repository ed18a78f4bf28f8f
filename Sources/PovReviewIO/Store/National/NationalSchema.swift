import Foundation

/// The schema of the national database that `povreview rollup` writes: its own kind of database,
/// not a province database, so its migrations are its own (named `014-…`, recorded in
/// `schema_migrations` like the province schema's).
///
/// `unit_rates` has the columns of the province schema's `unit_rates` (read from `Migrations.all`
/// applied to an in-memory database, so a column a later province migration adds is here too),
/// in the same order, plus `provinces_summed` and `provinces_missing`; `level` also takes
/// `region` and `country`. Only the key columns are NOT NULL: region and country rows leave
/// NULL a column that cannot be summed (a column the roll-up does not know how to derive).
enum NationalSchema {
    /// A column of the province schema's `unit_rates`.
    struct Column: Equatable {
        var name: String
        var type: String
    }

    static let keyColumns = ["review_year", "standard", "level", "unit_code"]

    /// Columns the national `unit_rates` adds to the province one.
    static let extraColumns = ["provinces_summed", "provinces_missing"]

    /// The province schema's `unit_rates` columns, in order.
    static func provinceUnitRatesColumns() throws -> [Column] {
        let memory = try SQLiteDatabase(path: ":memory:")
        try Migrator.migrate(memory)
        return try TableColumns.of("unit_rates", in: memory).map { Column(name: $0.name, type: $0.type) }
    }

    /// (name, SQL) in application order.
    static func migrations() throws -> [(name: String, sql: String)] {
        let columns = try provinceUnitRatesColumns()
        let definitions =
            columns.map { column in
                "    \(column.name) \(column.type)" + (keyColumns.contains(column.name) ? " NOT NULL" : "")
            } + extraColumns.map { "    \($0) INTEGER" }
        let unitRates = """
            CREATE TABLE unit_rates (
            \(definitions.joined(separator: ",\n")),
                CHECK (level IN ('village', 'commune', 'district', 'province', 'region', 'country')),
                PRIMARY KEY (review_year, standard, level, unit_code)
            );
            CREATE VIEW latest_unit_rates AS
                SELECT r.* FROM unit_rates r
                WHERE r.review_year = (SELECT max(l.review_year) FROM unit_rates l
                                       WHERE l.standard = r.standard AND l.level = r.level
                                         AND l.unit_code = r.unit_code);
            """
        return [
            ("014-national-unit-rates", unitRates),
            ("014-rollup-sources", rollupSources),
            ("014-rollup-gaps", rollupGaps),
            ("014-province-regions", provinceRegions),
            ("014-national-columns", columns_),
        ]
    }

    static let rollupSources = """
        CREATE TABLE rollup_sources (
            path TEXT NOT NULL PRIMARY KEY,
            sha256 TEXT NOT NULL,
            province TEXT NOT NULL,
            review_years TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            tool_version TEXT NOT NULL,
            schema_version TEXT NOT NULL
        );
        """

    static let rollupGaps = """
        CREATE TABLE rollup_gaps (
            review_year INTEGER NOT NULL,
            province_code TEXT NOT NULL,
            province_name TEXT,
            region_code TEXT,
            present_in TEXT NOT NULL,
            PRIMARY KEY (review_year, province_code)
        );
        """

    static let provinceRegions = """
        CREATE TABLE province_regions (
            province_code TEXT NOT NULL,
            province_name TEXT NOT NULL,
            region_code TEXT NOT NULL,
            region_name TEXT NOT NULL,
            valid_from INTEGER,
            valid_to INTEGER,
            provisional INTEGER NOT NULL CHECK (provisional IN (0, 1))
        );
        """

    static let columns_ = """
        CREATE TABLE columns (
            table_name TEXT NOT NULL,
            column_name TEXT NOT NULL,
            description_en TEXT NOT NULL,
            description_vi TEXT NOT NULL,
            PRIMARY KEY (table_name, column_name)
        );
        """

    /// Creates the schema in an empty database and records the migrations.
    static func create(in database: SQLiteDatabase) throws {
        try database.execute(
            "CREATE TABLE schema_migrations (position INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)")
        for (position, migration) in try migrations().enumerated() {
            try database.execute(migration.sql)
            try database.run(
                "INSERT INTO schema_migrations (position, name) VALUES (?, ?)",
                [.integer(Int64(position + 1)), .text(migration.name)])
        }
    }
}
