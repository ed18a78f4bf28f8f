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

    /// The review years of each standard that `household_status` holds, from a pass over its rows.
    private static func years(in database: SQLiteDatabase) throws -> [StandardID: Set<Int>] {
        var years: [StandardID: Set<Int>] = [:]
        for row in try database.rows("SELECT DISTINCT standard, review_year FROM household_status") {
            years[StandardID(row[0].string!), default: []].insert(row[1].int!)
        }
        return years
    }

    /// Pairs every two consecutive review years of each standard, except those ending before
    /// `keptBefore` (carried over by `carryOver`), in one transaction of its own. Reads
    /// `household_status` through its key, `household_status_key`, which the ingest builds.
    /// Returns the tally of every transition (`AnalystTables.build`).
    ///
    /// The pairs are read and decided on a second connection, on a thread of its own
    /// (`PairReader`), while this connection inserts the rows: the database is switched to a
    /// write-ahead log for the stage, so the reader sees the committed `household_status` while
    /// the insert transaction grows, and switched back after.
    ///
    /// `years`: the review years of each standard `household_status` holds, when the caller
    /// knows them (the run's village tallies); otherwise they are read from the table, a pass
    /// over every row (0.1 s at 1,000,000 households, 0.55 s at 1,000,000 × 5 years).
    @discardableResult
    static func build(
        in database: SQLiteDatabase, keptBefore: Int? = nil, years: [StandardID: Set<Int>]? = nil
    ) throws -> UnitDynamicsTally {
        let yearsByStandard = try years ?? Self.years(in: database)
        // Every transition is tallied by unit as it is decided (`unit_dynamics`); the rows an
        // incremental rerun carried over are read back first.
        var kept = UnitDynamicsTally.Builder()
        if let keptBefore { try kept.addRows(of: database, toYearBefore: keptBefore) }

        let pairs = TransitionPairing.pairs(yearsByStandard: yearsByStandard, keptBefore: keptBefore)
        // No pair to read (one review year, or every pair carried over): no reader, no log.
        guard !pairs.isEmpty else {
            return try database.transaction { try AnalystTables.build(in: database, tally: kept.finish()) }
        }
        let modes = try HouseholdLoadSettings.openForConcurrentReader(in: database)
        let reader = PairReader(path: database.path, pairs: pairs, tally: kept)
        let tally: UnitDynamicsTally.Builder
        do {
            tally = try database.transaction {
                let insert = try Insert(database: database)
                while let batch = reader.batches.take() {
                    try batch.insertRows(with: insert)
                }
                // A reader that failed ends the batches early: its error rolls the rows back.
                return try reader.finish()
            }
        } catch {
            reader.cancel()
            try? HouseholdLoadSettings.restore(modes, in: database)
            throw error
        }
        try HouseholdLoadSettings.restore(modes, in: database)
        return try database.transaction { try AnalystTables.build(in: database, tally: tally.finish()) }
    }
}
