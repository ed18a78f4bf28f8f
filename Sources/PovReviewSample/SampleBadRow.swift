import PovReviewCore

/// One deliberately bad row of the messy dump file: where it is and why ingest must quarantine it.
public struct SampleBadRow: Sendable, Equatable {
    /// File name within the output directory, e.g. `households_2023.csv`.
    public var file: String
    /// 1-based physical line (header = line 1).
    public var line: Int
    /// The quarantine reason ingest must give it (input-format.md §4, first failing check).
    public var reason: QuarantineReason
    /// The column at fault, when one field is.
    public var column: Column?
    /// What is wrong, for the README and test messages.
    public var problem: String
}

/// The kinds of bad row the messy file carries, one row each, in file order.
enum SampleBadRowKind: CaseIterable {
    case negativeMembers, unknownCommune, duplicateHousehold, invalidEnum, unescapedQuote
    case missingVillage, missingField, unsupportedYear, dependantsOverMembers, incomeShorthand
    case ambiguousArea, invalidEncoding, contradictoryParent, joblessOverLabour

    var reason: QuarantineReason {
        switch self {
        case .negativeMembers, .incomeShorthand, .ambiguousArea: .invalidNumber
        case .unknownCommune, .contradictoryParent: .unknownUnit
        case .duplicateHousehold: .duplicateHousehold
        case .invalidEnum: .invalidEnum
        case .unescapedQuote, .missingField: .malformedRow
        case .missingVillage: .missingValue
        case .unsupportedYear: .unsupportedYear
        case .dependantsOverMembers, .joblessOverLabour: .inconsistentCounts
        case .invalidEncoding: .invalidEncoding
        }
    }

    /// The column at fault, given whether the row's year has districts.
    func column(withDistricts: Bool) -> Column? {
        switch self {
        case .negativeMembers: .members
        case .unknownCommune: .communeCode
        case .duplicateHousehold, .unescapedQuote, .missingField: nil
        case .invalidEnum: .housingType
        case .missingVillage, .invalidEncoding: .village
        case .unsupportedYear: .reviewYear
        case .dependantsOverMembers: .dependants
        case .incomeShorthand: .incomePerCapita
        case .ambiguousArea: .housingAreaM2
        case .contradictoryParent: withDistricts ? .districtCode : .provinceCode
        case .joblessOverLabour: .workingAgeWithoutJob
        }
    }

    /// Builds the bad row from `template`, a valid row spelled canonically (no quoted fields),
    /// and returns it with a description of the problem.
    func makeRow(
        from template: [UInt8], columns: [Column], freshID: [UInt8], duplicateID: [UInt8],
        duplicateLine: Int, otherDistrict: [UInt8], unknownCommune: [UInt8]
    ) -> (bytes: [UInt8], problem: String) {
        var fields = template.dropLast().split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            .map(Array.init)
        func index(_ column: Column) -> Int { columns.firstIndex(of: column)! }
        func set(_ column: Column, _ value: String) { fields[index(column)] = Array(value.utf8) }
        func number(_ column: Column) -> Int { Int(String(decoding: fields[index(column)], as: UTF8.self)) ?? 0 }
        fields[index(.householdID)] = freshID

        let problem: String
        switch self {
        case .negativeMembers:
            set(.members, "-2")
            problem = "members is -2"
        case .unknownCommune:
            fields[index(.communeCode)] = unknownCommune
            problem = "commune_code \(String(decoding: unknownCommune, as: UTF8.self)) is not in admin_units.csv"
        case .duplicateHousehold:
            fields[index(.householdID)] = duplicateID
            set(.members, String(number(.members) + 1))
            problem = "household_id \(String(decoding: duplicateID, as: UTF8.self)) also on line \(duplicateLine); both rows are quarantined"
        case .invalidEnum:
            set(.housingType, "brick")
            problem = "housing_type is \"brick\""
        case .unescapedQuote:
            set(.village, "Thôn Bãi \"Dưới\"")
            problem = "a quote inside the unquoted village field: Thôn Bãi \"Dưới\""
        case .missingVillage:
            set(.village, "")
            problem = "village is empty"
        case .missingField:
            fields.removeLast()
            problem = "one field fewer than the header (the last column is missing)"
        case .unsupportedYear:
            set(.reviewYear, "2019")
            problem = "review_year 2019 (no standard before the 2021 review)"
        case .dependantsOverMembers:
            set(.dependants, String(number(.members) + 2))
            problem = "dependants greater than members"
        case .incomeShorthand:
            set(.incomePerCapita, "1tr5")
            problem = "income_per_capita written as \"1tr5\" (shorthand for 1.5 million)"
        case .ambiguousArea:
            set(.housingAreaM2, "\"1,234\"")
            problem = "housing_area_m2 \"1,234\" is ambiguous (thousands comma or decimal comma)"
        case .invalidEncoding:
            // "Thôn Na Hang" saved in Latin-1: ô is the single byte 0xF4, not valid UTF-8.
            fields[index(.village)] = Array("Th".utf8) + [0xF4] + Array("n Na Hang".utf8)
            problem = "village holds bytes that are not UTF-8 (a Latin-1 \"Thôn\")"
        case .contradictoryParent:
            if otherDistrict.isEmpty {
                set(.provinceCode, "01")
                problem = "province_code 01 contradicts the commune's province"
            } else {
                fields[index(.districtCode)] = otherDistrict
                problem = "district_code \(String(decoding: otherDistrict, as: UTF8.self)) is not the commune's district"
            }
        case .joblessOverLabour:
            set(.membersWithLabourCapacity, "1")
            set(.workingAgeWithoutJob, "2")
            if number(.members) < 2 { set(.members, "2") }
            problem = "working_age_without_job 2 > members_with_labour_capacity 1"
        }
        var bytes: [UInt8] = []
        for (position, field) in fields.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: field)
        }
        bytes.append(UInt8(ascii: "\n"))
        return (bytes, problem)
    }
}
