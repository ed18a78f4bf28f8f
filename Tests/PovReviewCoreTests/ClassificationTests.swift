import Testing

@testable import PovReviewCore

@Suite("Classification under vn-2022 (standards.md)")
struct ClassificationTests {
    let standard = StandardFixtures.vn2022

    /// Makes `h` deprived on exactly `count` indicators (employment, nutrition, health insurance, …).
    func deprive(_ h: inout Household, count: Int) {
        let steps: [(inout Household) -> Void] = [
            { $0.workingAgeWithoutJob = 1 }, { $0.childrenMalnourished = 1 },
            { $0.members6PlusUninsured = 1 }, { $0.adults16To30WithoutQualification = 1 },
            { $0.children3To15OutOfSchool = 1 },
        ]
        for step in steps.prefix(count) { step(&h) }
    }

    /// Whether `h` is deprived on indicator `id` under the rule of standards.md.
    func isDeprived(_ id: String, _ h: Household) -> Bool {
        (StandardFixtures.vn2022.definition(of: id) ?? StandardFixtures.vn2027.definition(of: id)!).isDeprived(h)
    }

    func status(_ h: Household, _ policy: IncomeBasisPolicy = .auto) throws -> HouseholdStatus {
        try standard.classification(of: h, basisPolicy: policy).get().status
    }

    @Test("Income exactly at the rural line with exactly 3 deprivations is poor")
    func incomeAtLineThreeDeprivations() throws {
        var h = StandardFixtures.household(income: 1_500_000)
        deprive(&h, count: 3)
        #expect(try status(h) == .poor)
        let c = try standard.classification(of: h).get()
        #expect(c.deprivationCount == 3)
        #expect(c.deprivations == DeprivationSet([.employment, .nutrition, .healthInsurance]))
    }

    @Test("Exactly at the line with 2 deprivations is near-poor")
    func twoDeprivationsNearPoor() throws {
        var h = StandardFixtures.household(income: 1_500_000)
        deprive(&h, count: 2)
        #expect(try status(h) == .nearPoor)
    }

    @Test("One dong above the line is never poor, whatever the deprivations")
    func aboveLineNeverPoor() throws {
        var h = StandardFixtures.household(income: 1_500_001)
        deprive(&h, count: 5)
        #expect(try status(h) == .average)
    }

    @Test(
        "Average band: up to the upper bound inclusive, above it 'above'",
        arguments: [
            (Area.rural, Int64(2_250_000), HouseholdStatus.average),
            (.rural, 2_250_001, .above),
            (.urban, 2_000_000, .nearPoor),
            (.urban, 2_000_001, .average),
            (.urban, 3_000_000, .average),
            (.urban, 3_000_001, .above),
        ])
    func averageBand(area: Area, income: Int64, expected: HouseholdStatus) throws {
        #expect(try status(StandardFixtures.household(area: area, income: income)) == expected)
    }

    @Test("Score basis: at the score line with 3 deprivations is poor; no average band")
    func scoreBasis() throws {
        var h = StandardFixtures.household(income: 5_000_000, score: 140)
        deprive(&h, count: 3)
        let c = try standard.classification(of: h).get()
        #expect(c.basis == .score)
        #expect(c.status == .poor)
        #expect(c.basesDisagree)  // income far above the line, score at the line
        // Score 141 on the rural line of 140 is above, never 'average'.
        h.incomeScore = 141
        #expect(try status(h) == .above)
        // Forced income basis decides on the income instead.
        h.incomeScore = 140
        #expect(try status(h, .income) == .above)
    }

    @Test("Urban score line is 175")
    func urbanScoreLine() throws {
        #expect(try status(StandardFixtures.household(area: .urban, income: nil, score: 175)) == .nearPoor)
        #expect(try status(StandardFixtures.household(area: .urban, income: nil, score: 176)) == .above)
    }

