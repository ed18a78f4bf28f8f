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
            canonicalCodes: try UnitRatesQueries.villageCodes(in: database))
        input.crosswalk = input.crosswalk.mappingCodes(villages.canonical)
        input.targets = input.targets.mappingUnitCodes(villages.canonical)
        return input
    }

    /// Evaluates every plan of the configuration into the database; returns the number of rows.
    static func evaluate(
        plans: [(plan: Plan, territory: UnitCode?)], config: PipelineConfig, inputs: RunInputs, database: SQLiteDatabase
    ) throws -> Int {
        guard !plans.isEmpty else { return 0 }
        let input = try input(
            database: database, standards: Array(inputs.standards.values), admin: inputs.admin,
            schedule: config.schedule, crosswalkFile: config.crosswalkFile, targetsFile: config.targetsFile)
        let evaluator = PlanEvaluator(input: input)
        var count = 0
        let escapes = SustainedEscapeLists()
        try database.beginTransaction()
        for (plan, territory) in plans {
            let results = evaluator.evaluate(plan, options: EvaluationOptions(territoryOverride: territory))
            try store(
                results, plan: plan, territory: territory, year: nil, evaluator: evaluator, database: database,
                escapes: escapes)
            if results.isEmpty { try TerritoryCoverage.warn(plan: plan, territory: territory, database: database) }
            count += results.count
        }
        try database.commitTransaction()
        return count
    }

    /// Stores one plan's evaluation, as `run` does for every plan and `povreview evaluate` for
    /// one: its `criteria_results` (of `year` only, when given) and its `sustained_escapes`.
    /// (`CriteriaSensitivity.write` re-decides the criteria under each scenario.)
    public static func store(
        _ results: [CriterionResult], plan: Plan, territory: UnitCode?, year: ReviewYear?,
        evaluator: PlanEvaluator, database: SQLiteDatabase
    ) throws {
        try store(
            results, plan: plan, territory: territory, year: year, evaluator: evaluator, database: database,
            escapes: SustainedEscapeLists())
    }

    /// `store`, with the sustained-escape lists shared by the plans of one evaluation.
    static func store(
        _ results: [CriterionResult], plan: Plan, territory: UnitCode?, year: ReviewYear?,
        evaluator: PlanEvaluator, database: SQLiteDatabase, escapes: SustainedEscapeLists
    ) throws {
        try write(results, planID: plan.id, year: year, into: database)
        try SustainedEscapesStore.delete(planID: plan.id, in: database)
        try writeSustainedEscapes(
            plan: plan, territory: territory ?? plan.scope.territory, evaluator: evaluator,
            database: database, escapes: escapes)
    }

    /// Replaces the `criteria_results` rows of `planID` (and of `year` only, when given) by `results`.
    public static func write(
        _ results: [CriterionResult], planID: PlanID, year: ReviewYear? = nil,
        into database: SQLiteDatabase
    ) throws {
        try CriteriaResultsStore.delete(planID: planID, year: year, in: database)
        let vi = Explanation(language: .vi)
        let en = Explanation(language: .en)
        try CriteriaResultsStore.insert(
            results, explanationVi: { vi.text(for: $0) }, explanationEn: { en.text(for: $0) }, into: database)
    }

    /// The households poor at the plan's baseline and neither poor nor near-poor in the last two
    /// review years of the data (within the plan's period), per village of the last year.
    static func writeSustainedEscapes(
        plan: Plan, territory: UnitCode?, evaluator: PlanEvaluator,
        database: SQLiteDatabase, escapes: SustainedEscapeLists
    ) throws {
        guard let last = evaluator.evaluationYears(of: plan).last else { return }
        let baseline = plan.baselineYear
        // `SustainedEscape.list` is empty unless the baseline comes before the last year.
        guard baseline < last else { return }
        // The national standards with rows in the last year, in SQLite's text order: one index
        // probe each (`SustainedEscapesStore.hasRows`).
        let store = try SustainedEscapesStore(database: database)
        var standards: [StandardID] = []
        // A plan that names its standard (ntp-2026-2030: vn-2027) lists households under it only.
        for id in evaluator.input.nationalStandardIDs.sorted(by: { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) })
        where plan.standard == nil || plan.standard == id {
            if try store.hasRows(year: last, standard: id) { standards.append(id) }
        }
        for standard in standards {
            let list = try escapes.list(standard: standard, baseline: baseline, last: last) {
                var observations: [SustainedEscape.Observation] = []
                var places: [HouseholdID: SustainedEscapeLists.Place] = [:]
                for row in try store.observations(standard: standard, baseline: baseline, last: last) {
                    observations.append(
                        SustainedEscape.Observation(householdID: row.householdID, year: row.year, status: row.status, village: row.village))
                    if row.year == last { places[row.householdID] = (row.communeCode, row.provinceCode) }
                }
                return (SustainedEscape.list(from: observations, baseline: baseline, lastYear: last), places)
            }
            for escape in list.escapes {
                guard let place = list.places[escape.householdID] else { continue }
                if let territory,
                    !Self.isInTerritory(
                        province: place.province, commune: place.commune,
                        territory: territory, year: last, input: evaluator.input)
                {
                    continue
                }
                try store.insert(
                    planID: plan.id, baseline: baseline, evaluationYear: last, standard: standard,
                    householdID: escape.householdID, villageCode: escape.village, communeCode: place.commune,
                    provinceCode: place.province)
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

    /// Every `unit_rates` row as a figures source (`FigureTableReader`).
    static func figures(from database: SQLiteDatabase) throws -> FigureTable {
        try FigureTableReader.figures(from: database)
    }
}
