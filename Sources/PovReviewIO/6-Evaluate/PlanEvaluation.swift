import Foundation
import PovReviewCore

/// The evaluate stage: the plans of a pipeline over `unit_rates` into `criteria_results`, and
/// the sustained-escape household lists into `sustained_escapes`.
public enum PlanEvaluation {
    /// The plans a configuration names, loaded from their files (`Pipelines/plans/<id>.yaml`
    /// unless a file is given), with the territory each is judged on.
    public static func plans(of config: PipelineConfig) throws -> [(plan: Plan, territory: UnitCode?)] {
        try config.plans.map { selection in
            let url = selection.file ?? config.pipelinesFolder.appendingPathComponent("plans/\(selection.id ?? "").yaml")
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw PipelineError.configuration(
                    "plan \"\(selection.id ?? url.path)\" not found: expected \(url.path); the shipped plans are national-666, lang-son, vinh-phuc, bac-ninh, da-nang, ntp-2026-2030"
                )
            }
            do {
                return (try PlanLoader.load(contentsOf: url), selection.territory.map { UnitCode($0) })
            } catch {
                throw PipelineError.configuration("\(error)")
            }
        }
    }

    /// The evaluation input over the database's `unit_rates`, with the run's reference files.
    public static func input(
        database: SQLiteDatabase, standards: [Standard], admin: AdminDirectory,
        schedule: StandardSchedule, crosswalkFile: URL?, targetsFile: URL?
    ) throws -> EvaluationInput {
        var input = EvaluationInput(figures: try figures(from: database), admin: admin, schedule: schedule)
        input.setStandards(standards)
        do {
            if let crosswalkFile {
                input.crosswalk = try CrosswalkFile.load(contentsOf: crosswalkFile, path: crosswalkFile.lastPathComponent)
            }
            if let targetsFile {
                input.targets = try TargetsFile.load(contentsOf: targetsFile, path: targetsFile.lastPathComponent)
            }
        } catch {
            throw PipelineError.configuration("\(error)")
        }
        // Reference files may spell a village differently from the dumps' canonical spelling.
        let villages = VillageCodeIndex(
            canonicalCodes: try database.rows(
                "SELECT DISTINCT unit_code FROM unit_rates WHERE level = 'village'"
            ).compactMap { $0[0].string.map { UnitCode($0) } })
        input.crosswalk = input.crosswalk.mappingCodes(villages.canonical)
        input.targets = input.targets.mappingUnitCodes(villages.canonical)
        return input
    }

    /// Evaluates every plan of the configuration into the database; returns the number of rows.
    static func evaluate(config: PipelineConfig, inputs: RunInputs, database: SQLiteDatabase) throws -> Int {
        let plans = try plans(of: config)
        guard !plans.isEmpty else { return 0 }
        let input = try input(
            database: database, standards: Array(inputs.standards.values), admin: inputs.admin,
            schedule: config.schedule, crosswalkFile: config.crosswalkFile, targetsFile: config.targetsFile)
        let evaluator = PlanEvaluator(input: input)
        var count = 0
        try database.execute("BEGIN")
        for (plan, territory) in plans {
            let results = evaluator.evaluate(plan, options: EvaluationOptions(territoryOverride: territory))
            try store(results, plan: plan, territory: territory, year: nil, evaluator: evaluator, database: database)
            if results.isEmpty { try TerritoryCoverage.warn(plan: plan, territory: territory, database: database) }
            count += results.count
        }
        try database.execute("COMMIT")
        return count
    }

    /// Stores one plan's evaluation, as `run` does for every plan and `povreview evaluate` for
    /// one: its `criteria_results` (of `year` only, when given) and its `sustained_escapes`.
    /// (`CriteriaSensitivity.write` re-decides the criteria under each scenario.)
    public static func store(
        _ results: [CriterionResult], plan: Plan, territory: UnitCode?, year: ReviewYear?,
        evaluator: PlanEvaluator, database: SQLiteDatabase
    ) throws {
        try write(results, planID: plan.id.rawValue, year: year, into: database)
        try database.run("DELETE FROM sustained_escapes WHERE plan = ?", [.text(plan.id.rawValue)])
        try writeSustainedEscapes(
            plan: plan, territory: territory ?? plan.scope.territory, evaluator: evaluator,
            database: database)
    }

    /// Replaces the `criteria_results` rows of `planID` (and of `year` only, when given) by `results`.
    public static func write(
        _ results: [CriterionResult], planID: String, year: ReviewYear? = nil,
        into database: SQLiteDatabase
    ) throws {
        if let year {
            try database.run(
                "DELETE FROM criteria_results WHERE plan = ? AND evaluation_year = ?",
                [.text(planID), .integer(Int64(year.value))])
        } else {
            try database.run("DELETE FROM criteria_results WHERE plan = ?", [.text(planID)])
        }
        let insert = try database.prepare(
            """
            INSERT INTO criteria_results (plan, criterion_id, criterion_text_vi, level, unit_code, unit_name,
                evaluation_year, standard, verdict, evidence, borderline, explanation_vi, explanation_en,
                criterion_label_vi, criterion_label_en)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let vi = Explanation(language: .vi)
        let en = Explanation(language: .en)
        for r in results {
            try insert.bind([
                .text(r.plan.rawValue), .text(r.criterionID), .text(r.criterionTextVi), .text(r.level.rawValue),
                .text(r.unitCode.rawValue), .text(r.unitName), .integer(Int64(r.evaluationYear.value)),
                .text(r.standard.rawValue), .text(r.verdict.rawValue), .text(r.evidenceJSON), .integer(r.borderline ? 1 : 0),
                .text(vi.text(for: r)), .text(en.text(for: r)), .text(r.criterionLabelVi), .text(r.criterionLabelEn),
            ])
            try insert.execute()
        }
    }

    /// The households poor at the plan's baseline and neither poor nor near-poor in the last two
    /// review years of the data (within the plan's period), per village of the last year.
    static func writeSustainedEscapes(
        plan: Plan, territory: UnitCode?, evaluator: PlanEvaluator,
        database: SQLiteDatabase
    ) throws {
        guard let last = evaluator.evaluationYears(of: plan).last else { return }
        let baseline = plan.baselineYear
        // `SustainedEscape.list` is empty unless the baseline comes before the last year.
        guard baseline < last else { return }
        // The national standards with rows in the last year, in SQLite's text order: one index
        // probe each. (SELECT DISTINCT standard read every index entry of the year, ~0.08 s
        // per plan on 1M households, before ANALYZE lets SQLite skip-scan.)
        let probe = try database.prepare("SELECT 1 FROM household_status WHERE review_year = ? AND standard = ? LIMIT 1")
        var standards: [String] = []
        // A plan that names its standard (ntp-2026-2030: vn-2027) lists households under it only.
        for id in evaluator.input.nationalStandardIDs.sorted(by: { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) })
        where plan.standard == nil || plan.standard == id {
            try probe.bind([.integer(Int64(last.value)), .text(id.rawValue)])
            if try probe.step() { standards.append(id.rawValue) }
            probe.reset()
        }
        // Only households poor at the baseline can be listed, so only theirs are read: reading
        // every row of the three years measured 16 s of a 1M-household run (5 plans), almost
        // all of it building dictionaries of households that can never escape.
        let select = try database.prepare(
            """
            SELECT household_id, review_year, status, commune_code || '/' || village, commune_code, province_code
            FROM household_status WHERE standard = ?1 AND review_year IN (?2, ?3, ?4)
                AND household_id IN (SELECT household_id FROM household_status
                                     WHERE standard = ?1 AND review_year = ?2 AND status = 'poor')
            """)
        let insert = try database.prepare(
            """
            INSERT INTO sustained_escapes (plan, baseline_year, evaluation_year, standard, household_id,
                village_code, commune_code, province_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for standard in standards {
            try select.bind([
                .text(standard), .integer(Int64(baseline.value)), .integer(Int64(last.value - 1)),
                .integer(Int64(last.value)),
            ])
            var observations: [SustainedEscape.Observation] = []
            var places: [HouseholdID: (commune: String, province: String)] = [:]
            while try select.step() {
                let id = HouseholdID(select.string(at: 0) ?? "")
                let year = ReviewYear(select.int(at: 1))
                observations.append(
                    SustainedEscape.Observation(
                        householdID: id, year: year,
                        status: HouseholdStatus(rawValue: select.string(at: 2) ?? "") ?? .above,
                        village: UnitCode(select.string(at: 3) ?? "")))
                if year == last { places[id] = (select.string(at: 4) ?? "", select.string(at: 5) ?? "") }
            }
            select.reset()
            for escape in SustainedEscape.list(from: observations, baseline: baseline, lastYear: last) {
                guard let place = places[escape.householdID] else { continue }
                if let territory,
                    !Self.isInTerritory(
                        province: place.province, commune: place.commune,
                        territory: territory, year: last, input: evaluator.input)
                {
                    continue
                }
                try insert.bind([
                    .text(plan.id.rawValue), .integer(Int64(baseline.value)), .integer(Int64(last.value)), .text(standard),
                    .text(escape.householdID.rawValue), .text(escape.village.rawValue), .text(place.commune),
                    .text(place.province),
                ])
                try insert.execute()
            }
        }
    }

    /// Whether a commune of year `year` lies in a plan's territory: its province is the territory,
    /// or (after a province merger) one of its crosswalk predecessors belonged to the territory.
    static func isInTerritory(
        province: String, commune: String, territory: UnitCode, year: ReviewYear,
        input: EvaluationInput
    ) -> Bool {
        if province == territory.rawValue { return true }
        let predecessors = (input.crosswalk.sources[UnitCode(commune)] ?? []).map(\.oldCode) + [UnitCode(commune)]
        return predecessors.contains { old in
            input.admin.rows(of: old).contains { row in
                row.parentCode == territory
                    || row.parentCode.flatMap { input.admin.rows(of: $0).first?.parentCode } == territory
            }
        }
    }

    /// Every `unit_rates` row as a figures source. `households` is the rate denominator (the
    /// official total when totals were given); the rural count answers "all households rural".
    static func figures(from database: SQLiteDatabase) throws -> FigureTable {
        let statement = try database.prepare(
            """
            SELECT standard, review_year, level, unit_code, unit_name, parent_code, households, poor, near_poor,
                average, ethnic_minority_households, ethnic_minority_poor, poor_without_labour_capacity,
                poor_special_difficulty, poor_members, near_poor_members, reviewed_households, rural_households,
                \(IndicatorID.allCases.map { "poor_deprived_\($0.rawValue), near_poor_deprived_\($0.rawValue)" }.joined(separator: ", "))
            FROM unit_rates ORDER BY standard, review_year, level, unit_code
            """)
        var table = FigureTable()
        while try statement.step() {
            var tally = UnitTally()
            tally.households = statement.int(at: 6)
            tally.poor = statement.int(at: 7)
            tally.nearPoor = statement.int(at: 8)
            tally.average = statement.int(at: 9)
            tally.ethnicMinorityHouseholds = statement.int(at: 10)
            tally.ethnicMinorityPoor = statement.int(at: 11)
            tally.poorWithoutLabourCapacity = statement.int(at: 12)
            tally.poorSpecialDifficulty = statement.int(at: 13)
            tally.poorMembers = statement.int(at: 14)
            tally.nearPoorMembers = statement.int(at: 15)
            let reviewed = statement.int(at: 16)
            let rural = statement.int(at: 17)
            // With official totals the denominator exceeds the reviewed households; a unit whose
            // reviewed households are all rural still counts as all rural.
            tally.ruralHouseholds = rural == reviewed ? tally.households : rural
            for id in IndicatorID.allCases {
                tally.poorDeprived[id.bit] = statement.int(at: 18 + 2 * id.bit)
                tally.nearPoorDeprived[id.bit] = statement.int(at: 19 + 2 * id.bit)
            }
            guard let level = UnitLevel(rawValue: statement.string(at: 2) ?? "") else { continue }
            table.insert(
                FigureRow(
                    name: statement.string(at: 4) ?? "", parentCode: statement.string(at: 5).map { UnitCode($0) },
                    tally: tally, ruralHouseholds: tally.ruralHouseholds),
                level: level, unit: UnitCode(statement.string(at: 3) ?? ""),
                year: ReviewYear(statement.int(at: 1)), standard: StandardID(statement.string(at: 0) ?? ""))
        }
        return table
    }
}
