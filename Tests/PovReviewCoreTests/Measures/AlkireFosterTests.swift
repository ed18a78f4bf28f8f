import PovReviewCore
import Testing

/// Alkire–Foster measures on a hand-made unit (outputs.md §3), every value computed by hand.
@Suite struct AlkireFosterTests {
    /// The twelve indicators of vn-2022 (n = 12).
    static let indicators: [IndicatorID] = [
        .employment, .dependants, .nutrition, .healthInsurance, .adultEducation, .childSchooling,
        .housingQuality, .housingArea, .water, .latrine, .telecom, .informationAccess,
    ]

    /// Five households with D = 0, 1, 2, 3, 4; the household with D = j is deprived on the first
    /// j indicators (employment, dependants, nutrition, health_insurance). The D = 0 household is
    /// above the line; the others are at or below it (poor when D ≥ 3, else near-poor).
    static func unit() -> UnitCells {
        var cells = UnitCells()
        for d in 0...4 {
            var tally = CellTally()
            tally.households = 1
            for id in indicators.prefix(d) { tally.deprived[id.bit] = 1 }
            let status: HouseholdStatus = d == 0 ? .above : d >= 3 ? .poor : .nearPoor
            cells.add(StatusCell(basis: .income, band: d == 0 ? .above110 : .atOrBelowLine, deprivationCount: d, status: status), tally)
        }
        return cells
    }

    @Test func scopeAllWithCutoffThree() {
        let m = AFMeasure(cells: Self.unit(), indicators: Self.indicators, scope: .all, cutoff: 3)
        #expect(m.households == 5)
        #expect(m.multidimensionallyPoor == 2)  // D = 3 and D = 4
        #expect(m.deprivationsOfPoor == 7)  // 3 + 4
        #expect(m.headcountRatio == 0.4)  // H = 2/5
        #expect(m.intensity == 7.0 / 24.0)  // A = 7 / (2·12)
        #expect(abs(m.adjustedHeadcount - 7.0 / 60.0) < 1e-15)  // M0 = 7 / (5·12) = H·A
        #expect(abs(m.adjustedHeadcount - m.headcountRatio * m.intensity!) < 1e-15)
        // Uncensored: employment 4 of 5, dependants 3, nutrition 2, health insurance 1, others 0.
        #expect(m.indicators.prefix(5).map(\.deprived) == [4, 3, 2, 1, 0])
        #expect((0..<4).map { m.uncensoredHeadcount($0) } == [0.8, 0.6, 0.4, 0.2])
        // Censored (only D ≥ 3): employment 2, dependants 2, nutrition 2, health insurance 1.
        #expect(m.indicators.prefix(5).map(\.deprivedPoor) == [2, 2, 2, 1, 0])
        #expect((0..<4).map { m.censoredHeadcount($0) } == [0.4, 0.4, 0.4, 0.2])
        // Contributions 100·w·CH/M0 = 100·c/ΣD: 200/7, 200/7, 200/7, 100/7, then 0.
        let contributions = (0..<12).map { m.contributionPercent($0)! }
        #expect(abs(contributions[0] - 200.0 / 7.0) < 1e-12)
        #expect(abs(contributions[3] - 100.0 / 7.0) < 1e-12)
        #expect(contributions[4...].allSatisfy { $0 == 0 })
        #expect(abs(contributions.reduce(0, +) - 100) < 1e-12)
    }

    @Test func cutoffsTwoAndFour() {
        let two = AFMeasure(cells: Self.unit(), indicators: Self.indicators, scope: .all, cutoff: 2)
        #expect(two.multidimensionallyPoor == 3 && two.deprivationsOfPoor == 9)  // D = 2, 3, 4
        #expect(two.intensity == 9.0 / 36.0)
        let five = AFMeasure(cells: Self.unit(), indicators: Self.indicators, scope: .all, cutoff: 5)
        #expect(five.multidimensionallyPoor == 0)
        #expect(five.intensity == nil)
        #expect(five.adjustedHeadcount == 0)
        #expect(five.contributionPercent(0) == nil)
    }

    /// With k = the standard's cut-off (3), the low-income scope's q equals the official poor count.
    @Test func lowIncomeScopeMatchesTheOfficialPoorCount() {
        let cells = Self.unit()
        let m = AFMeasure(cells: cells, indicators: Self.indicators, scope: .lowIncome, cutoff: 3)
        let officialPoor = cells.cells.filter { $0.key.status == .poor }.reduce(0) { $0 + $1.value.households }
        #expect(m.households == 4)  // the D = 0 household is above the line
        #expect(m.multidimensionallyPoor == 2)
        #expect(m.multidimensionallyPoor == officialPoor)
        #expect(m.headcountRatio == 0.5)  // 2/4
        #expect(abs(m.adjustedHeadcount - 7.0 / 48.0) < 1e-15)
    }

    @Test func cutoffListAlwaysHoldsTheStandardsOwn() {
        var settings = MeasuresSettings()
        #expect(settings.cutoffs(standardCutoff: 3) == [2, 3, 4])
        #expect(settings.cutoffs(standardCutoff: 5) == [2, 3, 4, 5])
        settings.cutoffs = [4, 1]
        #expect(settings.cutoffs(standardCutoff: 2) == [1, 2, 4])
    }
}
