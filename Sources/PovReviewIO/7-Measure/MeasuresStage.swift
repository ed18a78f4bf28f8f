import PovReviewCore

/// The measure stage (after track, before evaluate's exports): the analyst tables of
/// outputs.md §3 — `unit_af_measures`, `unit_af_indicators`, `unit_changes`, `sensitivity`,
/// `criteria_sensitivity` and `integrity_findings` — from `household_status`,
/// `household_transitions`, `unit_rates` and `criteria_results`.
enum MeasuresStage {
    /// One `unit_rates` row's figures the measures need.
    struct RateRow {
        var households: Int
        var reviewed: Int
        var poor: Int
        var nearPoor: Int
        var average: Int
        var rates: [ChangeMeasure: Double]
    }

    /// Writes the analyst tables from the unit cells (`HouseholdPass.measureUnits()`, or
    /// `UnitCellsReader` over an existing database).
    static func run(
        database: SQLiteDatabase, config: PipelineConfig, inputs: RunInputs,
        units: [MeasureUnitKey: MeasureUnit], transitionTally: UnitDynamicsTally? = nil
    ) throws {
        let settings = config.measures
        let rates = try readRates(database)
        try database.beginTransaction()
        let writer = try AnalystMeasuresWriter(database: database)
        var series: [SeriesKey: [Int: Double]] = [:]
        var yearsByStandard: [StandardID: Set<Int>] = [:]
        for (key, rate) in rates {
            yearsByStandard[key.standard, default: []].insert(key.year)
            for (measure, value) in rate.rates {
                series[SeriesKey(standard: key.standard, level: key.level, unit: key.unit, measure: measure), default: [:]][key.year] = value
            }
        }
        for key in units.keys.sorted() {
            guard let standard = inputs.standards[key.standard], let unit = units[key], unit.cells.households > 0 else { continue }
            for k in settings.cutoffs(standardCutoff: standard.deprivationCutoff) {
                for scope in AFScope.allCases {
                    let measure = AFMeasure(cells: unit.cells, indicators: standard.indicators, scope: scope, cutoff: k)
                    guard measure.households > 0, measure.indicatorCount > 0 else { continue }
                    try writer.insert(measure, key)
                    if scope == .all && k == standard.deprivationCutoff {
                        let seriesKey = { (m: ChangeMeasure) in SeriesKey(standard: key.standard, level: key.level, unit: key.unit, measure: m) }
                        series[seriesKey(.headcountRatio), default: [:]][key.year] = measure.headcountRatio
                        series[seriesKey(.adjustedHeadcount), default: [:]][key.year] = measure.adjustedHeadcount
                        if let a = measure.intensity { series[seriesKey(.intensity), default: [:]][key.year] = a }
                    }
                }
            }
            let denominator = rates[key]?.households ?? unit.cells.households
            for scenario in SensitivityScenario.allCases {
                let figures = ScenarioFigures(
                    cells: unit.cells, scenario: scenario, cutoff: standard.deprivationCutoff,
                    hasAverageBand: standard.averageUpperBound != nil)
                try writer.insert(figures, scenario: scenario, households: denominator, key)
            }
        }
        for (key, values) in series.sorted(by: {
            ($0.key.standard, $0.key.level, $0.key.unit, $0.key.measure.rawValue) < ($1.key.standard, $1.key.level, $1.key.unit, $1.key.measure.rawValue)
        }) {
            let years = (yearsByStandard[key.standard] ?? []).sorted()
            for change in UnitChange.changes(of: key.measure, values: values, standardYears: years) {
                try writer.insert(change, standard: key.standard, level: key.level, unit: key.unit)
            }
        }
        let findings = try IntegrityFindingsBuilder.findings(
            database: database, units: units, rates: rates, standards: inputs.standards, thresholds: settings.integrity,
            transitionTally: transitionTally)
        for finding in findings { try writer.insert(finding) }
        try database.commitTransaction()
    }

    struct SeriesKey: Hashable {
        var standard: StandardID
        var level: UnitLevel
        var unit: UnitCode
        var measure: ChangeMeasure
    }

    /// Every `unit_rates` row's denominators, counts and rates.
    static func readRates(_ database: SQLiteDatabase) throws -> [MeasureUnitKey: RateRow] {
        try UnitRatesMeasureReader.rates(in: database)
    }
}
