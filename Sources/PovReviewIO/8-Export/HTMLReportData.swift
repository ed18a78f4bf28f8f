import PovReviewCore

/// What the HTML report of one plan shows, read from the database: the plan's territory (its
/// provinces and their districts and communes), their counts by review year under one standard
/// per year, the criteria results, the sustained escapes and the run's data-quality counts.
struct HTMLReportData {
    /// A unit's counts in one year under one standard (the store's row).
    typealias UnitYear = UnitRatesReportRows.UnitYear

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

    init(database: SQLiteDatabase, plan: String, runID: Int) throws {
        self.plan = plan
        self.runID = runID
        let rows = try UnitRatesReportRows.unitYearsAboveVillages(in: database)

        // One standard per year: the plan's (criteria rows), else a national one, else the first.
        let planStandards = Dictionary(
            try PlanReportRows.standardsByYear(of: plan, in: database).map { ($0.year, $0.standard) },
            uniquingKeysWith: { first, _ in first })
        let national = try StandardsQueries.national(in: database)
        var present: [Int: Set<String>] = [:]
        for row in rows { present[row.reviewYear, default: []].insert(row.standard) }
        var standards: [Int: String] = [:]
        for (year, names) in present {
            if let standard = planStandards[year], names.contains(standard) {
                standards[year] = standard
            } else {
                standards[year] = national.first(where: names.contains) ?? names.min()!
            }
        }
        self.standards = standards
        let shown = rows.filter { standards[$0.reviewYear] == $0.standard }

        // Territory: the plan's provinces (else every province), their districts and communes,
        // and any unit the plan's criteria name.
        var provinceCodes = Set(try PlanReportRows.provinces(of: plan, in: database))
        if provinceCodes.isEmpty { provinceCodes = Set(shown.filter { $0.level == "province" }.map(\.unitCode)) }
        let planUnits = Set(try PlanReportRows.units(of: plan, in: database))
        let districtCodes = Set(
            shown.filter {
                $0.level == "district" && (provinceCodes.contains($0.parentCode ?? "") || planUnits.contains($0.unitCode))
            }.map(\.unitCode))
        let communeCodes = Set(
            shown.filter {
                $0.level == "commune"
                    && (provinceCodes.contains($0.parentCode ?? "") || districtCodes.contains($0.parentCode ?? "")
                        || planUnits.contains($0.unitCode))
            }.map(\.unitCode))

        func units(_ level: String, _ codes: Set<String>) -> [Unit] {
            var result: [Unit] = []
            for row in shown where row.level == level && codes.contains(row.unitCode) {
                if result.last?.code == row.unitCode {
                    result[result.count - 1].years[row.reviewYear] = row
                    result[result.count - 1].name = row.unitName
                } else {
                    result.append(Unit(level: level, code: row.unitCode, name: row.unitName, years: [row.reviewYear: row]))
                }
            }
            return result
        }
        provinces = units("province", provinceCodes)
        districts = units("district", districtCodes)
        communes = units("commune", communeCodes)
        years = Set((provinces + districts + communes).flatMap(\.years.keys)).sorted()

        criteria = try CriteriaReport.rows(from: database, plan: plan)
        escapes = try PlanReportRows.escapesByVillage(of: plan, in: database).map { row in
            (row.year, row.communeCode, row.communeName, ReportLabels.villageName(fromCode: row.villageCode), row.households)
        }
        quarantine = try DataQualityReport.quarantineTable(from: database, runID: runID)
        inputFiles = try DataQualityReport.inputFilesTable(from: database, runID: runID)
        warnings = try DataQualityReport.warningsTable(from: database, runID: runID)
    }
}
