import PovReviewCore
import Testing

@Suite struct NationalTotalsTests {
    static let northern = SocioEconomicRegion.named("trung-du-mien-nui-phia-bac")!
    static let delta = SocioEconomicRegion.named("dong-bang-song-hong")!
    /// Vĩnh Phúc (26) in the delta up to 2024, merged into Phú Thọ (25) from 2025.
    static let regions = ProvinceRegionTable(entries: [
        .init(provinceCode: "25", provinceName: "Tỉnh Phú Thọ", region: northern, validFrom: nil, validTo: nil, provisional: false, line: 2),
        .init(provinceCode: "26", provinceName: "Tỉnh Vĩnh Phúc", region: delta, validFrom: nil, validTo: 2024, provisional: false, line: 3),
        .init(provinceCode: "01", provinceName: "Thành phố Hà Nội", region: delta, validFrom: nil, validTo: nil, provisional: false, line: 4),
    ])

    static func figures(
        _ province: UnitCode, year: Int = 2024, households: Int64, poor: Int64, nearPoor: Int64,
        insurance: Int64? = 0, source: String = "dump"
    ) -> ProvinceFigures {
        ProvinceFigures(
            reviewYear: year, standard: "vn-2022", province: province, provisionalStandard: false, denominatorSource: source,
            counts: [
                "households": households, "poor": poor, "near_poor": nearPoor, "poor_near_poor": poor + nearPoor,
                "ethnic_minority_households": 0, "ethnic_minority_poor": 0, "poor_deprived_health_insurance": insurance,
            ])
    }

    @Test func sumsCountsAndRecomputesRates() throws {
        // Hà Nội 1 poor of 3 (33.3%), Vĩnh Phúc 1 poor of 1,000 (0.1%): the delta is 2 of 1,003
        // (0.1994…%), not the mean of the two rates (16.7%).
        let rows = try NationalTotals.rows(
            provinces: [
                Self.figures("01", households: 3, poor: 1, nearPoor: 1, insurance: 1, source: "totals"),
                Self.figures("26", households: 1_000, poor: 1, nearPoor: 9, insurance: 0),
                Self.figures("25", households: 500, poor: 5, nearPoor: 10, insurance: 4),
            ], regions: Self.regions)
        #expect(rows.map(\.unitCode) == ["trung-du-mien-nui-phia-bac", "dong-bang-song-hong", "VN"])
        let delta = rows[1]
        #expect(delta.counts["households"] == 1_003 && delta.counts["poor"] == 2 && delta.counts["near_poor"] == 10)
        #expect(delta.poorRate == 200.0 / 1_003.0)
        #expect(delta.poorNearPoorRate == 1_200.0 / 1_003.0)
        #expect(delta.ethnicMinorityPoorRate == nil)
        #expect(delta.denominatorSource == "mixed" && rows[0].denominatorSource == "dump")
        #expect(delta.counts["poor_deprived_health_insurance"] == 1)
        let country = rows[2]
        #expect(country.counts["households"] == 1_503 && country.counts["poor"] == 7)
        #expect(country.poorRate == 700.0 / 1_503.0)
        #expect(country.provincesSummed == 3 && country.parentCode == nil && delta.parentCode == "VN")
        #expect(country.counts["poor_deprived_health_insurance"] == 5)
    }

    @Test func aCountNullInOneProvinceAndNotInAnotherIsAnError() {
        #expect(
            throws: NationalTotals.Problem.mixedNull(
                column: "poor_deprived_health_insurance", nullIn: "01", valueIn: "26", reviewYear: 2024, standard: "vn-2022")
        ) {
            try NationalTotals.rows(
                provinces: [
                    Self.figures("01", households: 3, poor: 1, nearPoor: 1, insurance: nil),
                    Self.figures("26", households: 10, poor: 1, nearPoor: 1, insurance: 1),
                ], regions: Self.regions)
        }
    }

    @Test func aProvinceWithoutRegionThatYearIsAnError() {
        // Vĩnh Phúc no longer exists in 2025.
        #expect(throws: NationalTotals.Problem.unknownProvince("26", reviewYear: 2025)) {
            try NationalTotals.rows(
                provinces: [Self.figures("26", year: 2025, households: 3, poor: 1, nearPoor: 1)],
                regions: Self.regions)
        }
    }

    @Test func gapsIgnoreProvincesMergedAwayByTheReform() {
        let gaps = RollupGaps.find(
            presence: [
                2023: ["01", "25"],
                2024: ["01", "25", "26"],
                2025: ["25"],
            ], regions: Self.regions)
        // 26 missing in 2023 (it existed); not in 2025 (merged into 25); 01 missing in 2025.
        #expect(
            gaps == [
                RollupGaps.Gap(reviewYear: 2023, province: "26", presentIn: [2024]),
                RollupGaps.Gap(reviewYear: 2025, province: "01", presentIn: [2023, 2024]),
            ])
    }
}
