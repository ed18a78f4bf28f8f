import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO

@Suite struct ColumnDocumentationTests {
    /// Every table and view of the migrated schema (except SQLite's own) with its columns.
    static func schemaColumns(_ database: SQLiteDatabase) throws -> Set<String> {
        var result: Set<String> = []
        let objects = try database.rows(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
        for object in objects {
            for column in try database.rows("SELECT name FROM pragma_table_info(?)", [object[0]]) {
                result.insert("\(object[0].string!).\(column[0].string!)")
            }
        }
        return result
    }

    @Test func everySchemaColumnIsDocumentedAndNoDocumentationNamesAMissingColumn() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("docs.sqlite").path)
        try Migrator.migrate(database)
        try insertColumnDocumentation(into: database)

        let schema = try Self.schemaColumns(database)
        let documented = Set(try database.rows("SELECT table_name || '.' || column_name FROM columns").map { $0[0].string! })
        #expect(schema.subtracting(documented).sorted() == [], "columns without documentation")
        #expect(documented.subtracting(schema).sorted() == [], "documentation of columns that do not exist")
        #expect(documented.count == ColumnDocumentation.all.count, "no column documented twice")
    }

    @Test func everyTableAndViewHasATableDescription() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("docs.sqlite").path)
        try Migrator.migrate(database)
        let objects = Set(
            try database.rows(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'"
            ).map { $0[0].string! })
        #expect(Set(ColumnDocumentation.tables.map(\.name)) == objects)
    }

    @Test func descriptionsAreNonEmptyNFCAndVietnameseHasDiacritics() {
        for doc in ColumnDocumentation.all {
            #expect(!doc.descriptionEN.isEmpty && !doc.descriptionVI.isEmpty, "\(doc.tableName).\(doc.columnName)")
            #expect(doc.descriptionVI == doc.descriptionVI.precomposedStringWithCanonicalMapping)
            #expect(doc.descriptionEN == doc.descriptionEN.precomposedStringWithCanonicalMapping)
        }
        let poor = ColumnDocumentation.all.first { $0.tableName == "unit_rates" && $0.columnName == "poor" }
        #expect(poor?.descriptionVI == "Số hộ nghèo")
        let insurance = ColumnDocumentation.all.first {
            $0.tableName == "unit_rates" && $0.columnName == "poor_deprived_health_insurance"
        }
        #expect(insurance?.descriptionVI.contains("bảo hiểm y tế") == true)
    }

    /// The `per_indicator` entries of the bundled file give one column per catalogue indicator.
    @Test func perIndicatorEntriesCoverTheCatalogue() {
        func columns(_ table: String) -> Set<String> {
            Set(ColumnDocumentation.all.filter { $0.tableName == table }.map(\.columnName))
        }
        for indicator in Indicator.catalog {
            let id = indicator.id.rawValue
            #expect(columns("household_status").contains("deprived_" + id))
            #expect(columns("unit_rates").isSuperset(of: ["poor_deprived_" + id, "near_poor_deprived_" + id]))
            #expect(columns("latest_unit_rates").isSuperset(of: ["poor_deprived_" + id, "near_poor_deprived_" + id]))
        }
        #expect(!ColumnDocumentation.all.contains { $0.columnName.contains("{") || $0.descriptionEN.contains("{name_") })
    }

    @Test func insertingTwiceKeepsOneRowPerColumn() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("docs.sqlite").path)
        try Migrator.migrate(database)
        try insertColumnDocumentation(into: database)
        try insertColumnDocumentation(into: database)
        #expect(try database.rows("SELECT count(*) FROM columns")[0][0].int == ColumnDocumentation.all.count)
    }
}

@Suite struct SchemaDescriptionTests {
    @Test func listsTablesInReadingOrderWithTypesAndDescriptions() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("docs.sqlite").path)
        try Migrator.migrate(database)
        try insertColumnDocumentation(into: database)

        let english = try SchemaDescription.render(database)
        let lines = english.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "household_status (table)")
        #expect(lines[1].hasPrefix("  One row per household"))
        #expect(lines.contains { $0.hasPrefix("  review_year ") && $0.contains("INTEGER") && $0.hasSuffix("Review year (the year of the annual review)") })
        #expect(english.contains("\nunit_dynamics (table)\n"))
        #expect(english.contains("\nlatest_unit_rates (view)\n"))
        #expect(english.firstRange(of: "unit_rates (table)")!.lowerBound < english.firstRange(of: "criteria_results (table)")!.lowerBound)
        #expect(!english.contains("(undocumented)"))

        let vietnamese = try SchemaDescription.render(database, language: .vietnamese)
        #expect(vietnamese.contains("unit_dynamics (bảng)"))
        #expect(vietnamese.contains("Số hộ nghèo"))
    }

    @Test func fallsBackToBuiltInTextWhenTheColumnsTableIsEmpty() throws {
        let directory = try ExportFixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("docs.sqlite").path)
        try Migrator.migrate(database)
        try database.execute("CREATE TABLE extra_table (x INTEGER)")
        let text = try SchemaDescription.render(database)
        #expect(text.contains("Poor households"))
        #expect(text.hasSuffix("extra_table (table)\n  x  INTEGER  (undocumented)\n"))
    }
}
