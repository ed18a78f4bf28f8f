import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO

/// `exit_without_change` and `bulk_absence` found at the planted unit and year of a hand-made
/// province, through the store's SQL (household_status → household_transitions → findings).
@Suite struct IntegrityFindingsBuilderTests {
    static let standard = Standard(
        id: "vn-2022", nameVi: "Chuẩn nghèo 2022–2025",
        incomeLine: AreaThresholds(rural: 1_500_000, urban: 2_000_000),
        averageUpperBound: AreaThresholds(rural: 2_250_000, urban: 3_000_000), scoreLine: nil,
        indicators: [
            "employment", "dependants", "nutrition", "health_insurance", "adult_education", "child_schooling",
            "housing_quality", "housing_area", "water", "latrine", "telecom", "information_access",
        ].map {
            // The rows are inserted with their verdicts already decided, so the rule is never
            // evaluated here: only the ids (the deprived_<id> columns) matter.
            try! IndicatorDefinition(id: $0, nameVi: $0, nameEn: $0, dimension: "employment", rule: "members < 0")
        })

    /// Inserts one rural household of village "A" of `commune`, deprived on employment,
    /// dependants and nutrition (D = 3).
    static func insert(_ db: SQLiteDatabase, year: Int, id: String, commune: String, income: Int, status: String) throws {
        let indicators = standard.indicators.map { "deprived_\($0.rawValue)" }
        let flags = standard.indicators.map { [.employment, .dependants, .nutrition].contains($0) ? "1" : "0" }
        try db.run(
            """
            INSERT INTO household_status (review_year, standard, household_id, province_code, commune_code, village, area,
                members, ethnic_minority, income_basis, income_per_capita, deprivation_count, status,
                without_labour_capacity, with_social_protection, \(indicators.joined(separator: ", ")))
            VALUES (?, 'vn-2022', ?, '99', ?, 'A', 'rural', 4, 0, 'income', ?, 3, ?, 0, 0, \(flags.joined(separator: ", ")))
            """, [.integer(Int64(year)), .text(id), .text(commune), .integer(Int64(income)), .text(status)])
    }

    @Test func plantedExitsAndAbsencesAreFoundAtTheirUnitAndYear() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = try SQLiteDatabase(path: directory.appendingPathComponent("integrity.sqlite").path)
        try Migrator.migrate(db)
        // C1: 20 poor households in 2023 leave poverty in 2024 with the same three deprivations
        // and an income of 1,550,000 (100·I = 155,000,000 < 105·line = 157,500,000): planted.
        for i in 0..<20 {
            try Self.insert(db, year: 2023, id: "C1-\(i)", commune: "C1", income: 1_000_000, status: "poor")
            try Self.insert(db, year: 2024, id: "C1-\(i)", commune: "C1", income: 1_550_000, status: "average")
        }
        // C2: 40 poor households leave with an income of 2,000,000 (not within 5% of the line);
        // 60 average households of 2023, 20 of which are absent in 2024: 20 of 100 = 20% absent.
        for i in 0..<40 {
            try Self.insert(db, year: 2023, id: "C2-\(i)", commune: "C2", income: 1_000_000, status: "poor")
            try Self.insert(db, year: 2024, id: "C2-\(i)", commune: "C2", income: 2_000_000, status: "average")
        }
        for i in 40..<100 {
            try Self.insert(db, year: 2023, id: "C2-\(i)", commune: "C2", income: 2_100_000, status: "average")
            if i >= 60 { try Self.insert(db, year: 2024, id: "C2-\(i)", commune: "C2", income: 2_100_000, status: "average") }
        }
        try HouseholdLoadSettings.createKeyIndex(in: db)  // as the ingest leaves it for the track stage
        try TransitionsBuilder.build(in: db)
        let units = try UnitCellsReader.read(from: db, standards: ["vn-2022": Self.standard])
        let findings = try IntegrityFindingsBuilder.findings(
            database: db, units: units, rates: [:], standards: ["vn-2022": Self.standard], thresholds: IntegrityThresholds())

        let exits = findings.filter { $0.check == .exitWithoutChange }
        #expect(exits.map { "\($0.reviewYear) \($0.level) \($0.unitCode)" } == ["2024 village C1/A", "2024 commune C1"])
        // The province's share is 20 of 60 exits: P(X ≥ 20 | n = 20, p = 1/3) = (1/3)^20.
        let expected = 1 / 3486784401.0
        #expect(exits.allSatisfy { abs($0.statistic / expected - 1) < 1e-9 && $0.severity == .warning })

        let absences = findings.filter { $0.check == .bulkAbsence }
        // C2 (and its village): 20 of 100 absent; the province: 20 of 120 = 16.7%. C1: none.
        #expect(
            absences.map { "\($0.reviewYear) \($0.level) \($0.unitCode) \($0.statistic)" }
                == ["2024 village C2/A 20.0", "2024 commune C2 20.0", "2024 province 99 \(100 * 20 / 120.0)"])
        #expect(findings.count == exits.count + absences.count)
    }
}
