import Foundation
import PovReviewIO
import Testing

/// The analyst tables (outputs.md §3) on SampleData, each checked against a direct SQL reading of
/// the spec's definition over `household_status` (a different path from the stage's grouped cells).
@Suite("Analyst measures on SampleData")
struct AnalystMeasuresTests {
    @Test("unit_af_measures: N, q and Σ D of every village, commune and province equal a direct count over household_status")
    func afMeasuresMatchADirectCount() async throws {
        let db = try await SampleDataTests.database()
        let levels = [("village", "commune_code || '/' || village"), ("commune", "commune_code"), ("province", "province_code")]
        for k in [2, 3, 4] {
            for (level, code) in levels {
                let direct = try db.rows(
                    """
                    SELECT review_year, standard, \(code) AS unit, count(*), sum(deprivation_count >= ?1),
                        ifnull(sum(CASE WHEN deprivation_count >= ?1 THEN deprivation_count END), 0)
                    FROM household_status GROUP BY review_year, standard, unit ORDER BY 1, 2, 3
                    """, [.integer(Int64(k))])
                let stored = try db.rows(
                    """
                    SELECT review_year, standard, unit_code, households, multidimensionally_poor, deprivations_of_poor
                    FROM unit_af_measures WHERE level = ? AND scope = 'all' AND k = ? ORDER BY 1, 2, 3
                    """, [.text(level), .integer(Int64(k))])
                #expect(!direct.isEmpty)
                #expect(stored == direct, "\(level), k = \(k)")
            }
        }
        // H, A and M0 from the integers: one division each.
        for row in try db.rows(
            "SELECT households, multidimensionally_poor, deprivations_of_poor, indicator_count, headcount_ratio, intensity, adjusted_headcount FROM unit_af_measures"
        ) {
            let (n, q, d, c) = (Double(row[0].int!), Double(row[1].int!), Double(row[2].int!), Double(row[3].int!))
            #expect(row[4].double == q / n)
            #expect(row[5].double == (q == 0 ? nil : d / (q * c)))
            #expect(row[6].double == d / (n * c))
        }
    }

    @Test("low_income scope with k = the standard's cut-off counts exactly the official poor")
    func lowIncomeScopeIsTheOfficialPoor() async throws {
        let db = try await SampleDataTests.database()
        let mismatches = try db.rows(
            """
            SELECT count(*), sum(m.multidimensionally_poor <> r.poor OR m.households <> r.poor_near_poor)
            FROM unit_af_measures m JOIN standards s ON s.standard = m.standard AND s.deprivation_cutoff = m.k
            JOIN unit_rates r USING (review_year, standard, level, unit_code)
            WHERE m.scope = 'low_income'
            """)
        #expect((mismatches[0][0].int ?? 0) > 0)
        #expect(mismatches[0][1].int == 0)
    }

    @Test("unit_af_indicators: contributions sum to 100 and censored counts sum to Σ D")
    func contributionsSumToHundred() async throws {
        let db = try await SampleDataTests.database()
        let rows = try db.rows(
            """
            SELECT sum(i.contribution_percent), sum(i.deprived_poor_households), m.deprivations_of_poor
            FROM unit_af_indicators i JOIN unit_af_measures m USING (review_year, standard, level, unit_code, scope, k)
            WHERE m.deprivations_of_poor > 0
            GROUP BY review_year, standard, level, unit_code, scope, k
            """)
        #expect(!rows.isEmpty)
        for row in rows {
            #expect(abs(row[0].double! - 100) < 1e-9)
            #expect(row[1].int == row[2].int)
        }
    }

