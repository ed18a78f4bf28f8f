import Foundation
import PovReviewCore
import PovReviewIO
import Testing

/// The provisional plan `ntp-2026-2030` on generated review years 2025–2028 (across the change
/// of standard), through `Pipelines/examples/ntp-2026-2030.yaml` with `--inputs/--admin`:
/// structural facts, each checked against `unit_rates` rather than the evaluator's own numbers.
@Suite("ntp-2026-2030 on generated 2025–2028 data")
struct NTPGeneratedDataTests {
    static let run = Task { () throws -> (database: URL, workspace: URL, status: Int32) in
        let workspace = try EndToEnd.workspace("ntp-generated")
        let data = workspace.appendingPathComponent("data")
        let generated = await EndToEnd.povreview(
            ["sample", "--households", "1500", "--years", "2025-2028", "--out", data.path])
        try #require(generated == 0)
        let database = workspace.appendingPathComponent("ntp.sqlite")
        let pipeline = EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/examples/ntp-2026-2030.yaml")
        let status = await EndToEnd.povreview(
            [
                "run", "--pipeline", pipeline.path, "--inputs", data.path,
                "--admin", data.appendingPathComponent("admin_units.csv").path,
                "--crosswalk", data.appendingPathComponent("crosswalk.csv").path,
                "--database", database.path, "--exports", workspace.appendingPathComponent("exports").path, "--quiet",
            ])
        return (database, workspace, status)
    }

    static func database() async throws -> SQLiteDatabase {
        let result = try await run.value
        try #require(EndToEnd.published(result.status), "povreview run of the ntp example exited with \(result.status)")
        return try EndToEnd.open(result.database)
    }

    @Test("The generated 2026 dump is classified under both standards, 2027–2028 under vn-2027 only")
    func standardsPerYear() async throws {
        let db = try await Self.database()
        let rows = try db.rows("SELECT review_year, standard FROM household_status GROUP BY 1, 2 ORDER BY 1, 2")
        #expect(
            rows.map { "\($0[0].int!) \($0[1].string!)" } == [
                "2025 vn-2022", "2026 vn-2022", "2026 vn-2027", "2027 vn-2027", "2028 vn-2027",
            ])
    }

    @Test("Rows at 2027 and 2028 only, all vn-2027, every figure vn-2027, all provisional; no 2030 row")
    func structure() async throws {
        let db = try await Self.database()
        let rows = try db.rows(
            """
            SELECT criterion_id, level, unit_code, evaluation_year, standard, verdict, evidence, explanation_vi, explanation_en
            FROM criteria_results WHERE plan = 'ntp-2026-2030'
            """)
        try #require(!rows.isEmpty)
        #expect(Set(rows.map { $0[3].int! }) == [2027, 2028])
        #expect(Set(rows.map { $0[4].string! }) == ["vn-2027"])
        #expect(Set(rows.map { $0[0].string! }) == ["province-pn-decrease", "commune-pn-decrease"])
        for row in rows {
            let evidence = try Evidence(jsonText: row[6].string!)
            // No vn-2022 figure is ever compared with a vn-2027 one.
            #expect(evidence.years?.allSatisfy { $0.standard == "vn-2027" } ?? true)
            #expect(evidence.provisional == true)
            #expect(evidence.provisionalReasons?.map(\.code).contains("standard") == true)
            #expect(row[7].string!.contains("(tạm tính:"))
            #expect(row[8].string!.contains("(provisional:"))
        }
    }

    @Test("2027 verdicts compare with the 2026 vn-2027 baseline, recomputed from unit_rates counts")
    func baselineIs2026UnderVN2027() async throws {
        let db = try await Self.database()
        let rates = try db.rows(
            """
            SELECT level, unit_code, review_year, poor + near_poor, households FROM unit_rates
            WHERE standard = 'vn-2027' AND level IN ('province', 'commune') AND review_year IN (2026, 2027)
            """)
        var pn: [String: (Int, Int)] = [:]
        for r in rates { pn["\(r[0].string!) \(r[1].string!) \(r[2].int!)"] = (r[3].int!, r[4].int!) }
        let rows = try db.rows(
            """
            SELECT level, unit_code, verdict, evidence FROM criteria_results
            WHERE plan = 'ntp-2026-2030' AND evaluation_year = 2027
            """)
        var judged = 0
        for row in rows {
            let level = row[0].string!, code = row[1].string!
            guard let (pn26, h26) = pn["\(level) \(code) 2026"], let (pn27, h27) = pn["\(level) \(code) 2027"] else { continue }
            // Exact: decrease ≥ 1 ⇔ 100·pn26·h27 − 100·pn27·h26 ≥ h26·h27 (cross-multiplied counts).
            let lhs = 100 * pn26 * h27 - 100 * pn27 * h26
            let expected: String = pn26 == 0 ? "not_applicable" : (lhs >= h26 * h27 ? "met" : "not_met")
            #expect(row[2].string! == expected, "\(level) \(code)")
            let evidence = try Evidence(jsonText: row[3].string!)
            if pn26 != 0 {
                #expect(evidence.years?.first?.year == 2026)
                #expect(evidence.years?.first?.numerator == Rational(pn26))
                #expect(evidence.years?.first?.denominator == Rational(h26))
            }
            judged += 1
        }
        #expect(judged == rows.count)
        #expect(judged > 1)
    }

    @Test("The review-results CSV marks every vn-2027 row provisional and no vn-2022 row")
    func provisionalMarkInExports() async throws {
        _ = try await Self.database()
        let result = try await Self.run.value
        let csv = try String(contentsOf: result.workspace.appendingPathComponent("exports/01-ket-qua-ra-soat.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        let marked = lines.filter { $0.contains(",vn-2027 (tạm tính),") }
        #expect(!marked.isEmpty)
        #expect(!lines.contains { $0.contains(",vn-2027,") }, "a vn-2027 row without the mark")
        #expect(lines.contains { $0.contains(",vn-2022,") })
        #expect(!lines.contains { $0.contains("vn-2022 (tạm tính)") })
    }

    @Test("The HTML report and `explain` show the provisional mark")
    func provisionalMarkShown() async throws {
        _ = try await Self.database()
        let result = try await Self.run.value
        let html = try String(contentsOf: result.workspace.appendingPathComponent("exports/bao-cao-ntp-2026-2030.html"), encoding: .utf8)
        #expect(html.contains("† Tạm tính"))
        #expect(html.contains(", tạm tính:"))
        for (lang, label, mark) in [
            ("vi", "Tỉnh: tỷ lệ nghèo đa chiều giảm 1–1,5%/năm (tạm tính)", "(tạm tính: chuẩn nghèo đa chiều giai đoạn 2026–2030"),
            ("en", "Province: poverty rate down 1–1.5 points a year (provisional)", "(provisional: standard vn-2027"),
        ] {
            let output = try await EndToEnd.spawn(
                [
                    "explain", "--database", result.database.path, "--plan", "ntp-2026-2030", "--unit", "99", "--year", "2027",
                    "--lang", lang,
                ], in: result.workspace)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(output.stdout.contains(label))
            #expect(output.stdout.contains(mark), "\(output.stdout)")
        }
    }
}
