import Foundation
import PovReviewIO
import Testing

/// `household_status` is written several rows per statement (`HouseholdStatusWriter`): every
/// accepted row is stored once, in dump order, with its own values, whether its statement was
/// full or the last rows were inserted one by one at the end of the pass, and whatever the
/// length of its texts.
@Suite("household_status rows in dump order across statements")
struct StatusRowOrderTests {
    /// One valid rural household of the tiny province (the shape of its H02 in 2024).
    static func row(year: Int, id: String, commune: String, village: String) -> String {
        "\(year),\(id),77,771,\(commune),\(village),rural,4,1,1200000,,0,2,0,1,0,0,durable,32,piped,none,0,2,1,2,0"
    }

    @Test("37 rows of 2021 and 5 of 2025 (the last rows of the pass) keep their order and values, villages of 300 bytes included")
    func rowsInDumpOrder() async throws {
        let workspace = try EndToEnd.workspace()
        let pipeline = try EndToEnd.copyTinyProvince(to: workspace)
        // 37 rows in 2021 and 5 in 2025 beside the province's own years: a drop the run allows.
        let settings = try String(contentsOf: pipeline, encoding: .utf8)
        try settings.replacingOccurrences(of: "validation:\n", with: "validation:\n  allow_year_drop: true\n")
            .write(to: pipeline, atomically: true, encoding: .utf8)
        let data = workspace.appendingPathComponent("data")
        let header = try String(contentsOf: data.appendingPathComponent("households_2024.csv"), encoding: .utf8)
            .split(separator: "\n", maxSplits: 1)[0]
        // "Thôn " and 98 × "Dài" + a number: 5 + 98 × 4 bytes = 397 bytes and more, longer than a
        // text slot of the writer (256 bytes).
        let long = "Thôn " + String(repeating: "Dài", count: 98)
        var expected: [[String]] = []
        func dump(year: Int, count: Int, longAt: Set<Int>) throws {
            var lines = [String(header)]
            for index in 0..<count {
                let id = String(format: "L%d-%02d", year, index)
                let commune = index % 3 == 0 ? "77002" : "77001"
                let village = longAt.contains(index) ? "\(long) \(index)" : "Thôn \(index % 4)"
                lines.append(Self.row(year: year, id: id, commune: commune, village: village))
                expected.append(["\(year)", id, commune, village])
            }
            try (lines.joined(separator: "\n") + "\n").write(
                to: data.appendingPathComponent("households_\(year).csv"), atomically: true, encoding: .utf8)
        }
        try dump(year: 2021, count: 37, longAt: [5, 6, 20, 35])
        try dump(year: 2025, count: 5, longAt: [1, 2, 4])
        let status = await EndToEnd.povreview(["run", "--pipeline", pipeline.path, "--quiet", "--no-exports"])
        try #require(EndToEnd.published(status), "povreview run exited with \(status)")
        let database = try EndToEnd.open(workspace.appendingPathComponent("out/tiny.sqlite"))
        let stored = try database.rows(
            "SELECT review_year, household_id, commune_code, village FROM household_status WHERE review_year IN (2021, 2025) ORDER BY rowid"
        ).map { $0.map { $0.string ?? $0.int.map(String.init) ?? "NULL" } }
        #expect(stored == expected)
        // The tiny province's own 34 rows are there too: 34 + 37 + 5 rows in all.
        #expect(try database.rows("SELECT count(*) FROM household_status")[0][0].int == 76)
    }
}
