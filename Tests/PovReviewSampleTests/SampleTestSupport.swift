import Foundation
import PovReviewCore
import PovReviewIO

@testable import PovReviewSample

/// Helpers for the sample-generator tests: a temporary directory per test, a small CSV reader,
/// and a strict reading of a generated row back into a `Household`.
enum SampleTestSupport {
    /// A fresh empty directory.
    static func makeTemporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("povreview-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Generates `configuration` into a fresh directory.
    static func generate(_ configuration: SampleConfiguration) throws -> (URL, SampleSummary) {
        let directory = try makeTemporaryDirectory()
        let summary = try SampleGenerator(configuration: configuration).write(to: directory)
        return (directory, summary)
    }

    /// The committed `SampleData/` folder of the package.
    static var committedSampleData: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleData")
    }

    /// One CSV record: first physical line and fields.
    struct Record {
        var line: Int
        var fields: [String]
    }

    /// Splits a CSV file (RFC 4180 quotes, no line breaks inside fields) into the header and the
    /// records; lines that are not valid UTF-8 are returned with `nil` fields.
    static func read(_ url: URL) throws -> (header: [String], records: [Record], invalidUTF8Lines: [Int]) {
        let data = try Data(contentsOf: url)
        var records: [Record] = []
        var invalid: [Int] = []
        var lineNumber = 0
        for lineBytes in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineBytes.isEmpty { continue }
            guard let line = String(validating: lineBytes, as: UTF8.self) else {
                invalid.append(lineNumber)
                continue
            }
            records.append(Record(line: lineNumber, fields: split(line)))
        }
        let header = records.removeFirst().fields
        return (header, records, invalid)
    }

    /// The fields of one line; `nil` inside means an unescaped quote.
    static func split(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        for character in line {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if field.isEmpty && !wasQuoted { quoted = true; wasQuoted = true } else { field.append("\u{FFFD}") }
            } else if character == "," {
                fields.append(field)
                field = ""
                wasQuoted = false
            } else {
                field.append(character)
            }
        }
        fields.append(field)
        return fields
    }

    enum RowProblem: Error, Equatable { case bad(String) }

    /// Reads a generated row back, accepting only the spellings the generator uses
    /// (canonical values and the messy-but-valid aliases) and checking every range of §1.
    static func household(_ fields: [String], header: [String]) throws(RowProblem) -> Household {
        guard fields.count == header.count else { throw .bad("field count \(fields.count)") }
        var values: [String: String] = [:]
        for (name, value) in zip(header, fields) { values[name] = value }
        func text(_ name: String) throws(RowProblem) -> String {
            guard let value = values[name], !value.isEmpty else { throw .bad("\(name) missing") }
            guard !value.contains("\u{FFFD}") else { throw .bad("\(name) has a stray quote") }
            return value
        }
        func int(_ name: String) throws(RowProblem) -> Int {
            let raw = try text(name)
            let digits = raw.filter { $0 != "." && $0 != "," }
            if raw != digits {
                // Thousands separators must group by three.
                let groups = raw.split(whereSeparator: { $0 == "." || $0 == "," })
                guard groups.dropFirst().allSatisfy({ $0.count == 3 }) else { throw .bad("\(name) = \(raw)") }
            }
            guard let value = Int(digits), value >= 0 else { throw .bad("\(name) = \(raw)") }
            return value
        }
        func bool(_ name: String) throws(RowProblem) -> Bool {
            switch try text(name) {
            case "1", "có": return true
            case "0", "không": return false
            case let raw: throw .bad("\(name) = \(raw)")
            }
        }
        func count(_ name: String, members: Int) throws(RowProblem) -> Int {
            let value = try int(name)
            guard value <= members else { throw .bad("\(name) \(value) > members \(members)") }
            return value
        }
        let year = try int("review_year")
        let members = try int("members")
        guard members >= 1 else { throw .bad("members = 0") }
        let area: Area
        switch try text("area") {
        case "rural", "RURAL", "nông thôn": area = .rural
        case "urban", "URBAN", "thành thị": area = .urban
        case let raw: throw .bad("area = \(raw)")
        }
        let housing: HousingType
        switch try text("housing_type") {
        case "kiên cố": housing = .durable
        case "bán kiên cố": housing = .semiDurable
        case let raw:
            guard let value = HousingType(rawValue: raw) else { throw .bad("housing_type = \(raw)") }
            housing = value
        }
        let water: WaterSource
        switch try text("water_source") {
        case "nước máy": water = .piped
        case "giếng khoan": water = .drilledWell
        case let raw:
            guard let value = WaterSource(rawValue: raw) else { throw .bad("water_source = \(raw)") }
            water = value
        }
        let latrine: LatrineType
        switch try text("latrine") {
        case "tự hoại": latrine = .septic
        case let raw:
            guard let value = LatrineType(rawValue: raw) else { throw .bad("latrine = \(raw)") }
            latrine = value
        }
        let areaText = try text("housing_area_m2").replacingOccurrences(of: ",", with: ".")
        let areaParts = areaText.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(areaParts.count), let whole = Int64(areaParts[0]), whole >= 0,
            areaParts.count == 1 || areaParts[1] == "5"
        else { throw .bad("housing_area_m2 = \(areaText)") }
        let labour = try count("members_with_labour_capacity", members: members)
        let withoutJob = try count("working_age_without_job", members: members)
        guard withoutJob <= labour else { throw .bad("working_age_without_job > labour capacity") }
        let score = values["income_score"].flatMap { $0.isEmpty ? nil : Int64($0) }
        var village = try text("village")
        village = village.precomposedStringWithCanonicalMapping
        let district = values["district_code"].flatMap { $0.isEmpty ? nil : UnitCode($0) }
        return Household(
            reviewYear: ReviewYear(year), householdID: HouseholdID(try text("household_id")),
            provinceCode: UnitCode(try text("province_code")), districtCode: district,
            communeCode: UnitCode(try text("commune_code")), village: village, area: area,
            members: members, ethnicMinority: try bool("ethnic_minority"),
            incomePerCapita: Int64(try int("income_per_capita")), incomeScore: score,
            workingAgeWithoutJob: withoutJob, dependants: try count("dependants", members: members),
            childrenMalnourished: try count("children_malnourished", members: members),
            members6PlusUninsured: try count("members_6plus_uninsured", members: members),
            adults16To30WithoutQualification: try count("adults_16_30_without_qualification", members: members),
            children3To15OutOfSchool: try count("children_3_15_out_of_school", members: members),
            housingType: housing,
            housingAreaM2: ExactDecimal(significand: whole * 10 + (areaParts.count == 2 ? 5 : 0), scale: 1),
            waterSource: water, latrine: latrine,
            internetUsers: try count("internet_users", members: members),
            infoDevices: try int("info_devices"), loudspeakerAccess: try bool("loudspeaker_access"),
            membersWithLabourCapacity: labour,
            socialProtectionMembers: try count("social_protection_members", members: members))
    }

    /// `vn-2022` as shipped (`Pipelines/standards/vn-2022.yaml`; `ConfigFileTests` checks the
    /// file against the numbers of standards.md).
    static let vn2022: Standard = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Pipelines/standards/vn-2022.yaml")
        return try! StandardFile.load(url)
    }()
}
