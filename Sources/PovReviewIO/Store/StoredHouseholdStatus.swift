import PovReviewCore

/// A `household_status` row read back: enough of the household and its classification to count
/// it into a tally again or take it back out (a row retracted as a duplicate, a kept year of an
/// incremental rerun): every field `UnitTally.add` and `VillageTally.addCell` read.
struct StoredHouseholdStatus {
    static let columns = """
        review_year, standard, household_id, province_code, district_code, commune_code, village, area,
        members, ethnic_minority, income_basis, status, without_labour_capacity, with_social_protection,
        \(IndicatorID.allCases.map { "deprived_\($0.rawValue)" }.joined(separator: ", ")),
        income_per_capita, income_score, deprivation_count
        """

    var standardID: String
    var household: Household
    var classification: Classification

    init(statement s: SQLiteStatement) {
        standardID = s.string(at: 1) ?? ""
        household = Household(
            reviewYear: ReviewYear(s.int(at: 0)), householdID: HouseholdID(s.string(at: 2) ?? ""),
            provinceCode: UnitCode(s.string(at: 3) ?? ""), districtCode: s.string(at: 4).map { UnitCode($0) },
            communeCode: UnitCode(s.string(at: 5) ?? ""), village: s.string(at: 6) ?? "",
            area: Area(rawValue: s.string(at: 7) ?? "") ?? .rural, members: s.int(at: 8),
            ethnicMinority: s.int(at: 9) == 1,
            membersWithLabourCapacity: s.int(at: 12) == 1 ? 0 : 1,
            socialProtectionMembers: s.int(at: 13))
        var deprivations = DeprivationSet()
        for id in IndicatorID.allCases where s.int(at: 14 + id.bit) == 1 { deprivations.insert(id) }
        let extra = 14 + IndicatorID.allCases.count
        if !s.isNull(at: extra) { household.incomePerCapita = Int64(s.int(at: extra)) }
        if !s.isNull(at: extra + 1) { household.incomeScore = Int64(s.int(at: extra + 1)) }
        // A local standard's own indicators are counted in `deprivation_count` (their verdicts
        // are in `household_deprivation`); the tallies need only how many there are.
        let local = max(0, s.int(at: extra + 2) - deprivations.count)
        classification = Classification(
            status: HouseholdStatus(rawValue: s.string(at: 11) ?? "") ?? .above,
            basis: IncomeBasis(rawValue: s.string(at: 10) ?? "") ?? .income,
            deprivations: deprivations, basesDisagree: false,
            localDeprivations: local == 0 ? 0 : (local >= 64 ? UInt64.max : (UInt64(1) << UInt64(local)) - 1))
    }
}
