import Foundation
import PovReviewCore

/// Says why a plan has no results (issue 10, item 4: nothing silent): a provincial plan judged
/// on a province the database holds no data for writes nothing, which used to read as "0 results
/// written" and exit 0. `evaluate` makes it an error; `run` a warning (`plan_without_data`).
public enum TerritoryCoverage {
    /// The warning code in the `warnings` table.
    public static let warningCode = "plan_without_data"

    /// The province codes of the database, in code order.
    public static func provinces(in database: SQLiteDatabase) throws -> [String] {
        try UnitRatesQueries.provinceCodes(in: database)
    }

    /// Why `plan` judged on `territory` gave no result, and what to do.
    public static func message(plan: Plan, territory: UnitCode?, provinces: [String]) -> String {
        let present = provinces.isEmpty ? "none" : provinces.joined(separator: ", ")
        guard let territory = territory ?? plan.scope.territory else {
            return "plan \(plan.id) gave no result: the database has no review year the plan covers (provinces present: \(present))"
        }
        let hint =
            provinces.count == 1
            ? "pass --territory \(provinces[0]) to judge the plan on province \(provinces[0]), or run the pipeline on province \(territory.rawValue)'s dumps"
            : "pass --territory CODE with one of the provinces present, or run the pipeline on province \(territory.rawValue)'s dumps"
        return
            "plan \(plan.id) gave no result: its territory, province \(territory.rawValue), has no data in the database (provinces present: \(present)); \(hint)"
    }

    /// Records the warning of a plan without result in the run's `warnings`.
    static func warn(plan: Plan, territory: UnitCode?, database: SQLiteDatabase) throws {
        let text = message(plan: plan, territory: territory, provinces: try provinces(in: database))
        try RunLog.warnLatestRun(code: warningCode, message: text, in: database)
    }
}
