import PovReviewCore

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
    /// Per unit of the earlier year (the key's level, unit, standard and later year): the
    /// households present in it then, and how many of them are absent the later year — the
    /// counts of `TransitionIntegrityReader.absences`, tallied in the same pass.
    private(set) var presence: [Key: (before: Int, absentAfter: Int)] = [:]

    /// The columns of the change: (poor-table count, near-poor-table count).
    static func columns(of change: TransitionChange) -> [Count] {
        switch change {
        case .poorToNearPoor: [.poorToNearPoor, .nearPoorFromPoor]
        case .escapedAboveNearPoor: [.poorEscapedAbove]
        case .poorLeft: [.poorLeft]
        case .nearPoorToPoor: [.poorFromNearPoor, .nearPoorToPoor]
        case .fellBackPoor: [.poorFellBack]
        case .newlyPoor: [.poorNewly]
        case .enteredPoor: [.poorEntered]
        case .escapedNearPoverty: [.nearPoorEscaped]
        case .nearPoorLeft: [.nearPoorLeft]
        case .fellBackNearPoor: [.nearPoorFellBack]
        case .newlyNearPoor: [.nearPoorNewly]
        case .enteredNearPoor: [.nearPoorEntered]
        case .stayedPoor, .stayedNearPoor, .stayedOut: []
        }
    }

    /// Tallies every row of `household_transitions` in `database` (see `Builder`).
    static func tally(_ database: SQLiteDatabase) throws -> UnitDynamicsTally {
        var builder = Builder()
        try builder.addRows(of: database)
        return builder.finish()
    }

    /// `TransitionIntegrityReader.absences(at:in:)`'s rows for `level`, from `presence`, in the
    /// order that query returns them (to_year, standard, unit code; text in SQLite's BINARY order).
    func absences(at level: UnitLevel) -> [TransitionIntegrityReader.Absences] {
        presence.filter { $0.key.level == level.rawValue }
            .sorted { a, b in
                if a.key.toYear != b.key.toYear { return a.key.toYear < b.key.toYear }
                if a.key.standard != b.key.standard { return a.key.standard.utf8.lexicographicallyPrecedes(b.key.standard.utf8) }
                return a.key.unitCode.utf8.lexicographicallyPrecedes(b.key.unitCode.utf8)
            }
            .map {
                TransitionIntegrityReader.Absences(
                    toYear: $0.key.toYear, standard: $0.key.standard, unitCode: $0.key.unitCode,
                    householdsBefore: $0.value.before, absent: $0.value.absentAfter)
            }
    }

    /// A status as the counts see it: poor, near-poor, absent, or another (average, above).
    enum EventStatus {
        case poor, nearPoor, absent, other

        private static let poorText = Array("poor".utf8), nearPoorText = Array("near_poor".utf8), absentText = Array("absent".utf8)

        init(_ status: SideStatus) {
            switch status {
            case .poor: self = .poor
            case .nearPoor: self = .nearPoor
            case .absent: self = .absent
            case .average, .above: self = .other
            }
        }

        init(_ bytes: UnsafeBufferPointer<UInt8>?) {
            guard let bytes else {
                self = .other
                return
            }
            // "poor", "near_poor" and "absent" differ in length: the length picks the candidate, the bytes confirm it.
            switch bytes.count {
            case 4: self = ByteText.equal(bytes, Self.poorText) ? .poor : .other
            case 9: self = ByteText.equal(bytes, Self.nearPoorText) ? .nearPoor : .other
            case 6: self = ByteText.equal(bytes, Self.absentText) ? .absent : .other
            default: self = .other
            }
        }
    }

    /// Every change code's text and columns, looked up by `columns(ofChangeBytes:)`.
    private static let changeColumns = TransitionChange.allCases.map { (text: Array($0.rawValue.utf8), columns: columns(of: $0)) }

    /// `columns(of:)` for a change given as bytes, without making a `String` of it.
    static func columns(ofChangeBytes bytes: UnsafeBufferPointer<UInt8>?) -> [Count] {
        guard let bytes else { return [] }
        for change in changeColumns where ByteText.equal(bytes, change.text) { return change.columns }
        return []
    }

    /// The counts of each unit seen, in one flat array (`countsPerRow` per unit).
    struct SlottedCounts {
        var slots: [Key: Int] = [:]
        var keys: [Key] = []
        var counts: [Int] = []
        /// Per slot: households present in the unit the earlier year, and of them absent the later.
        var present: [Int] = []
        var absentAfter: [Int] = []

        /// The slot of `key`, made on first use.
        mutating func slot(of key: Key) -> Int {
            if let slot = slots[key] { return slot }
            slots[key] = keys.count
            keys.append(key)
            counts.append(contentsOf: repeatElement(0, count: UnitDynamicsTally.countsPerRow))
            present.append(0)
            absentAfter.append(0)
            return keys.count - 1
        }

        /// Counts a household present in the unit of `slot` the earlier year.
        mutating func countPresent(_ slot: Int, absentAfter absent: Bool) {
            present[slot] += 1
            if absent { absentAfter[slot] += 1 }
        }

        func presenceByKey() -> [Key: (before: Int, absentAfter: Int)] {
            var result: [Key: (before: Int, absentAfter: Int)] = [:]
            for (slot, key) in keys.enumerated() where present[slot] > 0 { result[key] = (present[slot], absentAfter[slot]) }
            return result
        }

        /// Adds one event seen from the unit in `slot` (statuses and change as seen from the unit).
        mutating func add(_ slot: Int, from: EventStatus, to: EventStatus, change: [Count]) {
            let base = slot * UnitDynamicsTally.countsPerRow
            if from == .poor { counts[base + Count.poorStart.rawValue] += 1 }
            if from == .nearPoor { counts[base + Count.nearPoorStart.rawValue] += 1 }
            if to == .poor { counts[base + Count.poorEnd.rawValue] += 1 }
            if to == .nearPoor { counts[base + Count.nearPoorEnd.rawValue] += 1 }
            for column in change { counts[base + column.rawValue] += 1 }
        }

        func byKey() -> [Key: [Int]] {
            var result: [Key: [Int]] = [:]
            for (slot, key) in keys.enumerated() {
                let base = slot * UnitDynamicsTally.countsPerRow
                result[key] = Array(counts[base..<base + UnitDynamicsTally.countsPerRow])
            }
            return result
        }
    }

    /// The last unit read from one column and its slot: rows in household order repeat it.
    struct UnitColumnCache {
        var bytes: [UInt8] = []
        var context = -1
        var slot = -1

        mutating func slot(
            _ unit: UnsafeBufferPointer<UInt8>, context: Int, cells: inout SlottedCounts, key: (String) -> Key
        ) -> Int {
            if slot >= 0, self.context == context, ByteText.equal(unit, bytes) { return slot }
            bytes = Array(unit)
            self.context = context
            slot = cells.slot(of: key(String(decoding: unit, as: UTF8.self)))
            return slot
        }
    }
}
