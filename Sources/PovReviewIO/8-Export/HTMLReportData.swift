import PovReviewCore

/// What the HTML report of one plan shows, read from the database: the plan's territory (its
/// provinces and their districts and communes), their counts by review year under one standard
/// per year, the criteria results, the sustained escapes and the run's data-quality counts.
struct HTMLReportData {
    struct UnitYear {
        var level: String
        var code: String
        var name: String
        var parent: String?
        var year: Int
        var standard: String
        var households: Int
        var poor: Int
        var nearPoor: Int
        /// Poor households deprived per indicator, nil where the standard lacks the indicator.
        var poorDeprived: [Int?]
    }

    struct Unit {
        var level: String
        var code: String
        /// Name in the latest year.
        var name: String
        var years: [Int: UnitYear]
    }

    var plan: String
    var runID: Int
    var years: [Int]
    /// The standard shown for each year.
    var standards: [Int: String]
    var provinces: [Unit]
    var districts: [Unit]
    var communes: [Unit]
    var criteria: [CriteriaReport.Row]
    var escapes: [(year: Int, communeCode: String, communeName: String, village: String, households: Int)]
    var quarantine: ReportTable
    var inputFiles: ReportTable
    var warnings: ReportTable

    static let provincesOfPlanSQL = """
        SELECT DISTINCT unit_code FROM criteria_results WHERE plan = ? AND level = 'province' ORDER BY unit_code
        """
    static let unitsOfPlanSQL = "SELECT DISTINCT unit_code FROM criteria_results WHERE plan = ?"
    static let planStandardsSQL = """
        SELECT evaluation_year, min(standard) FROM criteria_results WHERE plan = ? GROUP BY evaluation_year
        """
    static let nationalStandardsSQL = "SELECT standard FROM standards WHERE national = 1 ORDER BY standard"
    static let unitRatesSQL: String = {
        let deprived = Indicator.catalog.map { "poor_deprived_" + $0.id.rawValue }.joined(separator: ", ")
        return """
            SELECT level, unit_code, unit_name, parent_code, review_year, standard, households, poor, near_poor,
                   \(deprived)
            FROM unit_rates WHERE level <> 'village'
            ORDER BY \(ReportLabels.levelRankSQL("level")), unit_code, review_year, standard
            """
    }()
    static let escapesSQL = """
        SELECT s.evaluation_year, s.commune_code,
            coalesce((SELECT r.unit_name FROM unit_rates r WHERE r.review_year = s.evaluation_year
                AND r.standard = s.standard AND r.level = 'commune' AND r.unit_code = s.commune_code), s.commune_code),
            s.village_code, count(*)
        FROM sustained_escapes s WHERE s.plan = ?
        GROUP BY s.evaluation_year, s.commune_code, s.village_code
        ORDER BY s.evaluation_year, s.village_code
        """

    init(database: SQLiteDatabase, plan: String, runID: Int) throws {
        self.plan = plan
        self.runID = runID
        let planText: [SQLiteValue] = [.text(plan)]
        let rows = try database.rows(Self.unitRatesSQL).map { row in
            UnitYear(
                level: row[0].text, code: row[1].text, name: row[2].text, parent: row[3].string,
                year: row[4].count, standard: row[5].text, households: row[6].count, poor: row[7].count,
                nearPoor: row[8].count, poorDeprived: (0..<Indicator.catalog.count).map { row[9 + $0].int })
        }

        // One standard per year: the plan's (criteria rows), else a national one, else the first.
        let planStandards = Dictionary(
            try database.rows(Self.planStandardsSQL, planText).map { ($0[0].count, $0[1].text) },
            uniquingKeysWith: { first, _ in first })
        let national = try database.rows(Self.nationalStandardsSQL).map { $0[0].text }
        var present: [Int: Set<String>] = [:]
        for row in rows { present[row.year, default: []].insert(row.standard) }
        var standards: [Int: String] = [:]
        for (year, names) in present {
            if let standard = planStandards[year], names.contains(standard) {
                standards[year] = standard
            } else {
                standards[year] = national.first(where: names.contains) ?? names.min()!
            }
        }
        self.standards = standards
        let shown = rows.filter { standards[$0.year] == $0.standard }

        // Territory: the plan's provinces (else every province), their districts and communes,
        // and any unit the plan's criteria name.
        var provinceCodes = Set(try database.rows(Self.provincesOfPlanSQL, planText).map { $0[0].text })
        if provinceCodes.isEmpty { provinceCodes = Set(shown.filter { $0.level == "province" }.map(\.code)) }
        let planUnits = Set(try database.rows(Self.unitsOfPlanSQL, planText).map { $0[0].text })
        let districtCodes = Set(
            shown.filter {
                $0.level == "district" && (provinceCodes.contains($0.parent ?? "") || planUnits.contains($0.code))
            }.map(\.code))
        let communeCodes = Set(
            shown.filter {
                $0.level == "commune"
                    && (provinceCodes.contains($0.parent ?? "") || districtCodes.contains($0.parent ?? "")
                        || planUnits.contains($0.code))
            }.map(\.code))

        func units(_ level: String, _ codes: Set<String>) -> [Unit] {
            var result: [Unit] = []
            for row in shown where row.level == level && codes.contains(row.code) {
                if result.last?.code == row.code {
                    result[result.count - 1].years[row.year] = row
                    result[result.count - 1].name = row.name
                } else {
                    result.append(Unit(level: level, code: row.code, name: row.name, years: [row.year: row]))
                }
            }
            return result
        }
        provinces = units("province", provinceCodes)
        districts = units("district", districtCodes)
        communes = units("commune", communeCodes)
        years = Set((provinces + districts + communes).flatMap(\.years.keys)).sorted()

        criteria = try CriteriaReport.rows(from: database, plan: plan)
        escapes = try database.rows(Self.escapesSQL, planText).map { row in
            (row[0].count, row[1].text, row[2].text, ReportLabels.villageName(fromCode: row[3].text), row[4].count)
        }
        quarantine = try DataQualityReport.quarantineTable(from: database, runID: runID)
        inputFiles = try DataQualityReport.inputFilesTable(from: database, runID: runID)
        warnings = try DataQualityReport.warningsTable(from: database, runID: runID)
    }
}
