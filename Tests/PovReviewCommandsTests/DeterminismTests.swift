import Foundation
import PovReviewIO
import Testing

/// The same inputs and configuration give the same database (every table except `runs`, and
/// without the `run_id` values) and byte-identical exports (outputs.md, "Determinism").
///
/// One run is in this process and the other in a child process, so the two have different
/// hash seeds: an output that depended on the iteration order of a dictionary or set would differ.
@Suite("Determinism of a run")
struct DeterminismTests {
    @Test("Tiny province: two runs give identical tables and byte-identical CSV, XLSX and HTML exports")
    func tinyProvince() async throws {
        let (first, firstDatabase) = try await TinyProvince.run(exports: true)
        let second = try EndToEnd.workspace()
        try EndToEnd.copyTinyProvince(to: second)
        let output = try await EndToEnd.spawn(["run", "--pipeline", "pipeline.yaml", "--quiet"], in: second)
        try #require(EndToEnd.published(output.status), "\(output.stderr)")

        try Self.expectSameContent(firstDatabase, second.appendingPathComponent("out/tiny.sqlite"))
        try Self.expectSameFiles(
            first.appendingPathComponent("out/tiny/exports"),
            second.appendingPathComponent("out/tiny/exports"),
            kinds: ["csv", "xlsx", "html"])
    }

    @Test("SampleData: two runs give identical tables and byte-identical exports", .timeLimit(.minutes(3)))
    func sampleData() async throws {
        let first = try await SampleDataRun.shared.value
        try #require(EndToEnd.published(first.status))
        let second = try EndToEnd.workspace()
        defer { try? FileManager.default.removeItem(at: second) }
        let output = try await EndToEnd.spawn(SampleDataRun.arguments(in: second), in: second, timeout: 170)
        try #require(EndToEnd.published(output.status), "\(output.stderr)")

        try Self.expectSameContent(first.database, SampleDataRun.database(in: second))
        try Self.expectSameFiles(first.exports, SampleDataRun.exports(in: second), kinds: ["csv", "xlsx", "html"])
    }

    /// Expects every table and view but `runs` to hold the same rows (without `run_id`).
    static func expectSameContent(_ a: URL, _ b: URL) throws {
        #expect(try EndToEnd.count("household_status", in: a) > 0)
        let differences = try EndToEnd.contentDifferences(a, b)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }

    /// Expects the two folders to hold the same file names with the same bytes.
    static func expectSameFiles(_ a: URL, _ b: URL, kinds: Set<String>) throws {
        let manager = FileManager.default
        let left = try manager.contentsOfDirectory(atPath: a.path).sorted()
        let right = try manager.contentsOfDirectory(atPath: b.path).sorted()
        #expect(left == right)
        #expect(
            Set(left.map { URL(fileURLWithPath: $0).pathExtension }).isSuperset(of: kinds),
            "the exports have CSV, XLSX and HTML files: \(left)")
        for name in left where right.contains(name) {
            let l = try Data(contentsOf: a.appendingPathComponent(name))
            let r = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(l == r, "\(name) differs between the two runs")
        }
    }
}
