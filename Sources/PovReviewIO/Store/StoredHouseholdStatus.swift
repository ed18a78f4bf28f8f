import PovReviewCore

/// A `household_status` row read back: enough of the household and its classification to take
/// it back out of a tally (a row retracted as a duplicate).
struct StoredHouseholdStatus {
    static let columns = """
        review_year, standard, household_id, province_code, district_code, commune_code, village, area,
        members, ethnic_minority, income_basis, status, without_labour_capacity, with_social_protection,
        \(IndicatorID.allCases.map { "deprived_\($0.rawValue)" }.joined(separator: ", "))
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
        classification = Classification(
            status: HouseholdStatus(rawValue: s.string(at: 11) ?? "") ?? .above,
            basis: IncomeBasis(rawValue: s.string(at: 10) ?? "") ?? .income,
            deprivations: deprivations, basesDisagree: false)
    }
}
