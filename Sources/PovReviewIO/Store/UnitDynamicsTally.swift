/// The counts of `unit_dynamics`, tallied in one pass over `household_transitions`.
///
/// The same sums as a `GROUP BY` over the view `unit_transition_events` (each transition seen
/// from each level's unit: a household that stays in its unit adds its change there; one that
/// moved leaves the old unit — `poor_left`, `near_poor_left` or `stayed_out` — and enters the new
/// one), which SQLite computes by sorting four rows per transition. Measured on 410,000
/// transitions (100,000 households × 5 years) on the shared 2-core machine under load: the
/// GROUP BY 12–14 s; a bare scan of the columns read here 2.5 s (Python); whole pipeline runs of
/// a debug build, one each, 81 s with the GROUP BY and 93 s with this pass — within the noise of
/// that machine, so the gain of a release build is not measured yet. The two give identical
/// tables there, and the tests compare them (`DynamicsReconciliationTests`, `AnalystTablesTests`).
struct UnitDynamicsTally {
    struct Key: Hashable, Comparable {
        var level: String
        var unitCode: String
        var standard: String
        var toYear: Int

        /// The order the rows are stored in (text in code-point order, as SQLite's BINARY).
        static func < (a: Key, b: Key) -> Bool {
            func less(_ x: String, _ y: String) -> Bool { x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) }
            if a.level != b.level { return less(a.level, b.level) }
            if a.unitCode != b.unitCode { return less(a.unitCode, b.unitCode) }
            if a.standard != b.standard { return less(a.standard, b.standard) }
            return a.toYear < b.toYear
        }
    }

    /// Index of each count in `AnalystTables.dynamicsCounts` order.
    enum Count: Int {
        case poorStart, poorToNearPoor, poorEscapedAbove, poorLeft, poorFromNearPoor, poorFellBack, poorNewly,
            poorEntered, poorEnd, nearPoorStart, nearPoorToPoor, nearPoorEscaped, nearPoorLeft, nearPoorFromPoor,
            nearPoorFellBack, nearPoorNewly, nearPoorEntered, nearPoorEnd
    }

    static let countsPerRow = 18
    static let levels = ["village", "commune", "district", "province"]

    private(set) var counts: [Key: [Int]] = [:]

    /// The columns of the change: (poor-table count, near-poor-table count).
    static func columns(of change: String) -> [Count] {
        switch change {
        case "poor_to_near_poor": [.poorToNearPoor, .nearPoorFromPoor]
        case "escaped_above_near_poor": [.poorEscapedAbove]
        case "poor_left": [.poorLeft]
        case "near_poor_to_poor": [.poorFromNearPoor, .nearPoorToPoor]
        case "fell_back_poor": [.poorFellBack]
        case "newly_poor": [.poorNewly]
        case "entered_poor": [.poorEntered]
        case "escaped_near_poverty": [.nearPoorEscaped]
        case "near_poor_left": [.nearPoorLeft]
        case "fell_back_near_poor": [.nearPoorFellBack]
        case "newly_near_poor": [.nearPoorNewly]
        case "entered_near_poor": [.nearPoorEntered]
        default: []
        }
    }

    /// Adds one event seen from `unit` (statuses and change as seen from the unit).
    mutating func add(_ key: Key, from: String, to: String, change: String) {
        var row = counts[key] ?? Array(repeating: 0, count: Self.countsPerRow)
        if from == "poor" { row[Count.poorStart.rawValue] += 1 }
        if from == "near_poor" { row[Count.nearPoorStart.rawValue] += 1 }
        if to == "poor" { row[Count.poorEnd.rawValue] += 1 }
        if to == "near_poor" { row[Count.nearPoorEnd.rawValue] += 1 }
        for column in Self.columns(of: change) { row[column.rawValue] += 1 }
        counts[key] = row
    }

    /// Tallies every row of `household_transitions` in `database`.
    static func tally(_ database: SQLiteDatabase) throws -> UnitDynamicsTally {
        var tally = UnitDynamicsTally()
        let query = try database.prepare(
            """
            SELECT standard, to_year, from_status, to_status, change,
                from_village_code, to_village_code, from_commune_code, to_commune_code,
                from_district_code, to_district_code, from_province_code, to_province_code
            FROM household_transitions
            """)
        while try query.step() {
            let standard = query.string(at: 0) ?? "", toYear = query.int(at: 1)
            let from = query.string(at: 2) ?? "", to = query.string(at: 3) ?? "", change = query.string(at: 4) ?? ""
            for (offset, level) in levels.enumerated() {
                let fromUnit = query.string(at: 5 + 2 * offset), toUnit = query.string(at: 6 + 2 * offset)
                if let fromUnit, fromUnit == toUnit {
                    tally.add(
                        Key(level: level, unitCode: fromUnit, standard: standard, toYear: toYear),
                        from: from, to: to, change: change)
                    continue
                }
                if let fromUnit {
                    let left = from == "poor" ? "poor_left" : from == "near_poor" ? "near_poor_left" : "stayed_out"
                    tally.add(
                        Key(level: level, unitCode: fromUnit, standard: standard, toYear: toYear),
                        from: from, to: "absent", change: left)
                }
                if let toUnit {
                    let entered = to == "poor" ? "entered_poor" : to == "near_poor" ? "entered_near_poor" : "stayed_out"
                    tally.add(
                        Key(level: level, unitCode: toUnit, standard: standard, toYear: toYear),
                        from: "absent", to: to, change: entered)
                }
            }
        }
        return tally
    }
}
