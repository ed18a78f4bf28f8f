import Foundation
import PovReviewIO
import Testing

/// Every explanation of SampleData (all five plans) and of two generated sets — a province
/// merged into another in 2025 (`tools/reference/make_plan_merge.py`: territory notes) and a
/// second sample province with another seed and code (42) and official totals — in both
/// languages: no English in Vietnamese (nor the reverse), no negative fall, no ungrouped number.
@Suite("Wording of the explanations", .serialized)
struct WordingTests {
    struct Problems: CustomStringConvertible {
        var lines: [String] = []
        var description: String { lines.prefix(30).joined(separator: "\n") }
    }

    /// Checks every `criteria_results` row of `database`; returns the problems found and the
    /// number of rows checked.
    static func check(_ database: URL) throws -> (Problems, Int) {
        let db = try EndToEnd.open(database)
        var names = try db.rows("SELECT DISTINCT unit_name FROM unit_rates").compactMap { $0[0].string }
        names += try db.rows("SELECT DISTINCT unit_name FROM criteria_results").compactMap { $0[0].string }
        // Names inside evidence (districts of an exit criterion, communes of an every-unit one).
        names += try db.rows("SELECT DISTINCT json_extract(u.value, '$.unit_name') FROM criteria_results, json_tree(evidence) u WHERE u.key = 'units'")
            .compactMap { $0[0].string }
        let rows = try db.rows("SELECT plan, criterion_id, unit_code, evaluation_year, explanation_vi, explanation_en FROM criteria_results")
        var problems = Problems()
        for row in rows {
            let key = "\(row[0].string!) \(row[1].string!) \(row[2].string!) \(row[3].int!)"
            let vi = row[4].string ?? "", en = row[5].string ?? ""
            func report(_ what: String, _ found: [String], _ text: String) {
                if !found.isEmpty { problems.lines.append("\(key): \(what) \(found) in:\n\(text)") }
            }
            report("English in Vietnamese", WordingCheck.englishInVietnamese(vi), vi)
            report("Vietnamese in English", WordingCheck.vietnameseInEnglish(en, names: names), en)
            report("negative fall", WordingCheck.negativeFalls(vi) + WordingCheck.negativeFalls(en), vi + "\n" + en)
            report("ungrouped number", WordingCheck.ungroupedNumbers(vi) + WordingCheck.ungroupedNumbers(en), vi + "\n" + en)
            if WordingCheck.notNFC(vi) { problems.lines.append("\(key): Vietnamese text not NFC") }
            if vi.isEmpty || en.isEmpty { problems.lines.append("\(key): empty explanation") }
        }
        return (problems, rows.count)
    }