    @Test("sensitivity: line +5% and cut-off k − 1 equal a direct count at the moved line (vn-2022, rural 1,500,000, urban 2,000,000)")
    func sensitivityMatchesADirectCount() async throws {
        let db = try await SampleDataTests.database()
        // Income basis: 100·I ≤ 105·line; score basis: 100·score ≤ 105·score line (140 / 175).
        let plus5 = try db.rows(
            """
            SELECT review_year, commune_code,
                sum(CASE WHEN (income_basis = 'income' AND income_per_capita * 100 <= 105 * (CASE area WHEN 'rural' THEN 1500000 ELSE 2000000 END))
                           OR (income_basis = 'score' AND income_score * 100 <= 105 * (CASE area WHEN 'rural' THEN 140 ELSE 175 END))
                         THEN deprivation_count >= 3 ELSE 0 END)
            FROM household_status WHERE standard = 'vn-2022' GROUP BY 1, 2 ORDER BY 1, 2
            """)
        let stored = try db.rows(
            """
            SELECT review_year, unit_code, poor FROM sensitivity
            WHERE standard = 'vn-2022' AND level = 'commune' AND scenario = 'line_plus_5' ORDER BY 1, 2
            """)
        #expect(!plus5.isEmpty && stored == plus5)
        let minus1 = try db.rows(
            """
            SELECT review_year, commune_code, sum(status IN ('poor', 'near_poor') AND deprivation_count >= 2),
                sum(status = 'near_poor' AND deprivation_count = 2)
            FROM household_status WHERE standard = 'vn-2022' GROUP BY 1, 2 ORDER BY 1, 2
            """)
        let storedMinus1 = try db.rows(
            """
            SELECT review_year, unit_code, poor, households_changing_status FROM sensitivity
            WHERE standard = 'vn-2022' AND level = 'commune' AND scenario = 'cutoff_minus_1' ORDER BY 1, 2
            """)
        #expect(storedMinus1 == minus1)
    }

    @Test("criteria_sensitivity re-decides every criteria result under each of the six scenarios")
    func criteriaSensitivityCoversEveryResult() async throws {
        let db = try await SampleDataTests.database()
        let results = try db.rows("SELECT count(*) FROM criteria_results")[0][0].int ?? 0
        let rows = try db.rows("SELECT count(*), count(DISTINCT scenario), sum(flipped <> (verdict <> official_verdict)) FROM criteria_sensitivity")
        #expect(results > 0)
        #expect(rows[0][0].int == results * 6)
        #expect(rows[0][1].int == 6)
        #expect(rows[0][2].int == 0)
        let official = try db.rows(
            """
            SELECT count(*) FROM criteria_sensitivity s JOIN criteria_results r
                USING (plan, criterion_id, level, unit_code, evaluation_year, standard)
            WHERE s.official_verdict <> r.verdict
            """)
        #expect(official[0][0].int == 0)
    }

    @Test("unit_changes: the province's whole-period poor-rate change equals the two unit_rates values")
    func unitChangesFromUnitRates() async throws {
        let db = try await SampleDataTests.database()
        let rates = try db.rows("SELECT review_year, poor_rate FROM unit_rates WHERE level = 'province' AND standard = 'vn-2022' ORDER BY 1")
        let change = try db.rows(
            """
            SELECT from_year, to_year, from_value, to_value, absolute_change, annualised_absolute FROM unit_changes
            WHERE level = 'province' AND standard = 'vn-2022' AND measure = 'poor_rate' AND kind = 'whole_period'
            """)
        let first = try #require(rates.first), last = try #require(rates.last)
        #expect(change.count == 1)
        #expect(change[0][0] == first[0] && change[0][1] == last[0])
        #expect(change[0][2] == first[1] && change[0][3] == last[1])
        let years = Double(last[0].int! - first[0].int!)
        #expect(change[0][4].double == last[1].double! - first[1].double!)
        #expect(change[0][5].double == (last[1].double! - first[1].double!) / years)
    }

    @Test("explain --unit without --plan shows depth, findings and robustness, in both languages")
    func explainUnit() async throws {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let workspace = try EndToEnd.workspace()
        let vi = try await EndToEnd.spawn(["explain", "--unit", "99", "--database", run.database.path], in: workspace)
        let en = try await EndToEnd.spawn(["explain", "--unit", "99", "--year", "2024", "--lang", "en", "--database", run.database.path], in: workspace)
        #expect(vi.status == 0 && en.status == 0, "\(vi.stderr)\(en.stderr)")
        #expect(vi.stdout.contains("== Độ sâu nghèo đa chiều (Alkire–Foster) — 99"))
        #expect(vi.stdout.contains("2025 · vn-2022 · k = 3: H = "))
        #expect(vi.stdout.contains("Đóng góp lớn nhất: "))
        #expect(vi.stdout.contains("== Dấu hiệu bất thường") && vi.stdout.contains("== Độ vững của kết quả đánh giá"))
        #expect(en.stdout.contains("2024 · vn-2022 · k = 3: H = ") && en.stdout.contains("Leading deprivations: "))
        let missing = try await EndToEnd.spawn(["explain", "--unit", "no-such-unit", "--database", run.database.path], in: workspace)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no analyst measures for unit no-such-unit"))
    }
}
