import Foundation
import PovReviewCore

/// Fills `household_transitions` from `household_status`: one row per household present in
/// either of two consecutive review years of the same standard (outputs.md). The change code is
/// decided by the core's `TransitionChange`; SQL only pairs the two years.
enum TransitionsBuilder {
    /// The transitions an incremental rerun keeps: the previous run's rows of the year pairs
    /// that end before `beforeYear`, the first review year read again. Such a pair, and the
    /// earlier years its change codes look back on, hold only kept rows.
    struct Kept {
        var previous: URL
        var beforeYear: Int
        /// Kept villages whose canonical spelling changed: (commune, old spelling, new spelling).
        var spellingChanges: [(commune: String, from: String, to: String)]
    }

    /// Copies the kept pairs' rows from the previous database, outside any transaction.
    static func carryOver(_ kept: Kept, into database: SQLiteDatabase) throws {
        try database.run("ATTACH DATABASE ? AS previous", [.text(kept.previous.path)])
        defer { try? database.execute("DETACH DATABASE previous") }
        try database.execute("BEGIN")
        try database.run(
            "INSERT INTO main.household_transitions SELECT * FROM previous.household_transitions WHERE to_year < ?",
            [.integer(Int64(kept.beforeYear))])
        for side in ["from", "to"] {
            let update = try database.prepare(
                "UPDATE household_transitions SET \(side)_village_code = ? WHERE \(side)_village_code = ? AND to_year < ?")
            for change in kept.spellingChanges {
                try update.bind([
                    .text(change.commune + "/" + change.to), .text(change.commune + "/" + change.from),
                    .integer(Int64(kept.beforeYear)),
                ])
                try update.execute()
            }
        }
        try database.execute("COMMIT")
    }

    /// Pairs every two consecutive review years of each standard, except those ending before
    /// `keptBefore` (carried over by `carryOver`).
    static func build(in database: SQLiteDatabase, keptBefore: Int? = nil) throws {
        var yearsByStandard: [StandardID: Set<Int>] = [:]
        for row in try database.rows("SELECT DISTINCT standard, review_year FROM household_status") {
            yearsByStandard[StandardID(row[0].string!), default: []].insert(row[1].int!)
        }

        // One grouped scan of both years (the (household_id, standard, review_year) index gives
        // the rows in household order); a FULL JOIN of two filtered subqueries measured ~24 s
        // on 20,000 rows here because SQLite re-scans the inner side.
        let sides = ["status", "commune_code", "village", "district_code", "province_code"]
        let columns = [0, 1].flatMap { offset in
            sides.map { "max(CASE WHEN review_year = ?2 + \(offset) THEN \($0) END)" }
        }
        let pairQuery = try database.prepare(
            """
            SELECT household_id, \(columns.joined(separator: ", "))
            FROM household_status
            WHERE standard = ?1 AND review_year IN (?2, ?2 + 1)
            GROUP BY household_id
            ORDER BY household_id
            """)
        let earlierQuery = try database.prepare(
            """
            SELECT status FROM household_status
            WHERE standard = ? AND household_id = ? AND review_year < ? AND status IN ('poor', 'near_poor')
            """)
        let insert = try database.prepare(HouseholdTransitionRecord.insertStatement())

        for pair in TransitionPairing.pairs(yearsByStandard: yearsByStandard, keptBefore: keptBefore) {
            let (standard, year) = (pair.standard, pair.from)
            pairQuery.bind(1, standard.rawValue)
            pairQuery.bind(2, year)
            while try pairQuery.step() {
                let householdID = pairQuery.string(at: 0)!
                let from = SideStatus(pairQuery.string(at: 1).flatMap(HouseholdStatus.init(rawValue:)))
                let to = SideStatus(pairQuery.string(at: 6).flatMap(HouseholdStatus.init(rawValue:)))
                var earlier = EarlierStatuses()
                if TransitionPairing.needsEarlierYears(from: from, to: to) {
                    earlierQuery.bind(1, standard.rawValue)
                    earlierQuery.bind(2, householdID)
                    earlierQuery.bind(3, year)
                    while try earlierQuery.step() {
                        if let status = earlierQuery.string(at: 0).flatMap(HouseholdStatus.init(rawValue:)) { earlier.record(status) }
                    }
                    earlierQuery.reset()
                }
                let change = TransitionChange(from: from, to: to, earlier: earlier)
                insert.bind(1, householdID)
                insert.bind(2, year)
                insert.bind(3, year + 1)
                insert.bind(4, standard.rawValue)
                insert.bind(5, from.rawValue)
                insert.bind(6, to.rawValue)
                insert.bind(7, change.rawValue)
                for (offset, base) in [(0, 2), (1, 7)] {
                    let commune = pairQuery.string(at: base)
                    let village = pairQuery.string(at: base + 1)
                    let index = Int32(8 + offset)
                    if let commune, let village { insert.bind(index, commune + "/" + village) } else { insert.bindNull(index) }
                    insert.bind(index + 2, pairQuery.value(at: base))
                    insert.bind(index + 4, pairQuery.value(at: base + 2))
                    insert.bind(index + 6, pairQuery.value(at: base + 3))
                }
                try insert.execute()
            }
            pairQuery.reset()
        }
        // The tables derived from the transitions (unit_dynamics, …), issue 9 item 4.
        try AnalystTables.build(in: database)
    }
}
