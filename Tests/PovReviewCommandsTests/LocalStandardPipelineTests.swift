import Foundation
import PovReviewIO
import Testing

// `Pipelines/examples/local-standard.yaml` (vn-2022 and example-local for every year) run with
// --inputs/--admin/--database on a hand-made 2024 dump of the tiny province's admin file.
// example-local: line 1,800,000 rural / 2,400,000 urban, no band, cut-off 2, the twelve vn-2022
// indicators plus electricity (electricity_access = 0). vn-2022: 1,500,000 / 2,000,000, band
// up to 2,250,000 / 3,000,000, cut-off 3. Households have 4 members and are deprived on nothing
// unless said (E employment, HI health insurance, W water):
//
// id  area   income     deprived     electricity  example-local       vn-2022
// L1  rural  1,700,000  E HI         1            poor (D=2)          average
// L2  rural  1,700,000  —            0            near_poor (D=1)     average
// L3  rural  1,400,000  E            0            poor (D=2)          near_poor (D=1)
// L4  rural  1,900,000  E HI W       0            above (no band)     average
// L5  rural  1,000,000  E HI W       1            poor (D=3)          poor (D=3)
// L6  urban  2,400,000  —            1            near_poor (D=0)     average
@Suite("Example local standard pipeline", .serialized)
struct LocalStandardPipelineTests {
    static let header =
        "review_year,household_id,province_code,commune_code,village,area,members,ethnic_minority,income_per_capita,working_age_without_job,dependants,children_malnourished,members_6plus_uninsured,adults_16_30_without_qualification,children_3_15_out_of_school,housing_type,housing_area_m2,water_source,latrine,internet_users,info_devices,loudspeaker_access,members_with_labour_capacity,social_protection_members,Có điện"

    static func row(_ id: String, area: String = "rural", income: Int, e: Int = 0, hi: Int = 0, water: String = "piped", electricity: String) -> String {
        "2024,\(id),77,77001,Thôn Đông,\(area),4,0,\(income),\(e),1,0,\(hi),0,0,durable,60,\(water),septic,2,2,1,2,0,\(electricity)"
    }

    static let rows = [
        row("L1", income: 1_700_000, e: 1, hi: 1, electricity: "1"),
        row("L2", income: 1_700_000, electricity: "0"),
        row("L3", income: 1_400_000, e: 1, electricity: "không"),
        row("L4", income: 1_900_000, e: 1, hi: 1, water: "surface", electricity: "0"),
        row("L5", income: 1_000_000, e: 1, hi: 1, water: "surface", electricity: "có"),
        row("L6", area: "urban", income: 2_400_000, electricity: "1"),
    ]

    func run(dump: String, in workspace: URL) async throws -> (Int32, URL) {
        let inputs = workspace.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data(dump.utf8).write(to: inputs.appendingPathComponent("households_2024.csv"))
        let database = workspace.appendingPathComponent("local.sqlite")
        let status = await EndToEnd.povreview([
            "run", "--pipeline", EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/examples/local-standard.yaml").path,
            "--inputs", inputs.path,
            "--admin", EndToEnd.fixtures.appendingPathComponent("tiny/data/admin_units.csv").path,
            "--database", database.path, "--no-exports", "--quiet",
        ])
        return (status, database)
    }

