import PovReviewCore

/// Reads the households a plan's sustained-escape list needs from `household_status` and writes
/// `sustained_escapes`, with statements prepared once per plan.
final class SustainedEscapesStore {
    private let probe: SQLiteStatement
    private let select: SQLiteStatement
    private let insert: SQLiteStatement

    /// Deletes the rows of `planID`.
    static func delete(planID: PlanID, in database: SQLiteDatabase) throws {
        try database.run("DELETE FROM sustained_escapes WHERE plan = ?", [.text(planID.rawValue)])
    }

    init(database: SQLiteDatabase) throws {
        // `unit_rates` first: it has rows for every year and standard `household_status` has
        // (both come from the same rows), and it answers "no" by its key. `household_status`,
        // whose key is household first, is searched only for a year and standard that has them.
        probe = try database.prepare(
            """
            SELECT 1 FROM unit_rates WHERE review_year = ?1 AND standard = ?2
                AND EXISTS (SELECT 1 FROM household_status WHERE review_year = ?1 AND standard = ?2)
            LIMIT 1
            """)
        // Only households poor at the baseline can be listed, so only theirs are read: reading
        // every row of the three years measured 16 s of a 1M-household run (5 plans), almost
        // all of it building dictionaries of households that can never escape.
        // The households poor at the baseline are found through the index by commune and year,
        // commune by commune (`communes` steps from one commune code to the next in that index):
        // the key is household first, and nothing else finds one year's rows without reading
        // every row.
        select = try database.prepare(
            """
            WITH RECURSIVE communes (code) AS (
                SELECT min(commune_code) FROM household_status
                UNION ALL
                SELECT (SELECT min(commune_code) FROM household_status WHERE commune_code > code)
                FROM communes WHERE code IS NOT NULL)
            SELECT household_id, review_year, status, commune_code || '/' || village, commune_code, province_code
            FROM household_status WHERE standard = ?1 AND review_year IN (?2, ?3, ?4)
                AND household_id IN (SELECT household_id FROM household_status
                                     WHERE commune_code IN (SELECT code FROM communes)
                                         AND review_year = ?2 AND standard = ?1 AND status = 'poor')
            """)
        insert = try database.prepare(SustainedEscapeRecord.insertStatement())
    }

    /// Whether `household_status` has a row of `year` under `standard`: `unit_rates` answers by
    /// its key, and only a year and standard it has are looked for in `household_status` (whose
    /// key is household first: a standard without rows in the year read the whole table, ~1 s
    /// of the stage on 1,000,000 households).
    func hasRows(year: ReviewYear, standard: StandardID) throws -> Bool {
        try probe.bind([.integer(Int64(year.value)), .text(standard.rawValue)])
        defer { probe.reset() }
        return try probe.step()
    }

    /// A household's row of one of the years read.
    struct Observation {
        var householdID: HouseholdID
        var year: ReviewYear
        var status: HouseholdStatus
        /// `commune_code/village`.
        var village: UnitCode
        var communeCode: String
        var provinceCode: String
    }

    /// The rows of `baseline`, `last − 1` and `last` under `standard` of the households poor at `baseline`.
    func observations(standard: StandardID, baseline: ReviewYear, last: ReviewYear) throws -> [Observation] {
        try select.bind([
            .text(standard.rawValue), .integer(Int64(baseline.value)), .integer(Int64(last.value - 1)),
            .integer(Int64(last.value)),
        ])
        defer { select.reset() }
        var rows: [Observation] = []
        while try select.step() {
            rows.append(
                Observation(
                    householdID: HouseholdID(select.string(at: 0) ?? ""), year: ReviewYear(select.int(at: 1)),
                    status: HouseholdStatus(rawValue: select.string(at: 2) ?? "") ?? .above,
                    village: UnitCode(select.string(at: 3) ?? ""), communeCode: select.string(at: 4) ?? "",
                    provinceCode: select.string(at: 5) ?? ""))
        }
        return rows
    }

    /// Inserts one listed household.
    func insert(
        planID: PlanID, baseline: ReviewYear, evaluationYear: ReviewYear, standard: StandardID, householdID: HouseholdID,
        villageCode: UnitCode, communeCode: String, provinceCode: String
    ) throws {
        try insert.bind([
            .text(planID.rawValue), .integer(Int64(baseline.value)), .integer(Int64(evaluationYear.value)), .text(standard.rawValue),
            .text(householdID.rawValue), .text(villageCode.rawValue), .text(communeCode), .text(provinceCode),
        ])
        try insert.execute()
    }
}