    @Test("The checks catch what they are meant to catch")
    func checksFail() {
        #expect(WordingCheck.englishInVietnamese("deadline 2025; evaluated at 2024") == ["deadline", "evaluated", "at"])
        #expect(
            WordingCheck.englishInVietnamese("Tiêu chí province-district-exit: verdict: not_met")
                == ["province-district-exit", "verdict", "not_met"])
        #expect(WordingCheck.englishInVietnamese("chuẩn da-nang-local") == ["da-nang-local"])
        #expect(WordingCheck.englishInVietnamese("Quy mô hộ nghèo: 2.811 hộ (năm 2021), giảm 5,56%").isEmpty)
        #expect(WordingCheck.vietnameseInEnglish("Criterion — Xã Hải Thịnh (99013): giảm", names: ["Xã Hải Thịnh"]) == ["giảm"])
        #expect(WordingCheck.vietnameseInEnglish("Decision 36/2021/QĐ-TTg and 318/QĐ-TTg", names: []).isEmpty)
        #expect(WordingCheck.vietnameseInEnglish("Tổ dân phố 1 (99001/Tổ dân phố 1)", names: ["Tổ dân phố 1"]).isEmpty)
        #expect(WordingCheck.negativeFalls("giảm -133,33%") == ["giảm -1"])
        #expect(WordingCheck.negativeFalls("tăng 133,33%").isEmpty)
        #expect(WordingCheck.ungroupedNumbers("2811 hộ, 0,62% (556/10000)") == ["2811 hộ", "10000"])
        #expect(WordingCheck.ungroupedNumbers("2024 hộ") == ["2024 hộ"])
        #expect(WordingCheck.ungroupedNumbers("Xã A (99013), năm 2021–2022: 2.811 hộ, 0,62% (556/10.000 hộ)").isEmpty)
        #expect(WordingCheck.notNFC("Hoa\u{300}"))
    }

    @Test("SampleData: every explanation of the five plans, in both languages")
    func sampleData() async throws {
        let run = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(run.status))
        let (problems, count) = try Self.check(run.database)
        #expect(count > 2000)
        #expect(problems.lines.isEmpty, "\(problems.lines.count) problems:\n\(problems)")
    }

    @Test(
        "A province merged into the sample one in 2025 (territory notes)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func mergedProvince() async throws {
        let workspace = try EndToEnd.workspace()
        let input = workspace.appendingPathComponent("merge")
        let script = EndToEnd.repositoryRoot.appendingPathComponent("tools/reference/make_plan_merge.py")
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        python.arguments = [
            script.path, EndToEnd.repositoryRoot.appendingPathComponent("SampleData").path,
            EndToEnd.repositoryRoot.appendingPathComponent("Pipelines").path, input.path,
        ]
        python.standardOutput = FileHandle.nullDevice
        try python.run()
        python.waitUntilExit()
        try #require(python.terminationStatus == 0)
        let database = workspace.appendingPathComponent("merge.sqlite")
        let run = try await EndToEnd.spawn(
            [
                "run", "--pipeline", input.appendingPathComponent("pipe.yaml").path, "--inputs", input.appendingPathComponent("dumps").path,
                "--admin", input.appendingPathComponent("admin_units.csv").path, "--database", database.path, "--no-exports", "--quiet",
            ],
            in: workspace, timeout: 600)
        try #require(EndToEnd.published(run.status), "\(run.stderr)")
        let (problems, count) = try Self.check(database)
        #expect(count > 1000)
        #expect(problems.lines.isEmpty, "\(problems.lines.count) problems:\n\(problems)")
        // The old territory (Lạng Sơn's plan on the surviving code 99 in 2025) is said in words.
        let territory = try EndToEnd.open(database).rows(
            """
            SELECT count(*) FROM criteria_results WHERE plan = 'lang-son' AND evaluation_year = 2025
                AND explanation_vi LIKE '%Địa bàn cũ của tỉnh trước sáp nhập năm 2025%'
                AND explanation_en LIKE '%old territory before the 2025 merger%'
            """)
        #expect((territory.first?[0].int ?? 0) > 0)
    }

    @Test("A second generated province (code 42, another seed, official totals)")
    func secondProvince() async throws {
        let workspace = try EndToEnd.workspace()
        let data = workspace.appendingPathComponent("p42")
        let generated = try await EndToEnd.spawn(
            ["sample", "--households", "3000", "--years", "2021-2025", "--out", data.path, "--seed", "7", "--province", "42", "--totals"],
            in: workspace)
        try #require(generated.status == 0, "\(generated.stderr)")
        let pipelines = EndToEnd.repositoryRoot.appendingPathComponent("Pipelines")
        let plans = pipelines.appendingPathComponent("plans")
        let pipeline = """
            version: 1
            name: p42
            inputs:
              folder: \(data.path)
              admin: \(data.path)/admin_units.csv
              crosswalk: \(data.path)/crosswalk.csv
              targets: \(data.path)/targets.csv
              totals: \(data.path)/household_totals.csv
            output:
              folder: \(workspace.path)/out
            standards:
              files: [\(pipelines.path)/standards/vn-2022.yaml, \(pipelines.path)/standards/vn-2027.yaml]
            plans:
              - { file: \(plans.path)/national-666.yaml }
              - { file: \(plans.path)/lang-son.yaml, territory: "42" }
              - { file: \(plans.path)/vinh-phuc.yaml, territory: "42" }
              - { file: \(plans.path)/bac-ninh.yaml, territory: "42" }
              - { file: \(plans.path)/da-nang.yaml, territory: "42" }

            """
        let file = workspace.appendingPathComponent("p42.yaml")
        try pipeline.write(to: file, atomically: true, encoding: .utf8)
        let run = try await EndToEnd.spawn(["run", "--pipeline", file.path, "--no-exports", "--quiet"], in: workspace, timeout: 600)
        try #require(EndToEnd.published(run.status), "\(run.stderr)")
        let (problems, count) = try Self.check(workspace.appendingPathComponent("out/p42.sqlite"))
        #expect(count > 500)
        #expect(problems.lines.isEmpty, "\(problems.lines.count) problems:\n\(problems)")
    }
}
