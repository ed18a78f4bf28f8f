import Foundation
import PovReviewIO
import Testing

// The tiny province (Fixtures/tiny), computed by hand from standards.md and outputs.md.
//
// Province 77 > district 771 > communes 77001 (ethnic region II) and 77002. Villages:
//   A = 77001/"Thôn Hoà An" (spelled "Thôn Hòa An" in 2022 and 2024, "Thôn Hoà An" in 2023),
//   B = 77001/"Bản Pác", C = 77002/"Thôn Đông". All households rural (line 1,500,000; upper
//   bound of the average band 2,250,000; score line 140), 4 members unless said otherwise.
// A household deprived on nothing has 1 dependant, 60 m², piped water, a septic latrine, 2
// internet users, 2 devices, loudspeaker access, 2 members with labour capacity. Deprivations:
//   E employment (1 without job), DP, N nutrition, HI health insurance (1 uninsured),
//   W water (surface), L latrine (none), T telecom (0 internet users).
//
// id   village eth  2022                 2023                       2024
// H01  A       1    1,500,000 HI W L     same: at the line, D=3     same
//                   (2 dependants of 4 = exactly half, 32 m² = exactly 8 m²/person: not deprived)
//                   → poor               → poor                     → poor
// H02  A       1    —                    1,200,000 HI T, half       1,200,000 HI T L
//                                        dependants, 8 m²/person    → poor
//                                        → near_poor (D=2)
// H03  A       0    —                    1,000,000 E HI W L → poor  2,000,000 E HI W L → average
// H04  A       1    —                    income 1,400,000, score    score 130, no income, HI W
//                                        150, HI W L → score basis,  → near_poor (score)
//                                        150 > 140 → above (D=3)
// H05  B       1    —                    900,000 N W T, no labour   —
//                                        capacity → poor
// H06  B       1    —                    —                          800,000 HI W L T, 5 members
//                                                                   → poor (D=4)
// H07  B       0    1,000,000 E HI T     2,500,000 → above          1,100,000 E HI T → poor
//                   → poor
// H08  C       0    2,400,000 → above    2,400,000 → above          1,300,000 HI W L → poor
// H09  C       0    —                    1,500,001 E HI W L →       2,250,000 E → average
//                                        average (D=4)
// H10  C       0    —                    3,000,000 → above          2,250,001 → above
// H11  C       0    —                    1,450,000 HI → near_poor   1,600,000 HI → average
// H12  C       0    —                    1,000,000 HI W L, social   1,000,000 HI W, social
//                                        protection → poor          protection → near_poor
// H13  B       1    —                    1,300,000 HI W → near_poor same → near_poor
// H14  B       0    —                    1,350,000 T → near_poor    —
// H15  A       0    —                    —                          1,200,000 T → near_poor
// H16  C       0    1,400,000 HI         2,300,000 → above          1,400,000 HI → near_poor
//                   → near_poor
// H17  A       0    —                    —                          5,000,000 → above
// H18  B       0    —                    2,600,000 → above          —
//
// Bad rows: households_2023.csv line 8 (H23) has one field fewer than the header;
// households_2024.csv: H19 on lines 6 and 21 (both valid: both duplicate_household), line 9 H20
// members -2, line 13 H21 commune 77999, line 17 H22 housing_type "brick".

@Suite("Tiny hand-computed province, end to end")
struct TinyProvinceTests {
    struct Status: CustomTestStringConvertible, Sendable {
        var year: Int, id: String, village: String, status: String, deprivations: Int, basis: String
        init(_ year: Int, _ id: String, _ village: String, _ status: String, _ deprivations: Int, _ basis: String = "income") {
            (self.year, self.id, self.village, self.status, self.deprivations, self.basis) = (year, id, village, status, deprivations, basis)
        }
        var testDescription: String { "\(year) \(id)" }
    }

    static let a = "Thôn Hoà An", b = "Bản Pác", c = "Thôn Đông"

