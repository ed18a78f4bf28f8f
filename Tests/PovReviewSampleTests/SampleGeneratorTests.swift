import Foundation
import PovReviewCore
import Testing

@testable import PovReviewIO
@testable import PovReviewSample

@Suite("Sample generator") struct SampleGeneratorTests {
    typealias Support = SampleTestSupport

    static let small = SampleConfiguration(householdsPerYear: 1_500)

    private func bytes(_ directory: URL, _ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    @Test func sameSeedGivesTheSameBytesAndAnotherSeedDifferentOnes() throws {
        let (first, summary) = try Support.generate(Self.small)
        let (second, _) = try Support.generate(Self.small)
        var other = Self.small
        other.seed = 7
        let (third, _) = try Support.generate(other)
        #expect(summary.files.count == 8)
        for name in summary.files {
            #expect(try bytes(first, name) == bytes(second, name), "\(name) differs between two runs")
        }
        for year in 2021...2025 {
            let name = "households_\(year).csv"
            #expect(try bytes(first, name) != bytes(third, name), "\(name) is the same for seeds 2021 and 7")
        }
        // The units do not depend on the seed.
        #expect(try bytes(first, "admin_units.csv") == bytes(third, "admin_units.csv"))
    }

    @Test func aYearIsTheSameWhateverRangeIsAsked() throws {
        let (full, _) = try Support.generate(Self.small)
        var single = Self.small
        single.years = 2023...2023
        let (one, summary) = try Support.generate(single)
        #expect(summary.files.first == "households_2023.csv")
        #expect(try bytes(full, "households_2023.csv") == bytes(one, "households_2023.csv"))
    }

    @Test func writesTheRequestedHouseholdsEachYear() throws {
        let (directory, summary) = try Support.generate(Self.small)
        for year in 2021...2025 {
            let file = try Support.read(directory.appendingPathComponent("households_\(year).csv"))
            let bad = summary.badRows.filter { $0.file == "households_\(year).csv" }.count
            #expect(file.records.count + file.invalidUTF8Lines.count == 1_500 + bad)
            #expect(summary.householdRows[ReviewYear(year)] == 1_500)
            #expect(bad == (year == 2023 ? SampleBadRowKind.allCases.count : 0))
        }
    }

    @Test func householdIDsFormAPanel() throws {
        let (directory, summary) = try Support.generate(Self.small)
        var previous: Set<String>?
        for year in 2021...2025 {
            let name = "households_\(year).csv"
            let file = try Support.read(directory.appendingPathComponent(name))
            let badLines = Set(summary.badRows.filter { $0.file == name }.map(\.line))
            let ids = file.records.filter { !badLines.contains($0.line) }.map { $0.fields[1] }
            let unique = Set(ids)
            #expect(unique.count == ids.count, "\(year): a household id repeats among the valid rows")
            if let previous {
                let stayed = unique.intersection(previous).count
                #expect(stayed >= 1_500 * 95 / 100, "\(year): only \(stayed) households kept their id")
                #expect(stayed < 1_500, "\(year): no household left or entered")
            }
            previous = unique
        }
    }

    @Test func everyValidRowSatisfiesTheFieldConstraints() throws {
        let (directory, summary) = try Support.generate(Self.small)
        let admin = try Self.adminDirectory(directory)
        for year in 2021...2025 {
            let name = "households_\(year).csv"
            let file = try Support.read(directory.appendingPathComponent(name))
            #expect(
                file.header
                    == Column.allCases.filter {
                        !$0.isPersonalData && $0 != .digitalServiceUsers
                            && $0 != .wasteDisposal
                    }.map(\.rawValue))
            let badLines = Set(summary.badRows.filter { $0.file == name }.map(\.line))
            for record in file.records where !badLines.contains(record.line) {
                let household: Household
                do { household = try Support.household(record.fields, header: file.header) } catch {
                    Issue.record("\(name):\(record.line): \(error)")
                    continue
                }
                #expect(household.reviewYear == ReviewYear(year))
                #expect(household.incomePerCapita != nil)
                guard let parents = admin.parents(ofCommune: household.communeCode, in: household.reviewYear) else {
                    Issue.record("\(name):\(record.line): commune \(household.communeCode) unknown in \(year)")
                    continue
                }
                #expect(parents.province.code == household.provinceCode)
                #expect(parents.district?.code == household.districtCode)
                #expect(
                    household.village.hasPrefix("Thôn ") || household.village.hasPrefix("Bản ")
                        || household.village.hasPrefix("Tổ dân phố "))
            }
        }
    }

    @Test func theBadRowsAreBadAndFew() throws {
        let (directory, summary) = try Support.generate(SampleConfiguration())
        let name = "households_2023.csv"
        let file = try Support.read(directory.appendingPathComponent(name))
        #expect(Set(summary.badRows.map(\.reason)).count >= 7)
        #expect(summary.badRows.allSatisfy { $0.file == name })
        // Quarantined: the bad rows and the earlier row whose id the duplicate repeats.
        #expect((summary.badRows.count + 1) * 100 < 5 * (file.records.count + file.invalidUTF8Lines.count))
        let byLine = Dictionary(uniqueKeysWithValues: file.records.map { ($0.line, $0) })
        let admin = try Self.adminDirectory(directory)
        for bad in summary.badRows {
            if bad.reason == .invalidEncoding {
                #expect(file.invalidUTF8Lines == [bad.line])
                continue
            }
            let record = try #require(byLine[bad.line], "no row at line \(bad.line)")
            switch bad.reason {
            case .unknownUnit:
                let household = try Support.household(record.fields, header: file.header)
                let parents = admin.parents(ofCommune: household.communeCode, in: 2023)
                #expect(
                    parents == nil || parents?.district?.code != household.districtCode
                        || parents?.province.code != household.provinceCode)
            case .unsupportedYear:
                #expect(record.fields[0] == "2019")
            case .duplicateHousehold:
                let household = try Support.household(record.fields, header: file.header)
                let same = file.records.filter { $0.fields[1] == household.householdID.rawValue }
                #expect(same.count == 2)
            default:
                #expect(throws: SampleTestSupport.RowProblem.self, "line \(bad.line) reads as valid") {
                    try Support.household(record.fields, header: file.header)
                }
            }
        }
        // The valid rows spelled the messier way are the ones the summary counts.
        let badLines = Set(summary.badRows.map(\.line))
        let canonical: [Int: Set<String>] = [
            6: ["rural", "urban"], 8: ["0", "1"], 23: ["0", "1"],
            17: Set(HousingType.allCases.map(\.rawValue)), 19: Set(WaterSource.allCases.map(\.rawValue)),
            20: Set(LatrineType.allCases.map(\.rawValue)),
        ]
        let messyRows = file.records.filter { record in
            !badLines.contains(record.line)
                && (canonical.contains { !$0.value.contains(record.fields[$0.key]) }
                    || !record.fields[9].allSatisfy(\.isNumber) || record.fields[18].contains(","))
        }
        #expect(messyRows.count == summary.messySpellingRows)
        #expect(summary.messySpellingRows >= 50)
        let other = try String(contentsOf: directory.appendingPathComponent("households_2022.csv"), encoding: .utf8)
        #expect(!other.contains("\""), "only the messy file has quoted fields")
        #expect(!other.contains("nông thôn"))
    }

    @Test func theReformHasNoDistrictsAndOnlyNewCommunesIn2025() throws {
        let (directory, _) = try Support.generate(Self.small)
        let admin = try Self.adminDirectory(directory)
        let before = try Support.read(directory.appendingPathComponent("households_2024.csv"))
        let after = try Support.read(directory.appendingPathComponent("households_2025.csv"))
        let communes2025 = Set(admin.units.filter { $0.level == .commune && $0.isValid(in: 2025) }.map(\.code))
        let communes2024 = Set(admin.units.filter { $0.level == .commune && $0.isValid(in: 2024) }.map(\.code))
        #expect(communes2024.count == 15)
        #expect(communes2025.count == 9)
        #expect(admin.units.filter { $0.level == .district && $0.isValid(in: 2025) }.isEmpty)
        for code in communes2025 {
            #expect(admin.unit(code, in: 2025)?.parentCode == "99")
        }
        for record in after.records {
            #expect(record.fields[3] == "", "2025 row with a district code")
            #expect(communes2025.contains(UnitCode(record.fields[4])))
        }

        // Crosswalk: shares of each old code sum to 1; old codes end in 2024, new ones start in 2025.
        let crosswalk = try ReferenceTable(
            contentsOf: directory.appendingPathComponent("crosswalk.csv"), path: "crosswalk.csv")
        #expect(crosswalk.header == ["old_code", "new_code", "share"])
        var sums: [String: Double] = [:]
        var villageMap: [String: String] = [:]
        for record in crosswalk.records {
            let share = try #require(Double(record.fields[2]))
            #expect(share > 0 && share <= 1)
            sums[record.fields[0], default: 0] += share
            if record.fields[0].contains("/") {
                villageMap[Self.fold(record.fields[0])] = Self.fold(record.fields[1])
            } else {
                #expect(communes2024.contains(UnitCode(record.fields[0])))
                #expect(!communes2025.contains(UnitCode(record.fields[0])))
                #expect(communes2025.contains(UnitCode(record.fields[1])))
            }
        }
        for (code, sum) in sums { #expect(abs(sum - 1) < 1e-6, "shares of \(code) sum to \(sum)") }
        #expect(sums.keys.filter { !$0.contains("/") }.count == 12)
        #expect(crosswalk.records.contains { $0.fields[2] != "1" }, "one commune is split")

        // Villages keep their identity: a household that stays is in the same village, whose new
        // code is the crosswalk's (or unchanged when its commune continues).
        var village2024: [String: String] = [:]
        for record in before.records { village2024[record.fields[1]] = Self.fold(record.fields[4] + "/" + record.fields[5]) }
        var followed = 0
        for record in after.records {
            guard let old = village2024[record.fields[1]] else { continue }
            let new = Self.fold(record.fields[4] + "/" + record.fields[5])
            #expect(new == (villageMap[old] ?? old), "\(record.fields[1]): \(old) → \(new)")
            followed += 1
        }
        #expect(followed > 1_400)
    }

    @Test func villageNamesChangeOnlyTheirTonePlacement() throws {
        var config = Self.small
        config.messyRows = false
        let (directory, _) = try Support.generate(config)
        var spellings: [String: Set<String>] = [:]
        for year in 2021...2024 {
            let file = try Support.read(directory.appendingPathComponent("households_\(year).csv"))
            for record in file.records {
                spellings[record.fields[4] + "/" + Self.fold(record.fields[5]), default: []].insert(record.fields[5])
            }
        }
        #expect(spellings.count == 60)
        let varying = spellings.values.filter { $0.count > 1 }
        #expect(varying.count == 5)
        #expect(varying.contains(["Thôn Hoà Bình", "Thôn Hòa Bình"]))
    }

    @Test func ratesFallAndAreHigherInPoorAreasUnderVN2022() throws {
        let (directory, _) = try Support.generate(SampleConfiguration(messyRows: false))
        let admin = try Self.adminDirectory(directory)
        var previous: (poor: Int, poorNearPoor: Int)?
        for year in 2021...2025 {
            let file = try Support.read(directory.appendingPathComponent("households_\(year).csv"))
            var statuses: [HouseholdStatus: Int] = [:]
            var poorArea = (households: 0, poorNearPoor: 0)
            var otherArea = (households: 0, poorNearPoor: 0)
            for record in file.records {
                let household = try Support.household(record.fields, header: file.header)
                let status = try Support.vn2022.classification(of: household).get().status
                statuses[status, default: 0] += 1
                let unit = try #require(admin.unit(household.communeCode, in: household.reviewYear))
                let poorDistrict = household.districtCode.flatMap { admin.unit($0, in: household.reviewYear) }?.poorDistrict ?? false
                let counted = status == .poor || status == .nearPoor ? 1 : 0
                if poorDistrict || unit.ethnicRegion == .iii {
                    poorArea.households += 1
                    poorArea.poorNearPoor += counted
                } else {
                    otherArea.households += 1
                    otherArea.poorNearPoor += counted
                }
            }
            let poor = statuses[.poor, default: 0]
            let poorNearPoor = poor + statuses[.nearPoor, default: 0]
            #expect(HouseholdStatus.allCases.allSatisfy { statuses[$0, default: 0] > 0 }, "\(year): \(statuses)")
            #expect((300...3_000).contains(poor), "\(year): \(poor) poor of 10,000")
            #expect(poorArea.poorNearPoor * otherArea.households > 2 * otherArea.poorNearPoor * poorArea.households)
            if let previous {
                // Falling by at least one point a year (100 households of 10,000).
                #expect(poor + 100 <= previous.poor, "\(year): poor \(previous.poor) → \(poor)")
                #expect(poorNearPoor + 100 <= previous.poorNearPoor, "\(year): poor+near-poor \(previous.poorNearPoor) → \(poorNearPoor)")
            }
            previous = (poor, poorNearPoor)
        }
    }

    @Test func optionalFilesAreWrittenWhenAsked() throws {
        let (plain, summary) = try Support.generate(Self.small)
        #expect(!summary.files.contains("household_totals.csv"))
        #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("household_totals.csv").path))

        var config = Self.small
        config.writesHouseholdTotals = true
        config.includesReform = false
        config.writesTargets = false
        let (directory, withTotals) = try Support.generate(config)
        #expect(withTotals.files.contains("household_totals.csv"))
        #expect(!withTotals.files.contains("crosswalk.csv") && !withTotals.files.contains("targets.csv"))
        let totals = try ReferenceTable(
            contentsOf: directory.appendingPathComponent("household_totals.csv"), path: "household_totals.csv")
        #expect(totals.header == ["review_year", "commune_code", "households"])
        for year in 2021...2025 {
            let file = try Support.read(directory.appendingPathComponent("households_\(year).csv"))
            var counts: [String: Int] = [:]
            for record in file.records where record.fields[0] == String(year) { counts[record.fields[4], default: 0] += 1 }
            let rows = totals.records.filter { $0.fields[0] == String(year) }
            #expect(rows.count == 15)
            for row in rows {
                let reviewed = counts[row.fields[1], default: 0]
                let total = try #require(Int(row.fields[2]))
                #expect(total >= reviewed && total <= reviewed + reviewed / 10 + 1, "\(year) \(row.fields[1])")
            }
        }
        // Without the reform, 2025 keeps the districts.
        let last = try Support.read(directory.appendingPathComponent("households_2025.csv"))
        #expect(last.records.allSatisfy { $0.fields[3].count == 3 })
    }

    @Test func targetsCoverEveryCommuneAndVillage() throws {
        let (directory, _) = try Support.generate(Self.small)
        let targets = try ReferenceTable(contentsOf: directory.appendingPathComponent("targets.csv"), path: "targets.csv")
        #expect(targets.header == ["plan", "review_year", "level", "unit_code", "metric", "target"])
        for year in 2022...2025 {
            let rows = targets.records.filter { $0.fields[1] == String(year) }
            #expect(rows.filter { $0.fields[2] == "commune" }.count == (year == 2025 ? 9 : 15))
            #expect(rows.filter { $0.fields[2] == "village" }.count == 60)
            let file = try Support.read(directory.appendingPathComponent("households_\(year).csv"))
            let villages = Set(file.records.map { $0.fields[4] + "/" + $0.fields[5] })
            for row in rows {
                #expect(row.fields[0] == "vinh-phuc" && row.fields[4] == "poor_rate_decrease")
                let target = try #require(Double(row.fields[5]))
                #expect(target >= 0.5 && target <= 1.5)
                if row.fields[2] == "village" { #expect(villages.contains(row.fields[3]), "\(row.fields[3])") }
            }
        }
        #expect(!targets.records.contains { $0.fields[1] == "2021" })
    }

    @Test(arguments: [
        SampleConfiguration(householdsPerYear: 0),
        SampleConfiguration(years: 2019...2021),
        SampleConfiguration(years: 2025...2031),
        SampleConfiguration(provinceCode: "9"),
        SampleConfiguration(provinceCode: "ab"),
    ])
    func rejectsConfigurationsItCannotGenerate(_ configuration: SampleConfiguration) {
        #expect(throws: SampleGeneratorError.self) { try SampleGenerator(configuration: configuration) }
    }

    @Test func writesVN2027FieldsFrom2026() throws {
        let (directory, _) = try Support.generate(SampleConfiguration(householdsPerYear: 200, years: 2025...2027, messyRows: false))
        let file = try Support.read(directory.appendingPathComponent("households_2026.csv"))
        #expect(file.header.suffix(2) == ["digital_service_users", "waste_disposal"])
        for record in file.records {
            let members = try #require(Int(record.fields[7]))
            let digital = try #require(Int(record.fields[26]))
            #expect(digital <= members)
            #expect(WasteDisposal(rawValue: record.fields[27]) != nil)
        }
        let earlier = try Support.read(directory.appendingPathComponent("households_2025.csv"))
        #expect(!earlier.header.contains("waste_disposal"))
    }

    // MARK: - Helpers

    static func adminDirectory(_ directory: URL) throws -> AdminDirectory {
        let table = try ReferenceTable(
            contentsOf: directory.appendingPathComponent("admin_units.csv"), path: "admin_units.csv")
        #expect(
            table.header == [
                "code", "name", "level", "parent_code", "poor_district",
                "coastal_special_difficulty", "ethnic_region", "valid_from", "valid_to",
            ])
        var units: [AdminUnit] = []
        for record in table.records {
            let f = record.fields
            let level = try #require(UnitLevel(rawValue: f[2]))
            let from: ReviewYear? = Int(f[7]).map { ReviewYear($0) }
            let to: ReviewYear? = Int(f[8]).map { ReviewYear($0) }
            units.append(
                AdminUnit(
                    code: UnitCode(f[0]), name: f[1], level: level,
                    parentCode: f[3].isEmpty ? nil : UnitCode(f[3]), poorDistrict: f[4] == "1",
                    coastalSpecialDifficulty: f[5] == "1", ethnicRegion: EthnicRegion(rawValue: f[6]),
                    validFrom: from, validTo: to, line: record.line))
        }
        return AdminDirectory(units: units)
    }

    /// Village identity folding (input-format.md §1): NFC, lower case, old tone placement = new.
    static func fold(_ name: String) -> String {
        name.precomposedStringWithCanonicalMapping.lowercased()
            .replacingOccurrences(of: "oà", with: "òa").replacingOccurrences(of: "uỷ", with: "ủy")
    }
}