    @Test("Statuses, electricity verdicts and unit rates under both standards")
    func statuses() async throws {
        let workspace = try EndToEnd.workspace()
        let (status, url) = try await run(dump: ([Self.header] + Self.rows).joined(separator: "\n") + "\n", in: workspace)
        try #require(status == 0)
        let db = try EndToEnd.open(url)
        let expected: [String: (local: String, localD: Int, national: String, nationalD: Int)] = [
            "L1": ("poor", 2, "average", 2), "L2": ("near_poor", 1, "average", 0),
            "L3": ("poor", 2, "near_poor", 1), "L4": ("above", 4, "average", 3),
            "L5": ("poor", 3, "poor", 3), "L6": ("near_poor", 0, "average", 0),
        ]
        let stored = try db.rows(
            "SELECT household_id, standard, status, deprivation_count, deprived_telecom, deprived_digital_services FROM household_status ORDER BY household_id, standard"
        )
        #expect(stored.count == 12)
        for row in stored {
            let id = row[0].string!, standard = row[1].string!
            let want = try #require(expected[id])
            if standard == "example-local" {
                #expect(row[2].string == want.local && row[3].int == want.localD, "\(id) example-local")
                #expect(row[4].int == 0)  // example-local has telecom: 0/1, not NULL
            } else {
                #expect(standard == "vn-2022")
                #expect(row[2].string == want.national && row[3].int == want.nationalD, "\(id) vn-2022")
            }
            #expect(row[5] == .null)  // neither standard has digital_services
        }
        let electricity = try db.rows("SELECT household_id, standard, indicator, deprived FROM household_deprivation ORDER BY household_id")
        #expect(electricity.map { $0[0].string! } == ["L1", "L2", "L3", "L4", "L5", "L6"])
        #expect(electricity.allSatisfy { $0[1].string == "example-local" && $0[2].string == "electricity" })
        #expect(electricity.map { $0[3].int! } == [0, 1, 1, 1, 0, 0])

        let rates = try db.rows(
            "SELECT standard, households, poor, near_poor, average FROM unit_rates WHERE level = 'province' AND unit_code = '77' ORDER BY standard")
        #expect(rates.count == 2)
        #expect(rates[0][0].string == "example-local" && rates[0][1].int == 6 && rates[0][2].int == 3 && rates[0][3].int == 2 && rates[0][4].int == 0)
        #expect(rates[1][0].string == "vn-2022" && rates[1][1].int == 6 && rates[1][2].int == 1 && rates[1][3].int == 1 && rates[1][4].int == 4)

        // National and provincial plans read the national standard only (plans.md pinned detail 8).
        #expect(try db.rows("SELECT count(*) FROM criteria_results WHERE standard = 'example-local'")[0][0].int == 0)

        let indicators = try db.rows("SELECT indicator, national_column, rule FROM standard_indicators WHERE standard = 'example-local' ORDER BY position")
        #expect(indicators.count == 13)
        #expect(indicators.last.map { [$0[0].string, $0[2].string] } == ["electricity", "electricity_access = 0"])
        #expect(indicators.last?[1].int == 0)
        #expect(try db.rows("SELECT national, provisional FROM standards WHERE standard = 'example-local'")[0].map(\.int) == [0, 0])
        #expect(try db.rows("SELECT provisional FROM standards WHERE standard = 'vn-2027'")[0][0].int == 1)
    }

