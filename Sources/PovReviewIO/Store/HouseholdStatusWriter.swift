import PovReviewCore

/// Inserts `household_status` rows: the hot path of a run (one row per household and standard).
///
/// One prepared statement, bound by index, no per-row SQL text. Text values are copied into one
/// buffer the writer owns and bound without SQLite copying them again (`bindStatic`).
final class HouseholdStatusWriter {
    private let statement: SQLiteStatement
    /// The text values of the row being inserted, back to back.
    private let texts: UnsafeMutablePointer<UInt8>
    private static let textCapacity = 4096
    @exclusivity(unchecked) private var textCount = 0
    private static let fixedColumns = [
        "review_year", "standard", "household_id", "province_code", "district_code", "commune_code",
        "village", "area", "members", "ethnic_minority", "income_basis", "income_per_capita",
        "income_score", "deprivation_count", "status", "without_labour_capacity", "with_social_protection",
    ]
    private static let indicatorBase = Int32(fixedColumns.count + 1)

    init(database: SQLiteDatabase) throws {
        let columns = Self.fixedColumns + IndicatorID.allCases.map { "deprived_\($0.rawValue)" }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        statement = try database.prepare(
            "INSERT INTO household_status (\(columns.joined(separator: ", "))) VALUES (\(placeholders))")
        texts = .allocate(capacity: Self.textCapacity)
    }

    deinit { texts.deallocate() }

    /// Binds `value` from the writer's text buffer (SQLite copies it when the buffer is full).
    @inline(__always)
    private func bindText(_ index: Int32, _ value: String) {
        var value = value
        value.withUTF8 { bytes in
            guard bytes.count <= Self.textCapacity - textCount, let source = bytes.baseAddress else {
                statement.bind(index, String(decoding: bytes, as: UTF8.self))
                return
            }
            let target = texts + textCount
            target.update(from: source, count: bytes.count)
            textCount += bytes.count
            statement.bindStatic(index, target, count: bytes.count)
        }
    }

    /// Inserts the row of `household` classified under `standard`.
    func insert(_ household: Household, standard: Standard, standardID: String, _ c: Classification) throws {
        let s = statement
        textCount = 0
        s.bind(1, household.reviewYear.value)
        bindText(2, standardID)
        bindText(3, household.householdID.rawValue)
        bindText(4, household.provinceCode.rawValue)
        if let district = household.districtCode { bindText(5, district.rawValue) } else { s.bindNull(5) }
        bindText(6, household.communeCode.rawValue)
        bindText(7, household.village)
        bindText(8, household.area.rawValue)
        s.bind(9, household.members)
        s.bind(10, household.ethnicMinority)
        bindText(11, c.basis.rawValue)
        if let income = household.incomePerCapita { s.bind(12, income) } else { s.bindNull(12) }
        if let score = household.incomeScore { s.bind(13, score) } else { s.bindNull(13) }
        s.bind(14, c.deprivationCount)
        bindText(15, c.status.rawValue)
        s.bind(16, household.withoutLabourCapacity)
        s.bind(17, household.withSocialProtection)
        for id in IndicatorID.allCases {
            let index = Self.indicatorBase + Int32(id.bit)
            if standard.indicatorSet.contains(id) {
                s.bind(index, c.deprivations.contains(id))
            } else {
                s.bindNull(index)
            }
        }
        try s.execute()
    }
}
