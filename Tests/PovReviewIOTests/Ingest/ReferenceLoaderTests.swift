import Foundation
import Testing

@testable import PovReviewCore
@testable import PovReviewIO

@Suite struct ReferenceLoaderTests {
    static let head = "code,name,level,parent_code,poor_district,coastal_special_difficulty,ethnic_region,valid_from,valid_to\n"

    func adminError(_ body: String) -> LocatedError? {
        do {
            _ = try AdminUnitsFile.directory(from: ReferenceTable(data: Data((Self.head + body).utf8), path: "admin_units.csv"))
            return nil
        } catch { return error }
    }

    @Test func fixtureLoadsWithValidityWindows() throws {
        let admin = Ingest.admin
        #expect(admin.parents(ofCommune: "00001", in: 2024)?.district?.code == "001")
        #expect(admin.parents(ofCommune: "00001", in: 2025)?.district == nil)
        #expect(admin.parents(ofCommune: "00001", in: 2025)?.province.code == "01")
        #expect(admin.unit("001", in: 2025) == nil)
        #expect(admin.unit("00001", in: 2024)?.ethnicRegion == .ii)
        #expect(admin.unit("001", in: 2024)?.poorDistrict == true)
        #expect(admin.unit("00001", in: 2024)?.coastalSpecialDifficulty == true)
    }

    @Test(
        arguments: [
            ("01,A,province,,0,0,,,\n001,B,town,01,0,0,,,\n", 3, "level"),
            ("01,A,province,,0,0,,,\n00001,B,commune,009,0,0,,,\n", 3, "parent_code"),
            ("0A,A,province,,0,0,,,\n", 2, "code"),
            ("001,A,province,,0,0,,,\n", 2, "code"),
            ("01,A,province,,2,0,,,\n", 2, "poor_district"),
            ("01,A,province,,0,0,IV,,\n", 2, "ethnic_region"),
            ("01,A,province,,0,0,,,\n01,A2,province,,0,0,,2025,\n", 3, "valid_from"),
            ("01,A,province,,0,0,,2026,2025\n", 2, "valid_to"),
            ("01,A,province,,0,0,,,2024\n001,B,district,01,0,0,,2025,\n", 3, "parent_code"),
            ("01,,province,,0,0,,,\n", 2, "name"),
        ] as [(String, Int, String)])
    func badAdminRowsFailWithLineAndColumn(body: String, line: Int, column: String) throws {
        let error = try #require(adminError(body))
        #expect(error.line == line)
        #expect(error.columnName == column)
        #expect(error.description.hasPrefix("admin_units.csv:\(line)"))
    }

    @Test func householdTotalsAreKeyedAndChecked() throws {
        let good = "review_year,commune_code,households\n2024,00001,1.250\n2025,00001,1300\n"
        let totals = try HouseholdTotalsFile.totals(from: ReferenceTable(data: Data(good.utf8), path: "t.csv"), admin: Ingest.admin)
        #expect(totals.households(in: "00001", year: 2024) == 1250)
        #expect(totals.households(in: "00001", year: 2025) == 1300)
        #expect(totals.years == [2024, 2025])

        for (body, column) in [
            ("2024,00001,-1\n", "households"), ("2024,1,5\n", "commune_code"),
            ("x,00001,5\n", "review_year"), ("2024,00001,5\n2024,00001,6\n", "commune_code"),
            ("2024,99999,5\n", "commune_code"),
        ] {
            #expect(throws: LocatedError.self) {
                try HouseholdTotalsFile.totals(
                    from: ReferenceTable(data: Data(("review_year,commune_code,households\n" + body).utf8), path: "t.csv"), admin: Ingest.admin)
            }
            do {
                _ = try HouseholdTotalsFile.totals(
                    from: ReferenceTable(data: Data(("review_year,commune_code,households\n" + body).utf8), path: "t.csv"), admin: Ingest.admin)
            } catch { #expect(error.columnName == column) }
        }
    }
}