    static let statuses: [Status] = [
        Status(2022, "H01", a, "poor", 3), Status(2022, "H07", b, "poor", 3),
        Status(2022, "H08", c, "above", 0), Status(2022, "H16", c, "near_poor", 1),

        Status(2023, "H01", a, "poor", 3), Status(2023, "H02", a, "near_poor", 2),
        Status(2023, "H03", a, "poor", 4), Status(2023, "H04", a, "above", 3, "score"),
        Status(2023, "H05", b, "poor", 3), Status(2023, "H07", b, "above", 0),
        Status(2023, "H08", c, "above", 0), Status(2023, "H09", c, "average", 4),
        Status(2023, "H10", c, "above", 0), Status(2023, "H11", c, "near_poor", 1),
        Status(2023, "H12", c, "poor", 3), Status(2023, "H13", b, "near_poor", 2),
        Status(2023, "H14", b, "near_poor", 1), Status(2023, "H16", c, "above", 0),
        Status(2023, "H18", b, "above", 0),

        Status(2024, "H01", a, "poor", 3), Status(2024, "H02", a, "poor", 3),
        Status(2024, "H03", a, "average", 4), Status(2024, "H04", a, "near_poor", 2, "score"),
        Status(2024, "H06", b, "poor", 4), Status(2024, "H07", b, "poor", 3),
        Status(2024, "H08", c, "poor", 3), Status(2024, "H09", c, "average", 1),
        Status(2024, "H10", c, "above", 0), Status(2024, "H11", c, "average", 1),
        Status(2024, "H12", c, "near_poor", 2), Status(2024, "H13", b, "near_poor", 2),
        Status(2024, "H15", a, "near_poor", 1), Status(2024, "H16", c, "near_poor", 1),
        Status(2024, "H17", a, "above", 0),
    ]

