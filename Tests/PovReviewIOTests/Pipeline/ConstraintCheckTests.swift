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
}
