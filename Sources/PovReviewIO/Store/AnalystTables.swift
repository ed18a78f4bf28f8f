import PovReviewCore

/// Fills the analyst tables of migration `011-analyst-tables` from `household_transitions` and
/// `unit_rates`: `unit_dynamics` (materialised, with unit names and the escaped total),
/// `unit_deprivations` (long form, with the indicators' names) and `change_codes`, and indexes
/// them so that a query filtered by unit, year or level reads only its rows.
///
/// Called at the end of `TransitionsBuilder.build`, once both source tables are written.
/// Rebuilds from scratch, so calling it twice gives the same rows.
enum AnalystTables {
    /// Returns the tally of the transitions, whose presence counts the integrity checks reuse:
    /// `tally` when the caller counted the transitions as it wrote them, else one read of
    /// `household_transitions`.
    @discardableResult
    static func build(in database: SQLiteDatabase, tally: UnitDynamicsTally? = nil) throws -> UnitDynamicsTally {
        let tally = try fillUnitDynamics(database, tally: tally)
        try fillUnitDeprivations(database)
        try fillChangeCodes(database)
        try database.execute(indexes)
        return tally
    }

    /// Indexes for the common filters; the primary keys already lead with level (unit_dynamics)
    /// and review year (unit_deprivations).
    static let indexes = """
        CREATE INDEX IF NOT EXISTS unit_dynamics_by_unit ON unit_dynamics (unit_code, to_year);
        CREATE INDEX IF NOT EXISTS unit_dynamics_by_year ON unit_dynamics (to_year, level);
        CREATE INDEX IF NOT EXISTS unit_dynamics_by_standard ON unit_dynamics (standard, level, to_year);
        CREATE INDEX IF NOT EXISTS unit_deprivations_by_unit ON unit_deprivations (unit_code, review_year);
        CREATE INDEX IF NOT EXISTS unit_deprivations_by_indicator ON unit_deprivations (indicator, review_year, level);
        """

    /// The count columns of `unit_dynamics` and the sum each one is, over `unit_transition_events`
    /// (outputs.md: the report form's columns). `UnitDynamicsTally` computes them; the tests
    /// compare its rows with this definition (`definitionSQL`).
    static let dynamicsCounts: [(column: String, sum: String)] = [
        ("poor_start", "from_status = 'poor'"),
        ("poor_to_near_poor", "change = 'poor_to_near_poor'"),
        ("poor_escaped_above", "change = 'escaped_above_near_poor'"),
        ("poor_left", "change = 'poor_left'"),
        ("poor_from_near_poor", "change = 'near_poor_to_poor'"),
        ("poor_fell_back", "change = 'fell_back_poor'"),
        ("poor_newly", "change = 'newly_poor'"),
        ("poor_entered", "change = 'entered_poor'"),
        ("poor_end", "to_status = 'poor'"),
        ("near_poor_start", "from_status = 'near_poor'"),
        ("near_poor_to_poor", "change = 'near_poor_to_poor'"),
        ("near_poor_escaped", "change = 'escaped_near_poverty'"),
        ("near_poor_left", "change = 'near_poor_left'"),
        ("near_poor_from_poor", "change = 'poor_to_near_poor'"),
        ("near_poor_fell_back", "change = 'fell_back_near_poor'"),
        ("near_poor_newly", "change = 'newly_near_poor'"),
        ("near_poor_entered", "change = 'entered_near_poor'"),
        ("near_poor_end", "to_status = 'near_poor'"),
    ]

    /// `unit_dynamics`' key and counts as a GROUP BY over the view `unit_transition_events`.
    static var definitionSQL: String {
        """
        SELECT level, unit_code, standard, from_year, to_year,
            \(dynamicsCounts.map { "sum(\($0.sum)) AS \($0.column)" }.joined(separator: ", "))
        FROM unit_transition_events
        GROUP BY level, unit_code, standard, from_year, to_year
        """
    }