    @Test("household_status: status, deprivation count, basis and canonical village", arguments: statuses)
    func householdStatus(_ expected: Status) async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows(
            """
            SELECT status, deprivation_count, income_basis, village, standard, province_code, district_code, commune_code
            FROM household_status WHERE review_year = ? AND household_id = ?
            """, [.integer(Int64(expected.year)), .text(expected.id)])
        try #require(rows.count == 1, "one row per household, year and standard (only vn-2022 before 2026)")
        let row = rows[0]
        #expect(row[0].string == expected.status)
        #expect(row[1].int == expected.deprivations)
        #expect(row[2].string == expected.basis)
        #expect(row[3].string == expected.village)
        #expect(row[4].string == "vn-2022")
        #expect(row[5].string == "77")
        #expect(row[6].string == "771")
        #expect(row[7].string == (expected.village == Self.c ? "77002" : "77001"))
    }

    @Test("household_status holds exactly the accepted households: none of the quarantined ids")
    func householdStatusHasOnlyAcceptedRows() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows("SELECT review_year, household_id FROM household_status ORDER BY 1, 2")
        let stored = rows.map { "\($0[0].int!) \($0[1].string!)" }
        let expected = Self.statuses.map { "\($0.year) \($0.id)" }.sorted()
        #expect(stored == expected)
    }

    @Test("Boundary indicators: half dependants and exactly 8 m² per person are not deprivations")
    func boundaryIndicators() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        // H02 in 2023: 2 of 4 members dependants (2·2 > 4 is false), 32 m² for 4 (32 < 32 is
        // false); deprived on health insurance and telecom only, so D = 2 → near-poor.
        let h02 = try db.rows(
            """
            SELECT deprived_dependants, deprived_housing_area, deprived_health_insurance, deprived_telecom,
                   deprived_water, deprived_information_access, deprived_digital_services, deprived_waste
            FROM household_status WHERE review_year = 2023 AND household_id = 'H02'
            """)[0]
        #expect(h02 == [.integer(0), .integer(0), .integer(1), .integer(1), .integer(0), .integer(0), .null, .null])
        // H05 (2023) has no member with labour capacity; H12 (2023) has a social-protection member.
        let flags = try db.rows(
            """
            SELECT household_id, without_labour_capacity, with_social_protection FROM household_status
            WHERE review_year = 2023 AND household_id IN ('H05', 'H12', 'H01') ORDER BY household_id
            """)
        #expect(
            flags == [
                [.text("H01"), .integer(0), .integer(0)], [.text("H05"), .integer(1), .integer(0)],
                [.text("H12"), .integer(0), .integer(1)],
            ])
        // H04 (2024) has only a score: income NULL, score 130.
        let h04 = try db.rows("SELECT income_per_capita, income_score FROM household_status WHERE review_year = 2024 AND household_id = 'H04'")
        #expect(h04 == [[.null, .integer(130)]])
    }

    @Test("Income and score that disagree give a warning at the row, not a quarantine")
    func disagreementWarning() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        // H04 is line 5 of households_2023.csv: income 1,400,000 ≤ 1,500,000 but score 150 > 140.
        let rows = try db.rows("SELECT count(*) FROM warnings WHERE source_file = 'households_2023.csv' AND line = 5")
        #expect(rows[0][0].int == 1)
    }

    // MARK: unit_rates

    struct Rate: CustomTestStringConvertible, Sendable {
        var year: Int, level: String, code: String, parent: String?
        var households: Int, poor: Int, nearPoor: Int, average: Int
        var ethnicHouseholds: Int, ethnicPoor: Int, poorMembers: Int, nearPoorMembers: Int
        var poorWithoutLabour: Int, poorSpecialDifficulty: Int
        var testDescription: String { "\(year) \(level) \(code)" }
    }

    static func rate(
        _ year: Int, _ level: String, _ code: String, _ parent: String?, hh: Int, p: Int, n: Int, avg: Int,
        em: Int, emPoor: Int, pm: Int, nm: Int, wlc: Int = 0, sd: Int = 0
    ) -> Rate {
        Rate(
            year: year, level: level, code: code, parent: parent, households: hh, poor: p, nearPoor: n, average: avg,
            ethnicHouseholds: em, ethnicPoor: emPoor, poorMembers: pm, nearPoorMembers: nm,
            poorWithoutLabour: wlc, poorSpecialDifficulty: sd)
    }

    static let va = TinyProvince.villageA, vb = TinyProvince.villageB, vc = TinyProvince.villageC

    /// Every unit_rates row, counted from the table above. Members are 4 except H06 (5).
    static let rates: [Rate] = [
        // 2022: A {H01 poor}, B {H07 poor}, C {H08 above, H16 near-poor}.
        rate(2022, "village", va, "77001", hh: 1, p: 1, n: 0, avg: 0, em: 1, emPoor: 1, pm: 4, nm: 0),
        rate(2022, "village", vb, "77001", hh: 1, p: 1, n: 0, avg: 0, em: 0, emPoor: 0, pm: 4, nm: 0),
        rate(2022, "village", vc, "77002", hh: 2, p: 0, n: 1, avg: 0, em: 0, emPoor: 0, pm: 0, nm: 4),
        rate(2022, "commune", "77001", "771", hh: 2, p: 2, n: 0, avg: 0, em: 1, emPoor: 1, pm: 8, nm: 0),
        rate(2022, "commune", "77002", "771", hh: 2, p: 0, n: 1, avg: 0, em: 0, emPoor: 0, pm: 0, nm: 4),
        rate(2022, "district", "771", "77", hh: 4, p: 2, n: 1, avg: 0, em: 1, emPoor: 1, pm: 8, nm: 4),
        rate(2022, "province", "77", nil, hh: 4, p: 2, n: 1, avg: 0, em: 1, emPoor: 1, pm: 8, nm: 4),
        // 2023: A {H01 p, H02 n, H03 p, H04 above}; B {H05 p (no labour), H07 above, H13 n, H14 n,
        // H18 above}; C {H08 above, H09 avg, H10 above, H11 n, H12 p (social protection), H16 above}.
        rate(2023, "village", va, "77001", hh: 4, p: 2, n: 1, avg: 0, em: 3, emPoor: 1, pm: 8, nm: 4),
        rate(2023, "village", vb, "77001", hh: 5, p: 1, n: 2, avg: 0, em: 2, emPoor: 1, pm: 4, nm: 8, wlc: 1, sd: 1),
        rate(2023, "village", vc, "77002", hh: 6, p: 1, n: 1, avg: 1, em: 0, emPoor: 0, pm: 4, nm: 4, sd: 1),
        rate(2023, "commune", "77001", "771", hh: 9, p: 3, n: 3, avg: 0, em: 5, emPoor: 2, pm: 12, nm: 12, wlc: 1, sd: 1),
        rate(2023, "commune", "77002", "771", hh: 6, p: 1, n: 1, avg: 1, em: 0, emPoor: 0, pm: 4, nm: 4, sd: 1),
        rate(2023, "district", "771", "77", hh: 15, p: 4, n: 4, avg: 1, em: 5, emPoor: 2, pm: 16, nm: 16, wlc: 1, sd: 2),
        rate(2023, "province", "77", nil, hh: 15, p: 4, n: 4, avg: 1, em: 5, emPoor: 2, pm: 16, nm: 16, wlc: 1, sd: 2),
        // 2024: A {H01 p, H02 p, H03 avg, H04 n, H15 n, H17 above}; B {H06 p (5 members), H07 p,
        // H13 n}; C {H08 p, H09 avg, H10 above, H11 avg, H12 n, H16 n}.
        rate(2024, "village", va, "77001", hh: 6, p: 2, n: 2, avg: 1, em: 3, emPoor: 2, pm: 8, nm: 8),
        rate(2024, "village", vb, "77001", hh: 3, p: 2, n: 1, avg: 0, em: 2, emPoor: 1, pm: 9, nm: 4),
        rate(2024, "village", vc, "77002", hh: 6, p: 1, n: 2, avg: 2, em: 0, emPoor: 0, pm: 4, nm: 8),
        rate(2024, "commune", "77001", "771", hh: 9, p: 4, n: 3, avg: 1, em: 5, emPoor: 3, pm: 17, nm: 12),
        rate(2024, "commune", "77002", "771", hh: 6, p: 1, n: 2, avg: 2, em: 0, emPoor: 0, pm: 4, nm: 8),
        rate(2024, "district", "771", "77", hh: 15, p: 5, n: 5, avg: 3, em: 5, emPoor: 3, pm: 21, nm: 20),
        rate(2024, "province", "77", nil, hh: 15, p: 5, n: 5, avg: 3, em: 5, emPoor: 3, pm: 21, nm: 20),
    ]

    @Test("unit_rates: counts and exact rates at every level", arguments: rates)
    func unitRates(_ expected: Rate) async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows(
            """
            SELECT parent_code, households, poor, near_poor, average, poor_near_poor, poor_rate, near_poor_rate,
                   poor_near_poor_rate, ethnic_minority_households, ethnic_minority_poor, ethnic_minority_poor_rate,
                   poor_without_labour_capacity, poor_special_difficulty, poor_members, near_poor_members,
                   denominator_source, standard
            FROM unit_rates WHERE review_year = ? AND level = ? AND unit_code = ?
            """, [.integer(Int64(expected.year)), .text(expected.level), .text(expected.code)])
        try #require(rows.count == 1)
        let r = rows[0]
        #expect(r[0].string == expected.parent)
        #expect(r[1].int == expected.households)
        #expect(r[2].int == expected.poor)
        #expect(r[3].int == expected.nearPoor)
        #expect(r[4].int == expected.average)
        #expect(r[5].int == expected.poor + expected.nearPoor)
        #expect(r[6].double == percent(expected.poor, expected.households))
        #expect(r[7].double == percent(expected.nearPoor, expected.households))
        #expect(r[8].double == percent(expected.poor + expected.nearPoor, expected.households))
        #expect(r[9].int == expected.ethnicHouseholds)
        #expect(r[10].int == expected.ethnicPoor)
        if expected.ethnicHouseholds == 0 {
            #expect(r[11] == .null, "no ethnic-minority household: the rate is NULL")
        } else {
            #expect(r[11].double == percent(expected.ethnicPoor, expected.ethnicHouseholds))
        }
        #expect(r[12].int == expected.poorWithoutLabour)
        #expect(r[13].int == expected.poorSpecialDifficulty)
        #expect(r[14].int == expected.poorMembers)
        #expect(r[15].int == expected.nearPoorMembers)
        #expect(r[16].string == "dump", "no totals file: every denominator is the dump's count")
        #expect(r[17].string == "vn-2022")
    }

    @Test("unit_rates has exactly these 21 rows, and villages keep one code and the canonical name across years")
    func unitRatesRowSet() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let keys = try db.rows("SELECT review_year, level, unit_code FROM unit_rates ORDER BY 1, 2, 3")
            .map { "\($0[0].int!) \($0[1].string!) \($0[2].string!)" }
        let expected = Self.rates.map { "\($0.year) \($0.level) \($0.code)" }
            .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        #expect(keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } == expected)
        let names = try db.rows("SELECT DISTINCT unit_name FROM unit_rates WHERE unit_code = ?", [.text(Self.va)])
        #expect(names == [[.text("Thôn Hoà An")]])
        let communes = try db.rows("SELECT DISTINCT unit_code, unit_name FROM unit_rates WHERE level = 'commune' ORDER BY 1")
        #expect(communes == [[.text("77001"), .text("Xã Núi Cao")], [.text("77002"), .text("Xã Đồng Bằng")]])
    }

    struct IndicatorCount: CustomTestStringConvertible, Sendable {
        var year: Int, code: String, column: String, value: Int?
        var testDescription: String { "\(year) \(code) \(column)" }
    }

    static let indicatorCounts: [IndicatorCount] = [
        // 2024 poor: H01 HI W L, H02 HI T L (A); H06 HI W L T, H07 E HI T (B); H08 HI W L (C).
        IndicatorCount(year: 2024, code: va, column: "poor_deprived_health_insurance", value: 2),
        IndicatorCount(year: 2024, code: vb, column: "poor_deprived_health_insurance", value: 2),
        IndicatorCount(year: 2024, code: "77", column: "poor_deprived_health_insurance", value: 5),
        IndicatorCount(year: 2024, code: "77001", column: "poor_deprived_water", value: 2),
        IndicatorCount(year: 2024, code: "77", column: "poor_deprived_water", value: 3),
        IndicatorCount(year: 2024, code: "77", column: "poor_deprived_telecom", value: 3),
        IndicatorCount(year: 2024, code: "77", column: "poor_deprived_employment", value: 1),
        IndicatorCount(year: 2024, code: "77", column: "poor_deprived_dependants", value: 0),
        IndicatorCount(year: 2024, code: "77", column: "poor_deprived_information_access", value: 0),
        IndicatorCount(year: 2024, code: "77", column: "poor_deprived_digital_services", value: nil),
        // 2024 near-poor: H04 HI W, H15 T (A); H13 HI W (B); H12 HI W, H16 HI (C).
        IndicatorCount(year: 2024, code: va, column: "near_poor_deprived_telecom", value: 1),
        IndicatorCount(year: 2024, code: "77", column: "near_poor_deprived_telecom", value: 1),
        IndicatorCount(year: 2024, code: "77", column: "near_poor_deprived_health_insurance", value: 4),
        IndicatorCount(year: 2024, code: "77002", column: "near_poor_deprived_water", value: 1),
        // 2023 poor: H01 HI W L, H03 E HI W L (A); H05 N W T (B); H12 HI W L (C).
        IndicatorCount(year: 2023, code: va, column: "poor_deprived_latrine", value: 2),
        IndicatorCount(year: 2023, code: "771", column: "poor_deprived_latrine", value: 3),
        IndicatorCount(year: 2023, code: "771", column: "poor_deprived_water", value: 4),
        IndicatorCount(year: 2023, code: vb, column: "poor_deprived_nutrition", value: 1),
        // 2023 near-poor: H02 HI T (A); H13 HI W, H14 T (B); H11 HI (C).
        IndicatorCount(year: 2023, code: "77", column: "near_poor_deprived_health_insurance", value: 3),
        IndicatorCount(year: 2023, code: "77001", column: "near_poor_deprived_telecom", value: 2),
    ]

    @Test("unit_rates: deprivations per indicator among poor and near-poor households", arguments: indicatorCounts)
    func indicatorCount(_ expected: IndicatorCount) async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows(
            "SELECT \(expected.column) FROM unit_rates WHERE review_year = ? AND unit_code = ?",
            [.integer(Int64(expected.year)), .text(expected.code)])
        try #require(rows.count == 1)
        #expect(rows[0][0] == (expected.value.map { .integer(Int64($0)) } ?? .null))
    }

    // MARK: transitions and dynamics

    static let transitions: [String] = [
        // 2022 → 2023: the 2022 households, and the 2023 ones that were absent in 2022.
        "H01 2022 poor poor stayed_poor", "H02 2022 absent near_poor entered_near_poor",
        "H03 2022 absent poor entered_poor", "H04 2022 absent above stayed_out",
        "H05 2022 absent poor entered_poor", "H07 2022 poor above escaped_above_near_poor",
        "H08 2022 above above stayed_out", "H09 2022 absent average stayed_out",
        "H10 2022 absent above stayed_out", "H11 2022 absent near_poor entered_near_poor",
        "H12 2022 absent poor entered_poor", "H13 2022 absent near_poor entered_near_poor",
        "H14 2022 absent near_poor entered_near_poor", "H16 2022 near_poor above escaped_near_poverty",
        "H18 2022 absent above stayed_out",
        // 2023 → 2024: every change code of outputs.md.
        "H01 2023 poor poor stayed_poor", "H02 2023 near_poor poor near_poor_to_poor",
        "H03 2023 poor average escaped_above_near_poor",
        "H04 2023 above near_poor newly_near_poor",  // never near-poor or poor before
        "H05 2023 poor absent poor_left", "H06 2023 absent poor entered_poor",
        "H07 2023 above poor fell_back_poor",  // poor in 2022
        "H08 2023 above poor newly_poor",  // above in 2022 too
        "H09 2023 average average stayed_out", "H10 2023 above above stayed_out",
        "H11 2023 near_poor average escaped_near_poverty", "H12 2023 poor near_poor poor_to_near_poor",
        "H13 2023 near_poor near_poor stayed_near_poor", "H14 2023 near_poor absent near_poor_left",
        "H15 2023 absent near_poor entered_near_poor",
        "H16 2023 above near_poor fell_back_near_poor",  // near-poor in 2022
        "H17 2023 absent above stayed_out", "H18 2023 above absent stayed_out",
    ]

    @Test("household_transitions: one row per household and pair of years, with the change code")
    func householdTransitions() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows(
            """
            SELECT household_id, from_year, to_year, standard, from_status, to_status, change
            FROM household_transitions ORDER BY from_year, household_id
            """)
        for row in rows {
            #expect(row[2].int == row[1].int! + 1)
            #expect(row[3].string == "vn-2022")
        }
        let stored = rows.map { "\($0[0].string!) \($0[1].int!) \($0[4].string!) \($0[5].string!) \($0[6].string!)" }
        #expect(stored == Self.transitions)
    }

    struct Dynamics: CustomTestStringConvertible, Sendable {
        var level: String, code: String, toYear: Int
        /// start, poor_to_near_poor, escaped_above, left, from_near_poor, fell_back, newly, entered, end
        var poor: [Int]
        /// start, to_poor, escaped, left, from_poor, fell_back, newly, entered, end
        var nearPoor: [Int]
        var testDescription: String { "\(level) \(code) → \(toYear)" }
    }

    static let dynamics: [Dynamics] = [
        // A: poor H01 stays, H03 escapes, H02 comes from near-poor; near-poor H02 leaves for poor,
        // H04 newly near-poor, H15 enters.
        Dynamics(level: "village", code: va, toYear: 2024, poor: [2, 0, 1, 0, 1, 0, 0, 0, 2], nearPoor: [1, 1, 0, 0, 0, 0, 1, 1, 2]),
        // B: poor H05 leaves, H07 falls back, H06 enters; near-poor H13 stays, H14 leaves.
        Dynamics(level: "village", code: vb, toYear: 2024, poor: [1, 0, 0, 1, 0, 1, 0, 1, 2], nearPoor: [2, 0, 0, 1, 0, 0, 0, 0, 1]),
        // C: poor H12 → near-poor, H08 newly poor; near-poor H11 escapes, H12 from poor, H16 falls back.
        Dynamics(level: "village", code: vc, toYear: 2024, poor: [1, 1, 0, 0, 0, 0, 1, 0, 1], nearPoor: [1, 0, 1, 0, 1, 1, 0, 0, 2]),
        Dynamics(level: "commune", code: "77001", toYear: 2024, poor: [3, 0, 1, 1, 1, 1, 0, 1, 4], nearPoor: [3, 1, 0, 1, 0, 0, 1, 1, 3]),
        Dynamics(level: "province", code: "77", toYear: 2024, poor: [4, 1, 1, 1, 1, 1, 1, 1, 5], nearPoor: [4, 1, 1, 1, 1, 1, 1, 1, 5]),
        // 2022 → 2023: poor H01 stays, H07 escapes, H03 H05 H12 enter; near-poor H16 escapes,
        // H02 H11 H13 H14 enter.
        Dynamics(level: "province", code: "77", toYear: 2023, poor: [2, 0, 1, 0, 0, 0, 0, 3, 4], nearPoor: [1, 0, 1, 0, 0, 0, 0, 4, 4]),
        Dynamics(level: "district", code: "771", toYear: 2023, poor: [2, 0, 1, 0, 0, 0, 0, 3, 4], nearPoor: [1, 0, 1, 0, 0, 0, 0, 4, 4]),
    ]

    static let dynamicsColumns = """
        poor_start, poor_to_near_poor, poor_escaped_above, poor_left, poor_from_near_poor, poor_fell_back,
        poor_newly, poor_entered, poor_end, near_poor_start, near_poor_to_poor, near_poor_escaped, near_poor_left,
        near_poor_from_poor, near_poor_fell_back, near_poor_newly, near_poor_entered, near_poor_end
        """

    @Test("unit_dynamics: the report form's columns per unit", arguments: dynamics)
    func unitDynamics(_ expected: Dynamics) async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows(
            """
            SELECT \(Self.dynamicsColumns) FROM unit_dynamics
            WHERE level = ? AND unit_code = ? AND to_year = ? AND standard = 'vn-2022'
            """, [.text(expected.level), .text(expected.code), .integer(Int64(expected.toYear))])
        try #require(rows.count == 1)
        let values = rows[0].map { $0.int ?? -1 }
        #expect(Array(values[0..<9]) == expected.poor)
        #expect(Array(values[9..<18]) == expected.nearPoor)
    }

    @Test("unit_dynamics reconciles for every unit, and starts and ends on unit_rates' counts")
    func dynamicsReconcile() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        try DynamicsCheck.expectReconciled(db, expectedRows: 2 * 7)
    }

    // MARK: run log

    @Test("quarantine: file, line, column and reason of every rejected row")
    func quarantine() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows("SELECT source_file, line, column_name, reason, message, raw FROM quarantine ORDER BY source_file, line")
        let keys = rows.map { "\($0[0].string!):\($0[1].int!) \($0[2].string ?? "-") \($0[3].string!)" }
        #expect(
            keys == [
                "households_2023.csv:8 - malformed_row",  // one field fewer than the header
                "households_2024.csv:6 household_id duplicate_household",  // H19, also on line 21
                "households_2024.csv:9 members invalid_number",  // members -2
                "households_2024.csv:13 commune_code unknown_unit",  // commune 77999
                "households_2024.csv:17 housing_type invalid_enum",  // "brick"
                "households_2024.csv:21 household_id duplicate_household",
            ])
        for row in rows { #expect(!(row[4].string ?? "").isEmpty, "every quarantined row has a message") }
        #expect(rows[4][5].string?.contains("brick") == true, "raw keeps the row's text")
        #expect(rows[4][5].string?.hasPrefix("2024,H22,") == true)
    }

    @Test("input_files: rows read = accepted + quarantined per dump; other files in the folder are not dumps")
    func inputFiles() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        let rows = try db.rows("SELECT path, rows_read, rows_accepted, rows_quarantined FROM input_files ORDER BY path")
        #expect(
            rows == [
                [.text("households_2022.csv"), .integer(4), .integer(4), .integer(0)],
                [.text("households_2023.csv"), .integer(16), .integer(15), .integer(1)],
                [.text("households_2024.csv"), .integer(20), .integer(15), .integer(5)],
            ])
        // Accepted rows are exactly the household_status rows; quarantined ones the quarantine rows.
        let accepted = try db.rows("SELECT count(*) FROM household_status")[0][0].int
        let quarantined = try db.rows("SELECT count(*) FROM quarantine")[0][0].int
        #expect(accepted == 34)
        #expect(quarantined == 6)
        let runs = try db.rows("SELECT run_id, status, pipeline FROM runs")
        #expect(runs == [[.integer(1), .text("succeeded"), .text("tiny")]])
    }

    @Test("criteria_results: national-666 without the 2021 baseline is insufficient data everywhere")
    func criteriaWithoutBaseline() async throws {
        let db = try EndToEnd.open(try await TinyProvince.shared.value)
        // Evaluation years 2022–2024 (baseline 2021 + 1 to the last year). Applicable units: the
        // province (`province`), district 771, not a poor district (`district-other`), commune
        // 77001 in ethnic region II (`commune-ethnic-region`; 77002 has no region and is not
        // coastal, so it gets no row), and the three villages (`village`). Every rule needs
        // 2021 (the baseline, or T−3 for the 3-year decreases), which is not in the data.
        let rows = try db.rows(
            """
            SELECT evaluation_year, criterion_id, level, unit_code, verdict, borderline, standard
            FROM criteria_results WHERE plan = 'national-666' ORDER BY evaluation_year, level, unit_code
            """)
        var expected: [[SQLiteValue]] = []
        for year in 2022...2024 {
            let y = SQLiteValue.integer(Int64(year))
            expected += [
                [y, .text("commune-ethnic-region"), .text("commune"), .text("77001")],
                [y, .text("district-other"), .text("district"), .text("771")],
                [y, .text("province"), .text("province"), .text("77")],
                [y, .text("village"), .text("village"), .text(Self.vb)],
                [y, .text("village"), .text("village"), .text(Self.va)],
                [y, .text("village"), .text("village"), .text(Self.vc)],
            ].map { $0 + [.text("insufficient_data"), .integer(0), .text("vn-2022")] }
        }
        // Village codes sort by code point: "77001/Bản…" < "77001/Thôn…" < "77002/…".
        #expect(rows == expected)
        #expect(try db.rows("SELECT count(*) FROM criteria_results WHERE plan <> 'national-666'")[0][0].int == 0)
    }
}

