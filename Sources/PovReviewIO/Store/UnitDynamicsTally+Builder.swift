import PovReviewCore

extension UnitDynamicsTally {
    /// Tallies transitions one at a time: the rows of `household_transitions` read back
    /// (`addRows(of:)`, the rows an incremental rerun carries over), or each transition as
    /// `TransitionsBuilder` writes it (`add`), which spares reading the table again: 3.1 s of a
    /// run of 1,000,000 households × 5 years went to that second read.
    ///
    /// Units are given as SQLite's bytes; a `String` is made only for a unit not seen in the row
    /// before (`UnitColumnCache`): the transitions come in household order, so a unit repeats for
    /// many rows. Making eight strings per row and hashing them (String hashing normalises
    /// Vietnamese village names) took 6 of the 9.5 s of this stage on 820,000 transitions
    /// (200,000 households × 5 years).
    struct Builder {
        private var cells = SlottedCounts()
        private var unitCaches = Array(repeating: UnitColumnCache(), count: 2 * UnitDynamicsTally.levels.count)
        private var standard = ""
        private var standardBytes: [UInt8] = []
        private var standardIndex = -1
        private var standardsSeen: [String] = []

        /// Adds one transition: its standard (as bytes), later review year, statuses, the
        /// count columns of its change (`columns(of:)`), and its place columns through `place`:
        /// `place(0)` … `place(7)` are `from_village_code`, `to_village_code`,
        /// `from_commune_code`, `to_commune_code`, …, `to_province_code` (nil for NULL).
        @inline(__always)
        mutating func add(
            standard standardText: UnsafeBufferPointer<UInt8>, toYear: Int, from: EventStatus, to: EventStatus,
            change: [Count], place: (Int) -> UnsafeBufferPointer<UInt8>?
        ) {
            if standardIndex < 0 || !ByteText.equal(standardText, standardBytes) {
                standardBytes = Array(standardText)
                standard = String(decoding: standardText, as: UTF8.self)
                if let seen = standardsSeen.firstIndex(of: standard) {
                    standardIndex = seen
                } else {
                    standardIndex = standardsSeen.count
                    standardsSeen.append(standard)
                }
            }
            // The unit caches' key of this row's standard and year.
            let context = standardIndex << 32 | (toYear & 0xFFFF_FFFF)
            let standard = self.standard
            for (offset, level) in UnitDynamicsTally.levels.enumerated() {
                let fromColumn = 2 * offset, toColumn = 2 * offset + 1
                let fromUnit = place(fromColumn), toUnit = place(toColumn)
                func slot(_ column: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
                    unitCaches[column].slot(
                        bytes, context: context, cells: &cells
                    ) { Key(level: level, unitCode: $0, standard: standard, toYear: toYear) }
                }
                if let fromUnit, from != .absent {
                    cells.countPresent(slot(fromColumn, fromUnit), absentAfter: to == .absent)
                }
                if let fromUnit, let toUnit, ByteText.equal(fromUnit, toUnit) {
                    cells.add(slot(fromColumn, fromUnit), from: from, to: to, change: change)
                    continue
                }
                if let fromUnit {
                    let left: [Count] = from == .poor ? [.poorLeft] : from == .nearPoor ? [.nearPoorLeft] : []
                    cells.add(slot(fromColumn, fromUnit), from: from, to: .other, change: left)
                }
                if let toUnit {
                    let entered: [Count] = to == .poor ? [.poorEntered] : to == .nearPoor ? [.nearPoorEntered] : []
                    cells.add(slot(toColumn, toUnit), from: .other, to: to, change: entered)
                }
            }
        }

        /// Adds the rows of `household_transitions` in `database` (those ending before
        /// `toYearBefore` when given).
        mutating func addRows(of database: SQLiteDatabase, toYearBefore: Int? = nil) throws {
            let query = try database.prepare(
                """
                SELECT standard, to_year, from_status, to_status, change,
                    from_village_code, to_village_code, from_commune_code, to_commune_code,
                    from_district_code, to_district_code, from_province_code, to_province_code
                FROM household_transitions\(toYearBefore == nil ? "" : " WHERE to_year < ?")
                """)
            if let toYearBefore { query.bind(1, toYearBefore) }
            while try query.step() {
                add(
                    standard: query.textBytes(at: 0) ?? UnsafeBufferPointer(start: nil, count: 0), toYear: query.int(at: 1),
                    from: EventStatus(query.textBytes(at: 2)), to: EventStatus(query.textBytes(at: 3)),
                    change: UnitDynamicsTally.columns(ofChangeBytes: query.textBytes(at: 4))
                ) { query.textBytes(at: 5 + $0) }
            }
        }

        /// The tally of every transition added.
        func finish() -> UnitDynamicsTally {
            UnitDynamicsTally(counts: cells.byKey(), presence: cells.presenceByKey())
        }
    }
}