    @Test("A dump without the extra column fails the run: its years are classified under example-local")
    func missingExtraColumn() async throws {
        let workspace = try EndToEnd.workspace()
        let header = Self.header.replacingOccurrences(of: ",Có điện", with: "")
        let rows = Self.rows.map { String($0[..<$0.lastIndex(of: ",")!]) }
        let (status, url) = try await run(dump: ([header] + rows).joined(separator: "\n") + "\n", in: workspace)
        #expect(status != 0)
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("A bad electricity value is quarantined as invalid_enum at its column")
    func badValue() async throws {
        let workspace = try EndToEnd.workspace()
        // 1 bad row among 40: 2.5%, under the 5% quarantine limit.
        var rows = Self.rows
        for n in 0..<33 { rows.append(Self.row(String(format: "M%02d", n), income: 5_000_000, electricity: "1")) }
        rows.append(Self.row("BAD", income: 1_000_000, electricity: "maybe"))
        let (status, url) = try await run(dump: ([Self.header] + rows).joined(separator: "\n") + "\n", in: workspace)
        try #require(status == 3, "one quarantined row: published with quarantined rows (exit 3)")
        let db = try EndToEnd.open(url)
        let quarantined = try db.rows("SELECT reason, column_name, line FROM quarantine")
        #expect(quarantined.count == 1)
        #expect(quarantined.first.map { [$0[0].string, $0[1].string] } == ["invalid_enum", "electricity_access"])
        #expect(quarantined.first?[2].int == 41)
    }

    // A 2026 row is classified under vn-2022, vn-2027 and example-local (the example schedule)
    // and carries the fields of all three. Rural, 2,000,000 VND, E, no internet user, no digital
    // service user, waste dumped in the open, electricity:
    //   vn-2022: 1,500,000 < 2,000,000 ≤ 2,250,000 → average; D = E + telecom = 2
    //   vn-2027: 2,000,000 ≤ 2,200,000, D = E + digital_services + waste = 3 → poor
    //   example-local: 2,000,000 > 1,800,000 → above; D = E + telecom = 2
    @Test("A 2026 row under three standards: vn-2027 has no telecom or information-access verdict")
    func year2026() async throws {
        let workspace = try EndToEnd.workspace()
        let header = Self.header + ",digital_service_users,waste_disposal"
        let row = "2026,N1,77,77001,Thôn Đông,rural,4,0,2000000,1,1,0,0,0,0,durable,60,piped,septic,0,2,1,2,0,1,0,open_dumping"
        let inputs = workspace.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Data((header + "\n" + row + "\n").utf8).write(to: inputs.appendingPathComponent("households_2026.csv"))
        let database = workspace.appendingPathComponent("local.sqlite")
        let status = await EndToEnd.povreview([
            "run", "--pipeline", EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/examples/local-standard.yaml").path,
            "--inputs", inputs.path,
            "--admin", EndToEnd.fixtures.appendingPathComponent("tiny/data/admin_units.csv").path,
            "--database", database.path, "--no-exports", "--quiet",
        ])
        try #require(status == 0)
        let rows = try EndToEnd.open(database).rows(
            """
            SELECT standard, status, deprivation_count, deprived_telecom, deprived_information_access,
                   deprived_digital_services, deprived_waste
            FROM household_status ORDER BY standard
            """)
        #expect(
            rows == [
                [.text("example-local"), .text("above"), .integer(2), .integer(1), .integer(0), .null, .null],
                [.text("vn-2022"), .text("average"), .integer(2), .integer(1), .integer(0), .null, .null],
                [.text("vn-2027"), .text("poor"), .integer(3), .null, .null, .integer(1), .integer(1)],
            ])
    }

    @Test("The bundled example runs as shipped: electricity verdicts for every household, both standards' rates, national plans")
    func bundledExample() async throws {
        let workspace = try EndToEnd.workspace()
        let database = workspace.appendingPathComponent("example.sqlite")
        let status = await EndToEnd.povreview([
            "run", "--pipeline", EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/examples/local-standard.yaml").path,
            "--database", database.path, "--no-exports", "--quiet",
        ])
        try #require(status == 0)
        // Expected counts read from the bundled CSV files themselves (no quoted fields in them).
        var rows = 0, withoutElectricity = 0
        let folder = EndToEnd.repositoryRoot.appendingPathComponent("Pipelines/examples/local-standard-data")
        for year in 2023...2025 {
            let lines = try String(contentsOf: folder.appendingPathComponent("households_\(year).csv"), encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let column = try #require(lines[0].firstIndex(of: "electricity_access"))
            rows += lines.count - 1
            withoutElectricity += lines.dropFirst().filter { $0[column] == "0" }.count
        }
        let db = try EndToEnd.open(database)
        let deprivation = try db.rows(
            "SELECT count(*), sum(deprived) FROM household_deprivation WHERE standard = 'example-local' AND indicator = 'electricity'")[0]
        #expect(deprivation == [.integer(Int64(rows)), .integer(Int64(withoutElectricity))])
        #expect(try db.rows("SELECT count(*) FROM household_status")[0][0].int == 2 * rows)
        let rates = try db.rows("SELECT DISTINCT review_year, standard FROM unit_rates WHERE level = 'province' ORDER BY 1, 2")
        #expect(
            rates.map { "\($0[0].int!) \($0[1].string!)" } == [
                "2023 example-local", "2023 vn-2022", "2024 example-local", "2024 vn-2022", "2025 example-local", "2025 vn-2022",
            ])
        let planStandards = try db.rows("SELECT DISTINCT standard FROM criteria_results WHERE standard IS NOT NULL").map { $0[0].string }
        #expect(planStandards == ["vn-2022"])
    }
}