/// The reconciliation of `unit_dynamics` (outputs.md): for every row, the end of each stock is
/// its start minus the decreases plus the increases, and start and end are the poor and
/// near-poor counts of `unit_rates` in `from_year` and `to_year` (0 where the unit has no row).
enum DynamicsCheck {
    static func expectReconciled(_ db: SQLiteDatabase, expectedRows: Int? = nil) throws {
        let rows = try db.rows(
            """
            SELECT d.level, d.unit_code, d.standard, d.to_year,
                   d.poor_start, d.poor_to_near_poor + d.poor_escaped_above + d.poor_left,
                   d.poor_from_near_poor + d.poor_fell_back + d.poor_newly + d.poor_entered, d.poor_end,
                   d.near_poor_start, d.near_poor_to_poor + d.near_poor_escaped + d.near_poor_left,
                   d.near_poor_from_poor + d.near_poor_fell_back + d.near_poor_newly + d.near_poor_entered, d.near_poor_end,
                   coalesce(f.poor, 0), coalesce(t.poor, 0), coalesce(f.near_poor, 0), coalesce(t.near_poor, 0)
            FROM unit_dynamics d
            LEFT JOIN unit_rates f ON f.review_year = d.from_year AND f.standard = d.standard AND f.level = d.level AND f.unit_code = d.unit_code
            LEFT JOIN unit_rates t ON t.review_year = d.to_year AND t.standard = d.standard AND t.level = d.level AND t.unit_code = d.unit_code
            """)
        if let expectedRows { #expect(rows.count == expectedRows) }
        #expect(!rows.isEmpty)
        for row in rows {
            let v = row[4...].map { $0.int ?? -1 }
            let unit = "\(row[0].string!) \(row[1].string!) \(row[2].string!) → \(row[3].int!)"
            #expect(v[3] == v[0] - v[1] + v[2], "poor does not reconcile for \(unit)")
            #expect(v[7] == v[4] - v[5] + v[6], "near-poor does not reconcile for \(unit)")
            #expect(v[0] == v[8] && v[3] == v[9], "poor start/end differ from unit_rates for \(unit)")
            #expect(v[4] == v[10] && v[7] == v[11], "near-poor start/end differ from unit_rates for \(unit)")
        }
    }
}
