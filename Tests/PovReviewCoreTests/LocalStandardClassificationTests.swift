import Testing

@testable import PovReviewCore

/// `example-local` (lines 1,800,000 rural / 2,400,000 urban, cut-off 2, no band, the twelve
/// `vn-2022` indicators plus `electricity`) on hand-computed households.
@Suite("A local standard with an extra indicator")
struct LocalStandardClassificationTests {
    static let fields = RuleField.builtIn + [RuleField(name: "electricity_access", type: .boolean, slot: .extra(0))]

    static let exampleLocal = Standard(
        id: "example-local", nameVi: "Ví dụ", national: false,
        incomeLine: AreaThresholds(rural: 1_800_000, urban: 2_400_000), averageUpperBound: nil, scoreLine: nil,
        indicators: StandardFixtures.definitions(StandardFixtures.vn2022IDs)
            + [
                try! IndicatorDefinition(
                    id: "electricity", nameVi: "Tiếp cận điện lưới", nameEn: "Electricity",
                    dimension: "housing", rule: "electricity_access = 0", fields: fields)
            ],
        deprivationCutoff: 2)

    /// Rural, 1,700,000 VND, electricity, deprived on nothing.
    func household(income: Int64 = 1_700_000, area: Area = .rural, electricity: Int64 = 1) -> Household {
        var h = StandardFixtures.household(area: area, income: income)
        h.extraValues = [ExactDecimal(electricity)]
        return h
    }

    @Test("1,700,000 rural with 2 deprivations: poor locally, average nationally")
    func twoDeprivations() throws {
        var h = household()
        h.workingAgeWithoutJob = 1
        h.members6PlusUninsured = 1
        let local = try Self.exampleLocal.classification(of: h).get()
        #expect(local.status == .poor)  // 1,700,000 ≤ 1,800,000 and D = 2 ≥ 2
        #expect(local.deprivationCount == 2)
        // vn-2022: 1,500,000 < 1,700,000 ≤ 2,250,000 → average.
        #expect(try StandardFixtures.vn2022.classification(of: h).get().status == .average)
    }

    @Test("One deprivation is near-poor; no electricity counts as one")
    func electricity() throws {
        var h = household()
        h.workingAgeWithoutJob = 1
        #expect(try Self.exampleLocal.classification(of: h).get().status == .nearPoor)
        h = household(electricity: 0)
        var c = try Self.exampleLocal.classification(of: h).get()
        #expect(c.status == .nearPoor)
        #expect(c.localDeprivations == 1)
        #expect(c.deprivations == DeprivationSet())
        h.workingAgeWithoutJob = 1
        c = try Self.exampleLocal.classification(of: h).get()
        #expect(c.status == .poor)  // employment + electricity = 2
        #expect(c.deprivationCount == 2)
    }

    @Test(
        "Lines are inclusive and there is no average band",
        arguments: [
            (Area.rural, Int64(1_800_000), HouseholdStatus.nearPoor), (.rural, 1_800_001, .above),
            (.urban, 2_400_000, .nearPoor), (.urban, 2_400_001, .above), (.urban, 2_000_001, .nearPoor),
        ])
    func lines(area: Area, income: Int64, expected: HouseholdStatus) throws {
        #expect(try Self.exampleLocal.classification(of: household(income: income, area: area)).get().status == expected)
    }

    @Test("A row without the extra column cannot be classified under the standard")
    func missingExtra() {
        var h = household()
        h.extraValues = []
        #expect(throws: ClassificationProblem.self) { try Self.exampleLocal.classification(of: h).get() }
    }

    @Test("vn-2027 rows carry no telecom or information-access verdict")
    func vn2027HasNoTelecom() throws {
        var h = StandardFixtures.household(income: 1_000_000)
        h.internetUsers = 0
        h.infoDevices = 0
        h.loudspeakerAccess = false
        let c = try StandardFixtures.vn2027.classification(of: h).get()
        #expect(!c.deprivations.contains(.telecom))
        #expect(!StandardFixtures.vn2027.indicatorSet.contains(.telecom))
        #expect(!StandardFixtures.vn2027.indicatorSet.contains(.informationAccess))
        #expect(StandardFixtures.vn2027.indicators.count == 12)
        #expect(c.status == .nearPoor)
    }
}
