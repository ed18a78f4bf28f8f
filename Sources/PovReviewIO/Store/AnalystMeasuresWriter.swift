import PovReviewCore

/// Inserts the rows of the analyst tables (outputs.md §3). Ratios are REAL at full precision.
final class AnalystMeasuresWriter {
    private let measures: SQLiteStatement
    private let indicators: SQLiteStatement
    private let changes: SQLiteStatement
    private let sensitivity: SQLiteStatement
    private let findings: SQLiteStatement

    init(database: SQLiteDatabase) throws {
        measures = try database.prepare(AFMeasureRecord.insertStatement())
        indicators = try database.prepare(AFIndicatorRecord.insertStatement())
        changes = try database.prepare(UnitChangeRecord.insertStatement())
        sensitivity = try database.prepare(SensitivityRecord.insertStatement())
        findings = try database.prepare(IntegrityFindingRecord.insertStatement())
    }

    private static func bindKey(_ statement: SQLiteStatement, _ key: MeasureUnitKey) {
        statement.bind(1, key.year)
        statement.bind(2, key.standard.rawValue)
        statement.bind(3, key.level.rawValue)
        statement.bind(4, key.unit.rawValue)
    }

    private static func bind(_ statement: SQLiteStatement, _ index: Int32, _ value: Double?) {
        if let value { statement.bind(index, value) } else { statement.bindNull(index) }
    }

    func insert(_ m: AFMeasure, _ key: MeasureUnitKey) throws {
        Self.bindKey(measures, key)
        measures.bind(5, m.scope.rawValue)
        measures.bind(6, m.cutoff)
        measures.bind(7, m.indicatorCount)
        measures.bind(8, m.households)
        measures.bind(9, m.multidimensionallyPoor)
        measures.bind(10, m.deprivationsOfPoor)
        measures.bind(11, m.headcountRatio)
        Self.bind(measures, 12, m.intensity)
        measures.bind(13, m.adjustedHeadcount)
        try measures.execute()
        Self.bindKey(indicators, key)
        indicators.bind(5, m.scope.rawValue)
        indicators.bind(6, m.cutoff)
        for (i, indicator) in m.indicators.enumerated() {
            indicators.bind(7, indicator.id.rawValue)
            indicators.bind(8, indicator.deprived)
            indicators.bind(9, indicator.deprivedPoor)
            indicators.bind(10, m.uncensoredHeadcount(i))
            indicators.bind(11, m.censoredHeadcount(i))
            Self.bind(indicators, 12, m.contributionPercent(i))
            try indicators.execute()
        }
    }

    func insert(_ figures: ScenarioFigures, scenario: SensitivityScenario, households: Int, _ key: MeasureUnitKey) throws {
        Self.bindKey(sensitivity, key)
        sensitivity.bind(5, scenario.rawValue)
        sensitivity.bind(6, figures.poor)
        sensitivity.bind(7, figures.nearPoor)
        sensitivity.bind(8, 100 * Double(figures.poor) / Double(households))
        sensitivity.bind(9, 100 * Double(figures.poor + figures.nearPoor) / Double(households))
        sensitivity.bind(10, figures.householdsChangingStatus)
        try sensitivity.execute()
    }

    func insert(_ change: UnitChange, standard: StandardID, level: UnitLevel, unit: UnitCode) throws {
        changes.bind(1, standard.rawValue)
        changes.bind(2, level.rawValue)
        changes.bind(3, unit.rawValue)
        changes.bind(4, change.measure.rawValue)
        changes.bind(5, change.fromYear)
        changes.bind(6, change.toYear)
        changes.bind(7, change.kind.rawValue)
        changes.bind(8, change.fromValue)
        changes.bind(9, change.toValue)
        changes.bind(10, change.absoluteChange)
        Self.bind(changes, 11, change.relativeChangePercent)
        changes.bind(12, change.annualisedAbsolute)
        Self.bind(changes, 13, change.annualisedRelativePercent)
        try changes.execute()
    }

    func insert(_ finding: IntegrityFinding) throws {
        findings.bind(1, finding.reviewYear)
        findings.bind(2, finding.standard.rawValue)
        findings.bind(3, finding.level.rawValue)
        findings.bind(4, finding.unitCode.rawValue)
        findings.bind(5, finding.check.rawValue)
        findings.bind(6, finding.severity.rawValue)
        findings.bind(7, finding.statistic)
        findings.bind(8, finding.threshold)
        findings.bind(9, finding.detail)
        try findings.execute()
    }
}
