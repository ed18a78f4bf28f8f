import Foundation
import PovReviewCore

/// Inserts `household_status` rows: the hot path of a run (one row per household and standard).
///
/// Prepared statements bound by index, no per-row SQL text: one inserting `rowsPerStatement`
/// rows per execution, and one inserting a single row for the rows left over when the pass
/// ends (`finish`). Executing a statement has a cost of its own per execution (cursors opened,
/// the program started and halted): measured with a C program inserting 1,000,000 rows of this
/// table's shape, 1.55–1.88 s one row per execution against 1.23–1.31 s with 16 rows.
///
/// SQLite keeps a statement's parameters from one execution to the next, so a parameter is bound
/// only when its value differs from the one it held (most columns repeat from row to row: year,
/// standard, codes, village, area, most indicators): binding all 31 parameters per row measured
/// ~20% of the thread that writes `household_status`. Text values are copied into a slot per
/// parameter in a buffer the writer owns and bound without SQLite copying them again
/// (`bindStatic`); a value longer than its slot is bound with a copy and kept in `longTexts`.
/// What each parameter holds is kept, so that `finish` can insert the rows bound but not yet
/// executed one by one, in order.
final class HouseholdStatusWriter {
    static let rowsPerStatement = 16
    private let statement: SQLiteStatement
    private let single: SQLiteStatement
    private static let columnCount = HouseholdStatusRecord.columns.count
    private static let parameterCount = columnCount * rowsPerStatement
    private static let slotSize = 256
    /// One `slotSize` text slot per parameter (index 0 unused).
    private let texts: UnsafeMutablePointer<UInt8>
    /// What each parameter holds: 0 nothing yet, 1 NULL, 2 `integers[i]`, 3 `lengths[i]` bytes
    /// of its slot, 4 `longTexts[i]`.
    private let kinds: UnsafeMutablePointer<UInt8>
    private let integers: UnsafeMutablePointer<Int64>
    private let lengths: UnsafeMutablePointer<Int>
    /// Texts longer than a slot, by parameter, until the parameter is bound again.
    private var longTexts: [Int: [UInt8]] = [:]
    /// Rows bound into `statement` since its last execution.
    private var pendingRows = 0
    /// The first parameter of the row being bound, less one.
    private var rowOffset: Int32 = 0
    private static let indicatorBase = Int32(HouseholdStatusRecord.fixedColumns.count + 1)
    /// The local indicators' verdicts (`household_deprivation`).
    private let localDeprivations: HouseholdDeprivationWriter

    init(database: SQLiteDatabase) throws {
        localDeprivations = try HouseholdDeprivationWriter(database: database)
        statement = try database.prepare(HouseholdStatusRecord.insertStatement(rows: Self.rowsPerStatement))
        single = try database.prepare(HouseholdStatusRecord.insertStatement())
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
    private func bind(_ column: Int32, _ value: Int64) {
        let index = rowOffset + column
        let i = Int(index)
        if kinds[i] == 2 && integers[i] == value { return }
        statement.bind(index, value)
        kinds[i] = 2
        integers[i] = value
    }

    @inline(__always)
    private func bind(_ column: Int32, _ value: Int) { bind(column, Int64(value)) }

    @inline(__always)
    private func bind(_ column: Int32, _ value: Bool) { bind(column, Int64(value ? 1 : 0)) }

    @inline(__always)
    private func bindNull(_ column: Int32) {
        let index = rowOffset + column
        let i = Int(index)
        if kinds[i] == 1 { return }
        statement.bindNull(index)
        kinds[i] = 1
    }

    @inline(__always)
    private func bind(_ column: Int32, _ value: String) {
        var value = value
        value.withUTF8 { bytes in
            let index = rowOffset + column
            let i = Int(index)
            let slot = texts + i * Self.slotSize
            if kinds[i] == 3 && lengths[i] == bytes.count
                && (bytes.count == 0 || memcmp(slot, bytes.baseAddress!, bytes.count) == 0)
            {
                return
            }
            guard bytes.count <= Self.slotSize, let source = bytes.baseAddress else {
                longTexts[i] = Array(bytes)
                statement.bind(index, String(decoding: bytes, as: UTF8.self))
                kinds[i] = 4
                return
            }
            if kinds[i] == 4 { longTexts[i] = nil }
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
        pendingRows += 1
        if pendingRows == Self.rowsPerStatement {
            try statement.execute()
            pendingRows = 0
        }
        rowOffset = Int32(pendingRows * Self.columnCount)
        if !standard.localIndicators.isEmpty { try localDeprivations.insert(household, standard: standard, c) }
    }

    /// Inserts the rows bound since the last execution, one by one and in order, from what their
    /// parameters hold. To be called once the last row is given and before `household_status`
    /// is read.
    func finish() throws {
        for row in 0..<pendingRows {
            for column in 1...Self.columnCount {
                let i = row * Self.columnCount + column
                let parameter = Int32(column)
                switch kinds[i] {
                case 2: single.bind(parameter, integers[i])
                case 3: single.bindStatic(parameter, texts + i * Self.slotSize, count: lengths[i])
                case 4: longTexts[i]!.withUnsafeBufferPointer { single.bind(parameter, String(decoding: $0, as: UTF8.self)) }
                default: single.bindNull(parameter)
                }
            }
            try single.execute()
        }
        pendingRows = 0
        rowOffset = 0
    }
}