    @Test("Forced score basis without a score is a classification problem")
    func missingScore() {
        let h = StandardFixtures.household(income: 1_000_000, score: nil)
        #expect(throws: ClassificationProblem.missingBasis(.score)) {
            try standard.classification(of: h, basisPolicy: .score).get()
        }
    }

    @Test(
        "Dependants: exactly half is not deprived, more than half is",
        arguments: [
            (4, 2, false), (4, 3, true), (5, 2, false), (5, 3, true), (1, 1, true), (2, 1, false),
        ])
    func dependants(members: Int, dependants: Int, deprived: Bool) {
        var h = StandardFixtures.household(members: members)
        h.dependants = dependants
        h.housingAreaM2 = ExactDecimal(1000)
        #expect(isDeprived("dependants", h) == deprived)
    }

    @Test(
        "Housing area: exactly 8 m² per person is not deprived",
        arguments: [
            (4, ExactDecimal(32), false),
            (4, ExactDecimal(significand: 319, scale: 1), true),  // 31.9 m²
            (3, ExactDecimal(significand: 2400, scale: 2), false),  // 24.00 m²
            (3, ExactDecimal(significand: 23999, scale: 3), true),  // 23.999 m²
            (1, ExactDecimal(0), true),
        ])
    func housingArea(members: Int, area: ExactDecimal, deprived: Bool) {
        var h = StandardFixtures.household(members: members)
        h.housingAreaM2 = area
        #expect(isDeprived("housing_area", h) == deprived)
    }

    @Test("Water and latrine: safe sources are not deprived")
    func waterAndLatrine() {
        var h = StandardFixtures.household()
        let safeWater: Set<WaterSource> = [.piped, .drilledWell, .protectedWell, .protectedSpring, .rainwater, .bottled]
        for source in WaterSource.allCases {
            h.waterSource = source
            #expect(isDeprived("water", h) == !safeWater.contains(source), "\(source)")
        }
        let hygienic: Set<LatrineType> = [.septic, .pourFlush, .doubleVault, .ventilatedPit, .biogas]
        for latrine in LatrineType.allCases {
            h.latrine = latrine
            #expect(isDeprived("latrine", h) == !hygienic.contains(latrine), "\(latrine)")
        }
    }

    @Test("Information access needs no device and no loudspeaker")
    func informationAccess() {
        var h = StandardFixtures.household()
        h.infoDevices = 0
        #expect(!isDeprived("information_access", h))
        h.loudspeakerAccess = false
        #expect(isDeprived("information_access", h))
        h.infoDevices = 1
        #expect(!isDeprived("information_access", h))
    }

    @Test("Housing quality: non-durable or no dwelling")
    func housingQuality() {
        var h = StandardFixtures.household()
        let expected: [HousingType: Bool] = [.durable: false, .semiDurable: false, .nonDurable: true, .none: true]
        for (type, deprived) in expected {
            h.housingType = type
            #expect(isDeprived("housing_quality", h) == deprived)
        }
    }

    @Test("vn-2027: higher lines, no average band, digital services and waste count")
    func vn2027() throws {
        let standard = StandardFixtures.vn2027
        var h = StandardFixtures.household(income: 2_200_000)
        h.digitalServiceUsers = 0
        h.wasteDisposal = .openDumping
        h.workingAgeWithoutJob = 1
        let c = try standard.classification(of: h).get()
        #expect(c.status == .poor)
        #expect(c.deprivations == DeprivationSet([.employment, .digitalServices, .waste]))
        h.incomePerCapita = 2_200_001
        #expect(try standard.classification(of: h).get().status == .above)
        // A score is present but vn-2027 publishes no score line: auto uses income.
        h.incomeScore = 10
        #expect(try standard.classification(of: h).get().basis == .income)
    }

    @Test("The schedule of standards.md")
    func schedule() {
        let s = StandardSchedule.nationalDefault
        #expect(s.standardIDs(for: 2020).isEmpty)
        #expect(s.standardIDs(for: 2021) == ["vn-2022"])
        #expect(s.standardIDs(for: 2025) == ["vn-2022"])
        #expect(s.standardIDs(for: 2026) == ["vn-2022", "vn-2027"])
        #expect(s.standardIDs(for: 2030) == ["vn-2027"])
        #expect(s.standardIDs(for: 2031).isEmpty)
    }

    @Test("Classification is monotone in income: more income never makes a household poorer")
    func monotoneInIncome() throws {
        let order: [HouseholdStatus: Int] = [.poor: 0, .nearPoor: 1, .average: 2, .above: 3]
        for deprivations in 0...5 {
            var previous = -1
            for income in stride(from: Int64(0), through: 4_000_000, by: 250_000) {
                var h = StandardFixtures.household(income: income)
                deprive(&h, count: deprivations)
                let rank = order[try status(h)]!
                #expect(rank >= previous)
                previous = rank
            }
        }
    }
}
