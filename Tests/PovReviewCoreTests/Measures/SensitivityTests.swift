import PovReviewCore
import Testing

/// Scenario statuses on a tiny set, computed by hand (outputs.md §3, `sensitivity`).
@Suite struct SensitivityTests {
    @Test func incomeBandsAreDecidedOnExactIntegers() {
        let line: Int64 = 1_500_000
        #expect(IncomeBand(value: 1_350_000, line: line) == .atOrBelow90)  // exactly 0.90·line
        #expect(IncomeBand(value: 1_350_001, line: line) == .below95)
        #expect(IncomeBand(value: 1_425_000, line: line) == .at95)  // exactly 0.95·line
        #expect(IncomeBand(value: 1_425_001, line: line) == .atOrBelowLine)
        #expect(IncomeBand(value: 1_500_000, line: line) == .atOrBelowLine)
        #expect(IncomeBand(value: 1_500_001, line: line) == .atOrBelow105)
        #expect(IncomeBand(value: 1_575_000, line: line) == .atOrBelow105)  // exactly 1.05·line
        #expect(IncomeBand(value: 1_575_001, line: line) == .atOrBelow110)
        #expect(IncomeBand(value: 1_650_001, line: line) == .above110)
    }

    /// h1 ≤ 0.9·line D=4 poor; h2 = 0.95·line D=3 poor; h3 in (0.95, 1]·line D=1 near-poor;
    /// h4 in (1, 1.05]·line D=3 average; h5 > 1.1·line D=0 above. Cut-off k = 3.
    static func cells() -> UnitCells {
        var cells = UnitCells()
        let rows: [(IncomeBand, Int, HouseholdStatus)] = [
            (.atOrBelow90, 4, .poor), (.at95, 3, .poor), (.atOrBelowLine, 1, .nearPoor),
            (.atOrBelow105, 3, .average), (.above110, 0, .above),
        ]
        for (band, d, status) in rows {
            var tally = CellTally()
            tally.households = 1
            tally.members = 4
            cells.add(StatusCell(basis: .income, band: band, deprivationCount: d, status: status), tally)
        }
        return cells
    }

    @Test(arguments: [
        // scenario, poor, near-poor, changing status
        (SensitivityScenario.lineMinus10, 1, 0, 2),  // h2, h3 leave (→ average)
        (.lineMinus5, 2, 0, 1),  // h3 leaves
        (.linePlus5, 3, 1, 1),  // h4 (D = 3) becomes poor
        (.linePlus10, 3, 1, 1),  // same: h5 is above 1.1·line
        (.cutoffMinus1, 2, 1, 0),  // k = 2: h3 has D = 1, still near-poor
        (.cutoffPlus1, 1, 2, 1),  // k = 4: h2 (D = 3) becomes near-poor
    ])
    func scenario(_ scenario: SensitivityScenario, poor: Int, nearPoor: Int, changing: Int) {
        let figures = ScenarioFigures(cells: Self.cells(), scenario: scenario, cutoff: 3, hasAverageBand: true)
        #expect(figures.poor == poor)
        #expect(figures.nearPoor == nearPoor)
        #expect(figures.householdsChangingStatus == changing)
        #expect(figures.poorMembers == 4 * poor)
    }

    @Test func leavingTheListWithoutAnAverageBandIsAbove() {
        let cell = StatusCell(basis: .income, band: .atOrBelowLine, deprivationCount: 1, status: .nearPoor)
        #expect(SensitivityScenario.lineMinus5.status(of: cell, cutoff: 3, hasAverageBand: false) == .above)
        #expect(SensitivityScenario.lineMinus5.status(of: cell, cutoff: 3, hasAverageBand: true) == .average)
    }
}

/// Number formats of the measures' text.
@Suite struct MeasureNumberTests {
    @Test func vietnameseAndEnglishFormats() {
        #expect(MeasureNumber.integer(2811, vietnamese: true) == "2.811")
        #expect(MeasureNumber.integer(2811, vietnamese: false) == "2,811")
        #expect(MeasureNumber.percent(5.5625, vietnamese: true) == "5,56%")  // exact in binary: half away from zero
        #expect(MeasureNumber.decimal(0.17391304, places: 4, vietnamese: true) == "0,1739")
        #expect(MeasureNumber.statistic(0.0000012612, vietnamese: true) == "1,26 × 10^-6")
        #expect(MeasureNumber.statistic(0.001, vietnamese: false) == "0.0010")
    }
}
