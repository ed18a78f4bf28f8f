import Foundation
import PovReviewCore

/// Inserts `household_status` rows: the hot path of a run (one row per household and standard).
///
/// One prepared statement, bound by index, no per-row SQL text.
///
/// SQLite keeps a statement's parameters from one execution to the next, so a parameter is bound
/// only when its value differs from the last row's (most columns repeat from row to row: year,
/// standard, codes, village, area, most indicators): binding all 31 parameters per row measured
/// ~20% of the thread that writes `household_status`. Text values are copied into a slot per
/// parameter in a buffer the writer owns and bound without SQLite copying them again
/// (`bindStatic`); a value longer than its slot is bound with a copy.
final class HouseholdStatusWriter {
    private let statement: SQLiteStatement
    private static let parameterCount = HouseholdStatusRecord.columns.count
    private static let slotSize = 256
    /// One `slotSize` text slot per parameter (index 0 unused).
    private let texts: UnsafeMutablePointer<UInt8>
    /// What each parameter holds: 0 unknown, 1 NULL, 2 `integers[i]`, 3 `lengths[i]` bytes of its slot.
    private let kinds: UnsafeMutablePointer<UInt8>
    private let integers: UnsafeMutablePointer<Int64>
    private let lengths: UnsafeMutablePointer<Int>
    private static let indicatorBase = Int32(HouseholdStatusRecord.fixedColumns.count + 1)
    /// The local indicators' verdicts (`household_deprivation`).
    private let localDeprivations: HouseholdDeprivationWriter

    init(database: SQLiteDatabase) throws {
        localDeprivations = try HouseholdDeprivationWriter(database: database)
        statement = try database.prepare(HouseholdStatusRecord.insertStatement())
        let slots = Self.parameterCount + 1
        texts = .allocate(capacity: slots * Self.slotSize)
        kinds = .allocate(capacity: slots)
        kinds.initialize(repeating: 0, count: slots)
        integers = .allocate(capacity: slots)
        integers.initialize(repeating: 0, count: slots)
        lengths = .allocate(capacity: slots)
        lengths.initialize(repeating: 0, count: slots)
    }

    deinit {
        texts.deallocate()
        kinds.deallocate()
        integers.deallocate()
        lengths.deallocate()
    }

    @inline(__always)
    private func bind(_ index: Int32, _ value: Int64) {
        let i = Int(index)
        if kinds[i] == 2 && integers[i] == value { return }
        statement.bind(index, value)
        kinds[i] = 2
        integers[i] = value
    }

    @inline(__always)
    private func bind(_ index: Int32, _ value: Int) { bind(index, Int64(value)) }

    @inline(__always)
    private func bind(_ index: Int32, _ value: Bool) { bind(index, Int64(value ? 1 : 0)) }

    @inline(__always)
    private func bindNull(_ index: Int32) {
        let i = Int(index)
        if kinds[i] == 1 { return }
        statement.bindNull(index)
        kinds[i] = 1
    }

    @inline(__always)
    private func bind(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { bytes in
            let i = Int(index)
            let slot = texts + i * Self.slotSize
            if kinds[i] == 3 && lengths[i] == bytes.count
                && (bytes.count == 0 || memcmp(slot, bytes.baseAddress!, bytes.count) == 0)
            {
                return
            }
            guard bytes.count <= Self.slotSize, let source = bytes.baseAddress else {
                statement.bind(index, String(decoding: bytes, as: UTF8.self))
                kinds[i] = 0
                return
            }
            slot.update(from: source, count: bytes.count)
            statement.bindStatic(index, slot, count: bytes.count)
            kinds[i] = 3
            lengths[i] = bytes.count
        }
    }

    /// Inserts the row of `household` classified under `standard`.
    func insert(_ household: Household, standard: Standard, standardID: StandardID, _ c: Classification) throws {
        bind(1, household.reviewYear.value)
        bind(2, standardID.rawValue)
        bind(3, household.householdID.rawValue)
        bind(4, household.provinceCode.rawValue)
        if let district = household.districtCode { bind(5, district.rawValue) } else { bindNull(5) }
        bind(6, household.communeCode.rawValue)
        bind(7, household.village)
        bind(8, household.area.rawValue)
        bind(9, household.members)
        bind(10, household.ethnicMinority)
        bind(11, c.basis.rawValue)
        if let income = household.incomePerCapita { bind(12, income) } else { bindNull(12) }
        if let score = household.incomeScore { bind(13, score) } else { bindNull(13) }
        bind(14, c.deprivationCount)
        bind(15, c.status.rawValue)
        bind(16, household.withoutLabourCapacity)
        bind(17, household.withSocialProtection)
        for id in IndicatorID.allCases {
            let index = Self.indicatorBase + Int32(id.bit)
            if standard.indicatorSet.contains(id) {
                bind(index, c.deprivations.contains(id))
            } else {
                bindNull(index)
            }
        }
        try statement.execute()
        if !standard.localIndicators.isEmpty { try localDeprivations.insert(household, standard: standard, c) }
    }
}
