import Foundation
import Testing

@testable import PovReviewIO

/// The Datasette metadata written beside the database: its structure, that it carries the
/// `columns` table, and that every canned query runs; with Datasette installed
/// (`scripts/requirements-test.txt`), that Datasette loads it and runs the queries.
@Suite("Datasette metadata")
struct DatasetteMetadataTests {
    static func withFixture(_ body: (URL, SQLiteDatabase) throws -> Void) throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try ExportFixture.makeDatabase(in: directory)
        try body(directory.appendingPathComponent("fixture.sqlite"), database)
    }

    @Test func fileNameBesideTheDatabase() {
        let url = DatasetteMetadata.url(besides: URL(fileURLWithPath: "/tmp/out/default.sqlite"))
        #expect(url.path == "/tmp/out/default.metadata.json")
    }

    @Test("Tables, column descriptions, units and queries from the columns table")
    func structure() throws {
        try Self.withFixture { file, database in
            try DatasetteMetadata.write(besides: file)
            let data = try Data(contentsOf: DatasetteMetadata.url(besides: file))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let databases = try #require(root["databases"] as? [String: Any])
            #expect(Array(databases.keys) == ["fixture"])
            let fixture = try #require(databases["fixture"] as? [String: Any])
            let tables = try #require(fixture["tables"] as? [String: [String: Any]])
            let unitRates = try #require(tables["unit_rates"])
            let columns = try #require(unitRates["columns"] as? [String: String])
            #expect(columns["poor"] == "Số hộ nghèo — Poor households")
            #expect((unitRates["units"] as? [String: String])?["poor_rate"] == "percent")
            #expect((unitRates["description"] as? String)?.hasPrefix("Mỗi dòng là một đơn vị") == true)
            // Every documented column of the database is in the file.
            let documented = try database.rows("SELECT table_name, column_name FROM columns")
            for row in documented {
                let described = (tables[row[0].string!]?["columns"] as? [String: String])?[row[1].string!]
                #expect(described?.isEmpty == false, "\(row[0].shown).\(row[1].shown)")
            }
            #expect((tables["schema_migrations"]?["hidden"] as? Bool) == true)
            let queries = try #require(fixture["queries"] as? [String: [String: String]])
            #expect(Set(queries.keys) == Set(DatasetteMetadata.cannedQueries.map(\.name)))
            // Deterministic: written twice, the same bytes.
            try DatasetteMetadata.write(besides: file)
            #expect(try Data(contentsOf: DatasetteMetadata.url(besides: file)) == data)
        }
    }

    @Test("Every canned query runs; the first ranks the communes of the latest year")
    func cannedQueriesRun() throws {
        try Self.withFixture { _, database in
            for query in DatasetteMetadata.cannedQueries {
                _ = try database.rows(query.sql)
            }
            let first = try database.rows(DatasetteMetadata.cannedQueries[0].sql)
            // 2025: Xã Tân Thanh 100 / 12,000 = 0.83 %, Xã Đồng Đăng 20 / 8,000 = 0.25 %; the merged
            // Xã Hoàng Việt (last year 2024) is not listed.
            #expect(
                first.map { [$0[0].shown, $0[3].shown, $0[6].shown] } == [
                    ["2025", "Xã Tân Thanh", "0.83"], ["2025", "Xã Đồng Đăng", "0.25"],
                ])
        }
    }

    @Test(
        "Datasette loads the metadata, shows the descriptions and runs every canned query",
        .enabled(if: ExternalTool.find("datasette") != nil, "datasette is not installed (pip install -r scripts/requirements-test.txt)"))
    func datasetteRunsTheQueries() throws {
        try Self.withFixture { file, _ in
            try DatasetteMetadata.write(besides: file)
            let datasette = ExternalTool.find("datasette")!
            let metadata = DatasetteMetadata.url(besides: file).path
            let shown = try ExternalTool.run(datasette, [file.path, "--metadata", metadata, "--get", "/-/metadata.json"])
            #expect(shown.status == 0, "\(shown.stderr.prefix(500))")
            // Datasette writes JSON with \u escapes: read it back as JSON.
            let served = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            let databases = served?["databases"] as? [String: Any]
            let tables = (databases?["fixture"] as? [String: Any])?["tables"] as? [String: Any]
            let columns = (tables?["unit_rates"] as? [String: Any])?["columns"] as? [String: String]
            #expect(columns?["poor"] == "Số hộ nghèo — Poor households")
            for query in DatasetteMetadata.cannedQueries {
                let result = try ExternalTool.run(
                    datasette, [file.path, "--metadata", metadata, "--get", "/fixture/\(query.name).json?_shape=array"])
                #expect(result.status == 0, "\(query.name): \(result.stderr.prefix(500))")
                #expect(result.stdout.hasPrefix("["), "\(query.name): \(result.stdout.prefix(200))")
            }
            let ranked = try ExternalTool.run(
                datasette, [file.path, "--metadata", metadata, "--get", "/fixture/communes_highest_poor_rate.json?_shape=array"])
            let rows = try JSONSerialization.jsonObject(with: Data(ranked.stdout.utf8)) as? [[String: Any]]
            #expect(rows?.compactMap { $0["unit_name"] as? String } == ["Xã Tân Thanh", "Xã Đồng Đăng"])
        }
    }
}
