import PovReviewCore

/// A `household_status` row read back: enough of the household and its classification to count
/// it into a tally again or take it back out (a row retracted as a duplicate, a kept year of an
/// incremental rerun): every field `UnitTally.add` and `VillageTally.addCell` read.
///
/// Read with every column of `HouseholdStatusRecord.columns`, in that order.
struct StoredHouseholdStatus {
    /// The SELECT list the initialiser reads.
    static let columns = HouseholdStatusRecord.columnList

    private static let reviewYear = HouseholdStatusRecord.position(of: "review_year")
    private static let standard = HouseholdStatusRecord.position(of: "standard")
    private static let householdID = HouseholdStatusRecord.position(of: "household_id")
    private static let province = HouseholdStatusRecord.position(of: "province_code")
    private static let district = HouseholdStatusRecord.position(of: "district_code")
    private static let commune = HouseholdStatusRecord.position(of: "commune_code")
    private static let village = HouseholdStatusRecord.position(of: "village")
    private static let area = HouseholdStatusRecord.position(of: "area")
    private static let members = HouseholdStatusRecord.position(of: "members")
    private static let ethnicMinority = HouseholdStatusRecord.position(of: "ethnic_minority")
    private static let incomeBasis = HouseholdStatusRecord.position(of: "income_basis")
    private static let incomePerCapita = HouseholdStatusRecord.position(of: "income_per_capita")
    private static let incomeScore = HouseholdStatusRecord.position(of: "income_score")
    private static let deprivationCount = HouseholdStatusRecord.position(of: "deprivation_count")
    private static let status = HouseholdStatusRecord.position(of: "status")
    private static let withoutLabour = HouseholdStatusRecord.position(of: "without_labour_capacity")
    private static let withProtection = HouseholdStatusRecord.position(of: "with_social_protection")
    private static let firstIndicator = HouseholdStatusRecord.position(of: HouseholdStatusRecord.indicatorColumns[0])

    var standardID: StandardID
    var household: Household
    var classification: Classification

    init(statement s: SQLiteStatement) {
        standardID = StandardID(s.string(at: Self.standard) ?? "")
        household = Household(
            reviewYear: ReviewYear(s.int(at: Self.reviewYear)), householdID: HouseholdID(s.string(at: Self.householdID) ?? ""),
            provinceCode: UnitCode(s.string(at: Self.province) ?? ""),
            districtCode: s.string(at: Self.district).map { UnitCode($0) },
            communeCode: UnitCode(s.string(at: Self.commune) ?? ""), village: s.string(at: Self.village) ?? "",
            area: Area(rawValue: s.string(at: Self.area) ?? "") ?? .rural, members: s.int(at: Self.members),
            ethnicMinority: s.int(at: Self.ethnicMinority) == 1,
            membersWithLabourCapacity: s.int(at: Self.withoutLabour) == 1 ? 0 : 1,
            socialProtectionMembers: s.int(at: Self.withProtection))
        var deprivations = DeprivationSet()
        for id in IndicatorID.allCases where s.int(at: Self.firstIndicator + id.bit) == 1 { deprivations.insert(id) }
        if !s.isNull(at: Self.incomePerCapita) { household.incomePerCapita = Int64(s.int(at: Self.incomePerCapita)) }
        if !s.isNull(at: Self.incomeScore) { household.incomeScore = Int64(s.int(at: Self.incomeScore)) }
        // A local standard's own indicators are counted in `deprivation_count` (their verdicts
        // are in `household_deprivation`); the tallies need only how many there are.
        let local = max(0, s.int(at: Self.deprivationCount) - deprivations.count)
        classification = Classification(
            status: HouseholdStatus(rawValue: s.string(at: Self.status) ?? "") ?? .above,
            basis: IncomeBasis(rawValue: s.string(at: Self.incomeBasis) ?? "") ?? .income,
            deprivations: deprivations, basesDisagree: false,
            localDeprivations: local == 0 ? 0 : (local >= 64 ? UInt64.max : (UInt64(1) << UInt64(local)) - 1))
    }
}
