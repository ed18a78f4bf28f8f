import PovReviewCore
import PovReviewIO

extension ExplainCommand {
    /// Writes the unit's depth of poverty, integrity findings and the verdicts that flip under
    /// a scenario (outputs.md §3), after the plan's verdicts when `--plan` is given.
    func writeUnitMeasures(_ db: SQLiteDatabase) throws {
        let summary = try UnitMeasuresReader.summary(database: db, unit: unit, year: year, plan: plan)
        if plan == nil && summary.depths.isEmpty && summary.findings.isEmpty && summary.verdictsChecked == 0 {
            throw CommandFailure(
                "no analyst measures for unit \(unit)\(year.map { " in \($0)" } ?? ""); check the unit code (villages are <commune_code>/<village name>) and run `povreview run` to fill the tables"
            )
        }
        FileHandleOutput.standardOutput.write(summary.text(vietnamese: lang != .en))
    }
}