    /// Fills `unit_dynamics` from the tally of every transition (`UnitDynamicsTally`; one pass
    /// over them when `tally` is nil), with the unit's name in `to_year`, else in `from_year` (a
    /// unit abolished in `to_year`).
    @discardableResult
    static func fillUnitDynamics(_ database: SQLiteDatabase, tally given: UnitDynamicsTally? = nil) throws -> UnitDynamicsTally {
        let columns = dynamicsCounts.map(\.column)
        try database.execute("DELETE FROM unit_dynamics")
        let tally = try given ?? UnitDynamicsTally.tally(database)
        let name = try database.prepare(
            """
            SELECT coalesce(
                (SELECT unit_name FROM unit_rates WHERE review_year = ?1 AND standard = ?3 AND level = ?4 AND unit_code = ?5),
                (SELECT unit_name FROM unit_rates WHERE review_year = ?2 AND standard = ?3 AND level = ?4 AND unit_code = ?5),
                '')
            """)
        let insert = try database.prepare(
            """
            INSERT INTO unit_dynamics (level, unit_code, standard, from_year, to_year,
                \(columns.joined(separator: ", ")), unit_name, poor_escaped_total)
            VALUES (\(Array(repeating: "?", count: columns.count + 7).joined(separator: ", ")))
            """)
        for key in tally.counts.keys.sorted() {
            let counts = tally.counts[key]!
            name.bind(1, key.toYear)
            name.bind(2, key.toYear - 1)
            name.bind(3, key.standard)
            name.bind(4, key.level)
            name.bind(5, key.unitCode)
            _ = try name.step()
            let unitName = name.string(at: 0) ?? ""
            name.reset()
            insert.bind(1, key.level)
            insert.bind(2, key.unitCode)
            insert.bind(3, key.standard)
            insert.bind(4, key.toYear - 1)
            insert.bind(5, key.toYear)
            for (offset, count) in counts.enumerated() { insert.bind(Int32(6 + offset), count) }
            insert.bind(Int32(6 + counts.count), unitName)
            insert.bind(
                Int32(7 + counts.count),
                counts[UnitDynamicsTally.Count.poorToNearPoor.rawValue] + counts[UnitDynamicsTally.Count.poorEscapedAbove.rawValue])
            try insert.execute()
        }
        return tally
    }

    /// One row per `unit_rates` row and indicator of its standard (the indicators whose
    /// `poor_deprived_<id>` is not NULL in that row), for every catalogue indicator that has
    /// columns in `unit_rates`.
    static func fillUnitDeprivations(_ database: SQLiteDatabase) throws {
        let existing = Set(try database.rows("SELECT name FROM pragma_table_info('unit_rates')").compactMap { $0[0].string })
        try database.execute("DELETE FROM unit_deprivations")
        let years = try database.rows("SELECT DISTINCT review_year FROM unit_rates ORDER BY review_year").compactMap { $0[0].int }
        for year in years {
            for indicator in Indicator.catalog {
                let poorColumn = "poor_deprived_\(indicator.id.rawValue)"
                let nearPoorColumn = "near_poor_deprived_\(indicator.id.rawValue)"
                guard existing.contains(poorColumn), existing.contains(nearPoorColumn) else { continue }
                try database.run(
                    """
                    INSERT INTO unit_deprivations (\(UnitDeprivationRecord.columnList))
                    SELECT review_year, standard, level, unit_code, unit_name, ?, ?, ?, ?, ?,
                        poor, \(poorColumn), near_poor, \(nearPoorColumn)
                    FROM unit_rates
                    WHERE review_year = ? AND \(poorColumn) IS NOT NULL AND \(nearPoorColumn) IS NOT NULL
                    ORDER BY standard, level, unit_code
                    """,
                    [
                        .text(indicator.id.rawValue), .text(indicator.nameVi), .text(indicator.nameEn),
                        .text(indicator.dimension.rawValue), .text(indicator.dimension.labelVi), .integer(Int64(year)),
                    ])
            }
        }
    }

    static func fillChangeCodes(_ database: SQLiteDatabase) throws {
        try database.execute("DELETE FROM change_codes")
        let insert = try database.prepare(ChangeCodeRecord.insertStatement())
        for (position, change) in TransitionChange.allCases.enumerated() {
            let columns = ChangeCodeColumns(change)
            try insert.bind([
                .text(change.rawValue), .integer(Int64(position + 1)), .text(columns.toStatus), .text(columns.fromStatus),
                .text(change.meaningVi), .text(change.meaningEn),
                columns.poor.map(SQLiteValue.text) ?? .null, columns.nearPoor.map(SQLiteValue.text) ?? .null,
                columns.reportColumnVi.map(SQLiteValue.text) ?? .null,
            ])
            try insert.execute()
        }
    }
}
