@testable import PovReviewCore

/// The two national standards built from the numbers of standards.md (not from the shipped
/// YAML files, so a typo in a file is caught by the loader tests, not hidden here).
enum StandardFixtures {
    /// The rules of standards.md's indicator tables, written here in the rule syntax (not read
    /// from the shipped files: `ShippedStandardTests` checks the files agree with these).
    static let specRules: [(id: String, dimension: String, rule: String)] = [
        ("employment", "employment", "working_age_without_job >= 1"),
        ("dependants", "employment", "dependants * 2 > members"),
        ("nutrition", "health", "children_malnourished >= 1"),
        ("health_insurance", "health", "members_6plus_uninsured >= 1"),
        ("adult_education", "education", "adults_16_30_without_qualification >= 1"),
        ("child_schooling", "education", "children_3_15_out_of_school >= 1"),
        ("housing_quality", "housing", "housing_type in [non_durable, none]"),
        ("housing_area", "housing", "housing_area_m2 < 8 * members"),
        ("water", "water_sanitation", "water_source not in [piped, drilled_well, protected_well, protected_spring, rainwater, bottled]"),
        ("latrine", "water_sanitation", "latrine not in [septic, pour_flush, double_vault, ventilated_pit, biogas]"),
        ("telecom", "information", "internet_users = 0"),
        ("information_access", "information", "info_devices = 0 and loudspeaker_access = 0"),
        ("digital_services", "information", "digital_service_users = 0"),
        ("waste", "water_sanitation", "waste_disposal in [none, open_dumping]"),
    ]

    /// The definitions of `ids`, from `specRules`.
    static func definitions(_ ids: [String]) -> [IndicatorDefinition] {
        ids.map { id in
            let spec = specRules.first { $0.id == id }!
            return try! IndicatorDefinition(id: id, nameVi: id, nameEn: id, dimension: spec.dimension, rule: spec.rule)
        }
    }

    static let vn2022IDs = [
        "employment", "dependants", "nutrition", "health_insurance", "adult_education",
        "child_schooling", "housing_quality", "housing_area", "water", "latrine",
        "telecom", "information_access",
    ]
    static let vn2027IDs = Array(vn2022IDs.prefix(10)) + ["digital_services", "waste"]

    static let vn2022 = Standard(
        id: "vn-2022", nameVi: "Chuẩn nghèo đa chiều 2022–2025",
        incomeLine: AreaThresholds(rural: 1_500_000, urban: 2_000_000),
        averageUpperBound: AreaThresholds(rural: 2_250_000, urban: 3_000_000),
        scoreLine: AreaThresholds(rural: 140, urban: 175),
        indicators: definitions(vn2022IDs))

    static let vn2027 = Standard(
        id: "vn-2027", nameVi: "Chuẩn nghèo đa chiều 2026–2030", provisional: true,
        incomeLine: AreaThresholds(rural: 2_200_000, urban: 2_800_000), averageUpperBound: nil,
        scoreLine: nil, indicators: definitions(vn2027IDs))

    /// A household deprived on nothing: 4 members, 100 m², piped water, septic tank, internet.
    static func household(
        area: Area = .rural, income: Int64? = 1_000_000, score: Int64? = nil, members: Int = 4
    ) -> Household {
        Household(
            reviewYear: 2024, householdID: HouseholdID("H1"), provinceCode: "99",
            communeCode: "00001", village: "Thôn A", area: area, members: members,
            incomePerCapita: income, incomeScore: score, housingAreaM2: ExactDecimal(100),
            internetUsers: 1, infoDevices: 1, loudspeakerAccess: true, membersWithLabourCapacity: 2,
            digitalServiceUsers: 1, wasteDisposal: .collected)
    }
}
