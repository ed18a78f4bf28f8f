import PovReviewCore

/// The national database `povreview rollup` builds (`NationalSchema`): created empty, filled
/// with the province databases' `unit_rates` rows, the region and country totals and the
/// tables that say where they came from.
final class NationalDatabase {
    let database: SQLiteDatabase
    /// The national `unit_rates` columns, in order.
    let unitRatesColumns: [(name: String, type: String)]

    /// A source's `unit_rates` row clashes with a row already copied (same key).
    struct UnitClash: Error {
        /// "unit <code> (<level>, review year <year>)", nil when the clashing row was not found.
        var detail: String?
    }

    /// Creates the schema in a new database at `path`, without journal or sync (the file is
    /// built aside and synced before it is published).
    init(creatingAt path: String) throws {
        database = try SQLiteDatabase(path: path)
        try database.execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF")
        try NationalSchema.create(in: database)
        unitRatesColumns = try TableColumns.of("unit_rates", in: database)
    }

    /// Copies the `unit_rates` rows of the province database at `path` (the columns in
    /// `columns`, in key order) and returns how many were copied; throws `UnitClash` when a
    /// unit was already copied from another source.
    ///
    /// Called inside a transaction: commits it to detach the source and opens the next one.
    func copyUnitRates(fromDatabaseAt path: String, index: Int, columns: [String]) throws -> Int {
        let schema = "source\(index)"
        let list = columns.joined(separator: ", ")
        try database.run("ATTACH DATABASE ? AS \(schema)", [.text(path)])
        var clashed = false
        do {
            try database.execute(
                """
                INSERT INTO unit_rates (\(list)) SELECT \(list) FROM \(schema).unit_rates
                ORDER BY review_year, standard, level, unit_code
                """)
        } catch {
            guard error.message.contains("UNIQUE") else { throw error }
            clashed = true
        }
        if clashed {
            let clash = try database.rows(
                """
                SELECT s.review_year, s.level, s.unit_code FROM \(schema).unit_rates s
                JOIN unit_rates n USING (review_year, standard, level, unit_code) LIMIT 1
                """
            ).first
            throw UnitClash(detail: clash.map { "unit \($0[2].string ?? "") (\($0[1].string ?? ""), review year \($0[0].int ?? 0))" })
        }
        let copied = Int(try database.rows("SELECT changes()")[0][0].int ?? 0)
        try database.commitTransaction()
        try database.execute("DETACH DATABASE \(schema)")
        try database.beginTransaction()
        return copied
    }

    /// The province rows' figures (`countColumns` as counts), by year, standard and province.
    func provinceFigures(countColumns: [String]) throws -> [ProvinceFigures] {
        try database.rows(
            """
            SELECT review_year, standard, unit_code, standard_provisional, denominator_source, \(countColumns.joined(separator: ", "))
            FROM unit_rates WHERE level = 'province' ORDER BY review_year, standard, unit_code
            """
        ).map { row in
            var counts: [String: Int64?] = [:]
            for (offset, column) in countColumns.enumerated() {
                if case .integer(let value) = row[5 + offset] { counts[column] = value } else { counts[column] = .some(nil) }
            }
            return ProvinceFigures(
                reviewYear: row[0].int ?? 0, standard: StandardID(row[1].string ?? ""), province: UnitCode(row[2].string ?? ""),
                provisionalStandard: row[3].int == 1, denominatorSource: row[4].string ?? "", counts: counts)
        }
    }

    /// Rebuilds the planner statistics once everything is written.
    func analyze() throws { try database.analyze() }
}
