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
    /// Returns the tally of every transition (`AnalystTables.build`).
    @discardableResult
    static func build(in database: SQLiteDatabase, keptBefore: Int? = nil) throws -> UnitDynamicsTally {
        var yearsByStandard: [StandardID: Set<Int>] = [:]
        for row in try database.rows("SELECT DISTINCT standard, review_year FROM household_status") {
            yearsByStandard[StandardID(row[0].string!), default: []].insert(row[1].int!)
        }

        // The two years of a pair are read as two range scans of the key index (review_year,
        // standard, household_id), both in household order, and merged: each year's rows are
        // read once per pair they are in. The grouped scan it replaces read every year's rows
        // of the by-household index for each pair (quadratic in the years kept): 9.5 of 22.9 s
        // of a run of 200,000 households × 5 years, with the tally below.
        let fromYear = try PairSide(database: database)
        let toYear = try PairSide(database: database)
        let earlierQuery = try database.prepare(
            """
            SELECT status FROM household_status
            WHERE standard = ? AND household_id = ? AND review_year < ? AND status IN ('poor', 'near_poor')
            """)
        let insert = try database.prepare(HouseholdTransitionRecord.insertStatement())
        // Every transition is tallied by unit as it is written (`unit_dynamics`); the rows an
        // incremental rerun carried over are read back first.
        var tally = UnitDynamicsTally.Builder()
        if let keptBefore { try tally.addRows(of: database, toYearBefore: keptBefore) }

        for pair in TransitionPairing.pairs(yearsByStandard: yearsByStandard, keptBefore: keptBefore) {
            let (standard, year) = (pair.standard, pair.from)
            let standardBytes = Array(standard.rawValue.utf8)
            try fromYear.start(standard: standard, year: year)
            try toYear.start(standard: standard, year: year + 1)
            insert.bind(2, year)
            insert.bind(3, year + 1)
            insert.bind(4, standard.rawValue)
            while fromYear.hasRow || toYear.hasRow {
                // The next household of either side; SQLite's columns are bound as they are
                // (no String per value): both sides stay on their row until the insert is done.
                let order = PairSide.order(fromYear, toYear)
                let inFrom = order <= 0, inTo = order >= 0
                let household = inFrom ? fromYear.householdID : toYear.householdID
                let from = inFrom ? fromYear.status : .absent, to = inTo ? toYear.status : .absent
                var earlier = EarlierStatuses()
                if TransitionPairing.needsEarlierYears(from: from, to: to) {
                    earlierQuery.bind(1, standard.rawValue)
                    earlierQuery.bindStatic(2, household.baseAddress!, count: household.count)
                    earlierQuery.bind(3, year)
                    while try earlierQuery.step() {
                        if let status = earlierQuery.string(at: 0).flatMap(HouseholdStatus.init(rawValue:)) { earlier.record(status) }
                    }
                    earlierQuery.reset()
                }
                let change = TransitionChange(from: from, to: to, earlier: earlier)
                insert.bindStatic(1, household.baseAddress!, count: household.count)
                insert.bind(5, from.rawValue)
                insert.bind(6, to.rawValue)
                insert.bind(7, change.rawValue)
                fromYear.bindPlace(into: insert, at: 8, present: inFrom)
                toYear.bindPlace(into: insert, at: 9, present: inTo)
                try insert.execute()
                standardBytes.withUnsafeBufferPointer { standardText in
                    tally.add(
                        standard: standardText, toYear: year + 1, from: .init(from), to: .init(to),
                        change: UnitDynamicsTally.columns(of: change)
                    ) { column in
                        // Even columns the earlier year's places, odd ones the later year's.
                        column.isMultiple(of: 2)
                            ? (inFrom ? fromYear.place(column / 2) : nil) : (inTo ? toYear.place(column / 2) : nil)
                    }
                }
                if inFrom { try fromYear.step() }
                if inTo { try toYear.step() }
            }
        }
        return try AnalystTables.build(in: database, tally: tally.finish())
    }
}
