import Foundation
import Testing

@testable import PovReviewIO

/// The ingest inserts with ignore_check_constraints and relies on ConstraintCheck to fail the
/// run on a row that breaks a CHECK.
@Suite struct ConstraintCheckTests {
    static func database(status: String) throws -> (URL, SQLiteDatabase) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("povreview-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("c.sqlite").path)
        try Migrator.migrate(database)
        try database.execute("PRAGMA ignore_check_constraints = ON")
        try database.run(
            """
            INSERT INTO household_status (review_year, standard, household_id, province_code, commune_code,
                village, area, members, ethnic_minority, income_basis, deprivation_count, status,
                without_labour_capacity, with_social_protection)
            VALUES (2024, 'vn-2022', 'h1', '99', '99001', 'A', 'rural', 2, 0, 'income', 0, ?, 0, 0)
            """, [.text(status)])
        try database.execute("PRAGMA ignore_check_constraints = OFF")
        return (directory, database)
    }

    @Test func aRowBreakingACheckFailsTheRun() throws {
        let (directory, database) = try Self.database(status: "rich")
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = ConstraintCheck(path: database.path)
        #expect(throws: PipelineError.self) { try check.wait() }
    }

    @Test func aDatabaseWithinItsConstraintsPasses() throws {
        let (directory, database) = try Self.database(status: "poor")
        defer { try? FileManager.default.removeItem(at: directory) }
        try ConstraintCheck(path: database.path).wait()
    }

    @Test func aBrokenConstraintIsNamedWithItsTableAndRows() throws {
        let (directory, database) = try Self.database(status: "poor")
        defer { try? FileManager.default.removeItem(at: directory) }
        try database.execute("CREATE TABLE extra (a INTEGER, b INTEGER, CHECK (a < b))")
        try database.execute("PRAGMA ignore_check_constraints = ON")
        try database.execute("INSERT INTO extra VALUES (1, 2), (3, 0), (5, 4), (NULL, 0)")
        try database.execute("PRAGMA ignore_check_constraints = OFF")
        // (3, 0) and (5, 4) break a < b; NULL < 0 is NULL, which a CHECK lets pass.
        #expect(try ConstraintCheck.violations(in: database) == ["CHECK constraint failed in extra: a < b (2 rows)"])
    }

    @Test func theChecksAreReadFromTheSchemaSkippingQuotesAndComments() {
        let sql = """
            CREATE TABLE t (
                "check" TEXT NOT NULL CHECK ("check" IN ('a (', 'it''s)')),
                n INTEGER check(n >= 0), -- CHECK (a comment)
                /* CHECK (another) */ m INTEGER,
                [check (x)] TEXT,
                CHECK (n = m + (1))
            )
            """
        #expect(SchemaChecks.expressions(inCreateTable: sql) == [#""check" IN ('a (', 'it''s)')"#, "n >= 0", "n = m + (1)"])
    }

    @Test func everyCheckOfTheSchemaIsFoundAndIsValidSQL() throws {
        let (directory, database) = try Self.database(status: "poor")
        defer { try? FileManager.default.removeItem(at: directory) }
        for row in try database.rows("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL") {
            let sql = row[1].string!
            let checks = SchemaChecks.expressions(inCreateTable: sql)
            // The shipped schema quotes no text containing the keyword, so a plain count of it is the number expected.
            #expect(checks.count == sql.components(separatedBy: "CHECK (").count - 1, "\(row[0].string!)")
            for check in checks { _ = try database.rows("SELECT count(*) FROM \"\(row[0].string!)\" WHERE NOT (\(check))") }
        }
        #expect(try ConstraintCheck.violations(in: database).isEmpty)
    }
}
