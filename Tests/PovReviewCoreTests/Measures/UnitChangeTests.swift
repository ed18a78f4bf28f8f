import PovReviewCore
import Testing

/// `unit_changes` on hand-computed cases (outputs.md §3).
@Suite struct UnitChangeTests {
    @Test func aRateRisingFromZeroAndFallingToZero() {
        let changes = UnitChange.changes(of: .poorRate, values: [2021: 0, 2022: 5, 2023: 0], standardYears: [2021, 2022, 2023])
        #expect(changes.count == 3)
        let rise = changes[0]
        #expect((rise.kind, rise.fromYear, rise.toYear) == (.consecutive, 2021, 2022))
        #expect(rise.absoluteChange == 5 && rise.annualisedAbsolute == 5)
        #expect(rise.relativeChangePercent == nil)  // from = 0
        #expect(rise.annualisedRelativePercent == nil)  // from = 0
        let fall = changes[1]
        #expect(fall.absoluteChange == -5)
        #expect(fall.relativeChangePercent == -100)  // 100·(0 − 5)/5
        #expect(fall.annualisedRelativePercent == nil)  // to = 0
        let whole = changes[2]
        #expect((whole.kind, whole.fromYear, whole.toYear) == (.wholePeriod, 2021, 2023))
        #expect(whole.absoluteChange == 0 && whole.relativeChangePercent == nil)
    }

    @Test func wholePeriodAnnualisation() {
        // 16% to 4% over 2021–2025: −12 points, −3 points a year, −75%, and
        // 100·((4/16)^(1/4) − 1) = 100·(1/√2 − 1) = −29.289321881345245…
        let changes = UnitChange.changes(of: .poorRate, values: [2021: 16, 2025: 4], standardYears: [2021, 2022, 2023, 2024, 2025])
        #expect(changes.count == 1)  // no consecutive pair: 2022–2024 are missing
        let whole = changes[0]
        #expect(whole.kind == .wholePeriod && whole.absoluteChange == -12 && whole.annualisedAbsolute == -3)
        #expect(whole.relativeChangePercent == -75)
        #expect(abs(whole.annualisedRelativePercent! - (-29.289321881345245)) < 1e-12)
    }

    /// A commune created by the 2025 reform has data in 2025 and 2026 only: one consecutive row,
    /// no whole-period row (the standard's period starts in 2021), none across its absence.
    @Test func aUnitAppearingAfterTheReform() {
        let changes = UnitChange.changes(
            of: .poorRate, values: [2025: 10, 2026: 8],
            standardYears: [2021, 2022, 2023, 2024, 2025, 2026])
        #expect(changes.count == 1)
        #expect((changes[0].kind, changes[0].fromYear, changes[0].toYear) == (.consecutive, 2025, 2026))
        #expect(changes[0].relativeChangePercent == -20)
        let gap = UnitChange.changes(of: .poorRate, values: [2023: 10, 2025: 8], standardYears: [2023, 2024, 2025])
        #expect(gap.map(\.kind) == [.wholePeriod])  // no consecutive row across 2024
    }
}
