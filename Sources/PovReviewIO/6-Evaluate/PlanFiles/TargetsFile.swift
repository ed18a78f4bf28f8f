import Foundation
import PovReviewCore

/// Reads `targets.csv` (`plan, review_year, level, unit_code, metric, target`; input-format.md
/// §3, plans.md pin 7). Targets are exact decimals; a repeated key is an error.
public enum TargetsFile {
    public static func load(contentsOf url: URL, path: String) throws(LocatedError) -> Targets {
        try parse(ReferenceTable(contentsOf: url, path: path))
    }

    public static func parse(data: Data, path: String) throws(LocatedError) -> Targets {
        try parse(ReferenceTable(data: data, path: path))
    }

    static func parse(_ table: ReferenceTable) throws(LocatedError) -> Targets {
        let planIndex = try table.columnIndex("plan")!
        let yearIndex = try table.columnIndex("review_year")!
        let levelIndex = try table.columnIndex("level")!
        let unitIndex = try table.columnIndex("unit_code")!
        let metricIndex = try table.columnIndex("metric")!
        let targetIndex = try table.columnIndex("target")!
        var targets = Targets()
        for record in table.records {
            func fail(_ column: String, _ message: String) -> LocatedError {
                LocatedError(path: table.path, line: record.line, columnName: column, message: message)
            }
            let plan = record.fields[planIndex]
            guard !plan.isEmpty else { throw fail("plan", "plan must not be empty") }
            guard let year = Int(record.fields[yearIndex]) else {
                throw fail("review_year", "review_year must be a whole number, got \"\(record.fields[yearIndex])\"")
            }
            guard let level = UnitLevel(rawValue: record.fields[levelIndex]) else {
                throw fail("level", "level must be village, commune, district or province, got \"\(record.fields[levelIndex])\"")
            }
            let unit = record.fields[unitIndex]
            guard !unit.isEmpty else { throw fail("unit_code", "unit_code must not be empty") }
            guard let metric = Targets.Metric(rawValue: record.fields[metricIndex]) else {
                throw fail(
                    "metric", "metric must be one of \(Targets.Metric.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(record.fields[metricIndex])\"")
            }
            guard let value = Rational(decimalText: record.fields[targetIndex]) else {
                throw fail("target", "target must be a decimal number, got \"\(record.fields[targetIndex])\"")
            }
            let key = Targets.Key(plan: PlanID(plan), year: ReviewYear(year), level: level, unitCode: UnitCode(unit), metric: metric)
            guard targets.insert(key, value) else {
                throw fail("unit_code", "a second \(metric.rawValue) target for \(plan) \(level.rawValue) \(unit) in \(year)")
            }
        }
        return targets
    }
}
