@testable import PovReviewCore

/// The two national standards built from the numbers of standards.md (not from the shipped
/// YAML files, so a typo in a file is caught by the loader tests, not hidden here).
enum StandardFixtures {
    static let vn2022 = Standard(
        id: "vn-2022", nameVi: "Chuẩn nghèo đa chiều 2022–2025",
        incomeLine: AreaThresholds(rural: 1_500_000, urban: 2_000_000),
        averageUpperBound: AreaThresholds(rural: 2_250_000, urban: 3_000_000),
        scoreLine: AreaThresholds(rural: 140, urban: 175),
        indicators: [.employment, .dependants, .nutrition, .healthInsurance, .adultEducation,
                     .childSchooling, .housingQuality, .housingArea, .water, .latrine, .telecom,
                     .informationAccess])

    static let vn2027 = Standard(
        id: "vn-2027", nameVi: "Chuẩn nghèo đa chiều 2026–2030", provisional: true,
        incomeLine: AreaThresholds(rural: 2_200_000, urban: 2_800_000), averageUpperBound: nil,
        scoreLine: nil,
        indicators: [.employment, .dependants, .nutrition, .healthInsurance, .adultEducation,
                     .childSchooling, .housingQuality, .housingArea, .water, .latrine, .telecom,
                     .digitalServices, .waste])

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
