import Testing

@testable import PovReviewCore

/// A small admin directory: province 01 with district 001 and commune 00001 until 2024; after
/// the 2025 reform commune 00001 belongs directly to province 01. Province 02 / district 002 /
/// commune 00002 throughout.
let testAdmin = AdminDirectory(units: [
    AdminUnit(code: "01", name: "Tỉnh A", level: .province, parentCode: nil),
    AdminUnit(code: "02", name: "Tỉnh B", level: .province, parentCode: nil),
    AdminUnit(code: "001", name: "Huyện A", level: .district, parentCode: "01", validTo: 2024),
    AdminUnit(code: "002", name: "Huyện B", level: .district, parentCode: "02"),
    AdminUnit(code: "00001", name: "Xã A", level: .commune, parentCode: "001", validTo: 2024),
    AdminUnit(code: "00001", name: "Xã A", level: .commune, parentCode: "01", validFrom: 2025),
    AdminUnit(code: "00002", name: "Xã B", level: .commune, parentCode: "002"),
])

/// A valid 2024 row, as text by canonical column.
let baseRow: [Column: String] = [
    .reviewYear: "2024", .householdID: "H001", .provinceCode: "01", .districtCode: "001",
    .communeCode: "00001", .village: "Thôn Hòa", .area: "rural", .members: "4", .ethnicMinority: "0",
    .incomePerCapita: "1200000", .incomeScore: "", .workingAgeWithoutJob: "1", .dependants: "2",
    .childrenMalnourished: "0", .members6PlusUninsured: "0", .adults16To30WithoutQualification: "0",
    .children3To15OutOfSchool: "0", .housingType: "durable", .housingAreaM2: "40", .waterSource: "piped",
    .latrine: "septic", .internetUsers: "2", .infoDevices: "1", .loudspeakerAccess: "1",
    .membersWithLabourCapacity: "2", .socialProtectionMembers: "0", .digitalServiceUsers: "",
    .wasteDisposal: "", .headName: "Nguyễn Văn A", .headIDNumber: "001099012345",
]

func validate(
    _ overrides: [Column: String], columns: [Column] = Column.allCases,
    rules: ValidationRules = .nationalDefault, validator: RowValidator? = nil
) throws(HeaderProblem) -> RowVerdict {
    let layout = try HeaderLayout.resolve(columns.map(\.rawValue)).get()
    let validator = validator ?? RowValidator(layout: layout, rules: rules, admin: testAdmin)
    var row = baseRow
    for (column, value) in overrides { row[column] = value }
    let texts = columns.map { [UInt8](row[$0]!.utf8) }
    return try validate(texts, validator)
}

func validate(_ texts: [[UInt8]], _ validator: RowValidator) throws(HeaderProblem) -> RowVerdict {
    let pointers = texts.map { bytes -> UnsafeBufferPointer<UInt8> in
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        p.initialize(from: bytes, count: bytes.count)
        return UnsafeBufferPointer(start: p, count: bytes.count)
    }
    defer { for p in pointers { p.deallocate() } }
    return try pointers.withUnsafeBufferPointer { (fields) throws(HeaderProblem) -> RowVerdict in
        try validator.validate(fields, line: 2)
    }
}

@Suite struct RowValidatorTests {
    @Test func acceptsAValidRowWithParentsFromTheAdminDirectory() throws {
        let verdict = try validate([.districtCode: ""])
        let household = try #require(verdict.outcome.household)
        #expect(household.provinceCode == "01")
        #expect(household.districtCode == "001")
        #expect(household.communeCode == "00001")
        #expect(household.village == "Thôn Hòa")
        #expect(household.members == 4)
        #expect(household.incomePerCapita == 1_200_000)
        #expect(household.incomeScore == nil)
        #expect(household.housingAreaM2 == ExactDecimal(40))
        #expect(household.headName == nil && household.headIDNumber == nil)
        #expect(household.digitalServiceUsers == nil && household.wasteDisposal == nil)
        #expect(verdict.key == HouseholdKey(reviewYear: 2024, householdID: HouseholdID("H001")))
    }

    @Test(
        arguments: [
            ([Column.members: ""], QuarantineReason.missingValue, "members", "members is required but empty"),
            ([.members: "-2"], .invalidNumber, "members", "members must be a whole number ≥ 1, got \"-2\""),
            ([.members: "0"], .invalidNumber, "members", "members must be a whole number ≥ 1, got \"0\""),
            ([.dependants: "-1"], .invalidNumber, "dependants", "dependants must be a whole number ≥ 0, got \"-1\""),
            ([.housingAreaM2: "1,234"], .invalidNumber, "housing_area_m2", nil),
            ([.housingAreaM2: "-3"], .invalidNumber, "housing_area_m2", nil),
            ([.incomePerCapita: "1.5tr"], .invalidNumber, "income_per_capita", nil),
            ([.housingType: "castle"], .invalidEnum, "housing_type", nil),
            ([.ethnicMinority: "2"], .invalidEnum, "ethnic_minority", nil),
            ([.reviewYear: "2019"], .unsupportedYear, "review_year", nil),
            ([.reviewYear: ""], .missingValue, "review_year", nil),
            ([.reviewYear: "năm 2024"], .invalidNumber, "review_year", nil),
            ([.dependants: "5"], .inconsistentCounts, "dependants", "dependants (5) is greater than members (4)"),
            (
                [.workingAgeWithoutJob: "3"], .inconsistentCounts, "working_age_without_job",
                "working_age_without_job (3) is greater than members_with_labour_capacity (2)"
            ),
            ([.communeCode: "99999"], .unknownUnit, "commune_code", nil),
            ([.provinceCode: "02"], .unknownUnit, "province_code", nil),
            ([.districtCode: "002"], .unknownUnit, "district_code", nil),
            ([.provinceCode: "A1"], .invalidNumber, "province_code", nil),
            ([.communeCode: "000001"], .invalidNumber, "commune_code", nil),
            ([.incomePerCapita: "", .incomeScore: ""], .missingValue, nil, "income_per_capita or income_score is required; both are empty"),
        ] as [([Column: String], QuarantineReason, String?, String?)])
    func rejectsWithTheReasonOfTheSpec(
        overrides: [Column: String], reason: QuarantineReason, column: String?, message: String?
    ) throws {
        let rejection = try #require(try validate(overrides).outcome.rejection)
        #expect(rejection.reason == reason)
        #expect(rejection.column == column)
        if let message { #expect(rejection.message == message) }
        #expect(!rejection.message.contains("Nguyễn") && !rejection.message.contains("001099012345"))
    }

    @Test func invalidUTF8IsInvalidEncodingWithoutAKey() throws {
        let layout = try HeaderLayout.resolve(Column.allCases.map(\.rawValue)).get()
        let validator = RowValidator(layout: layout, rules: .nationalDefault, admin: testAdmin)
        var texts = Column.allCases.map { [UInt8](baseRow[$0]!.utf8) }
        texts[Column.village.index] = [0x54, 0xF4, 0x6E]  // "Tôn" in Windows-1258
        texts[Column.members.index] = Array("-2".utf8)
        let verdict = try validate(texts, validator)
        #expect(verdict.outcome.rejection?.reason == .invalidEncoding)
        #expect(verdict.outcome.rejection?.column == "village")
        #expect(verdict.key == nil)
    }

    @Test func firstFailingCheckWinsInColumnOrder() throws {
        // members (invalid number) comes before housing_type (invalid enum) and the unit check.
        let a = try #require(try validate([.members: "-2", .housingType: "castle", .communeCode: "99999"]).outcome.rejection)
        #expect(a.reason == .invalidNumber && a.column == "members")
        // area (invalid enum) comes before members.
        let b = try #require(try validate([.members: "-2", .area: "mountain"]).outcome.rejection)
        #expect(b.reason == .invalidEnum && b.column == "area")
        // A bad year hides everything else and gives no key.
        let c = try validate([.reviewYear: "20x4", .members: "-2"])
        #expect(c.outcome.rejection?.column == "review_year")
        #expect(c.key == nil)
        // An unsupported year still has a key.
        let d = try validate([.reviewYear: "2019", .members: ""])
        #expect(d.outcome.rejection?.reason == .unsupportedYear)
        #expect(d.key == HouseholdKey(reviewYear: 2019, householdID: HouseholdID("H001")))
        // Counts beyond members lose to a later column's format error.
        let e = try #require(try validate([.dependants: "9", .latrine: "bucket"]).outcome.rejection)
        #expect(e.reason == .invalidEnum && e.column == "latrine")
        // Inconsistent counts before an unknown unit.
        let f = try #require(try validate([.dependants: "9", .communeCode: "99999"]).outcome.rejection)
        #expect(f.reason == .inconsistentCounts)
    }

    @Test func keyIsReadEvenWhenTheRowFailsLater() throws {
        let verdict = try validate([.householdID: "\u{00A0}H 7 ", .members: "-2"])
        #expect(verdict.key?.householdID == HouseholdID("H 7"))
    }

    @Test func emptyHouseholdIDIsMissingWithoutAKey() throws {
        let verdict = try validate([.householdID: "  "])
        #expect(verdict.outcome.rejection?.reason == .missingValue)
        #expect(verdict.key == nil)
    }

    @Test func leftoverDistrictCodeAfterTheReformIsIgnoredWithAWarning() throws {
        let verdict = try validate([.reviewYear: "2025", .districtCode: "001"])
        guard case .accepted(let household, let warnings) = verdict.outcome else {
            Issue.record("rejected: \(String(describing: verdict.outcome.rejection))"); return
        }
        #expect(household.districtCode == nil)
        #expect(household.provinceCode == "01")
        #expect(warnings.map(\.code) == ["leftover_district_code"])
        #expect(warnings.first?.line == 2)
    }

    @Test func districtValidUntil2024IsUnknownAfterwardsOnlyWhenContradicting() throws {
        // In 2024 the commune's district is 001; a row saying 002 contradicts it.
        #expect(try validate([.districtCode: "002"]).outcome.rejection?.reason == .unknownUnit)
        // Commune 00002 in province 02 is valid in every year.
        #expect(
            try validate([.reviewYear: "2025", .provinceCode: "02", .districtCode: "002", .communeCode: "00002"])
                .outcome.household?.districtCode == "002")
    }

    @Test func shortCodesArePaddedWithAWarning() throws {
        let verdict = try validate([.provinceCode: "1", .districtCode: "1", .communeCode: "1"])
        guard case .accepted(let household, let warnings) = verdict.outcome else {
            Issue.record("rejected"); return
        }
        #expect(household.communeCode == "00001")
        #expect(warnings.map(\.code) == ["padded_code", "padded_code", "padded_code"])
    }

    @Test func vietnameseSpellingsAndMessyValuesAreRead() throws {
        let household = try #require(
            try validate([
                .area: "Nông thôn", .housingType: "Bán kiên cố", .waterSource: "giếng khoan",
                .latrine: "Tự hoại", .ethnicMinority: "x", .loudspeakerAccess: "", .incomePerCapita: "1.500.000",
                .housingAreaM2: "12,5", .village: "  Tho\u{302}n   Ho\u{300}a ", .members: "\u{00A0}4",
            ]).outcome.household)
        #expect(household.area == .rural)
        #expect(household.housingType == .semiDurable)
        #expect(household.waterSource == .drilledWell)
        #expect(household.latrine == .septic)
        #expect(household.ethnicMinority == true)
        #expect(household.loudspeakerAccess == false)
        #expect(household.incomePerCapita == 1_500_000)
        #expect(household.housingAreaM2 == ExactDecimal(significand: 125, scale: 1))
        #expect(household.village == "Thôn Hòa")
    }

    @Test func vn2027RowsNeedWasteDigitalAndIncome() throws {
        let ok: [Column: String] = [.reviewYear: "2027", .districtCode: "", .digitalServiceUsers: "1", .wasteDisposal: "thu gom"]
        let household = try #require(try validate(ok).outcome.household)
        #expect(household.digitalServiceUsers == 1 && household.wasteDisposal == .collected)

        var noWaste = ok; noWaste[.wasteDisposal] = ""
        #expect(
            try validate(noWaste).outcome.rejection
                == RowRejection(
                    reason: .missingValue, column: "waste_disposal", message: "waste_disposal is required but empty"))

        var scoreOnly = ok; scoreOnly[.incomePerCapita] = ""; scoreOnly[.incomeScore] = "120"
        #expect(try validate(scoreOnly).outcome.rejection?.column == "income_per_capita")

        var tooManyDigital = ok; tooManyDigital[.digitalServiceUsers] = "5"
        #expect(try validate(tooManyDigital).outcome.rejection?.reason == .inconsistentCounts)
    }

    @Test func standardSpecificColumnsAreIgnoredForOtherYears() throws {
        let household = try #require(try validate([.wasteDisposal: "garbage", .digitalServiceUsers: "-4"]).outcome.household)
        #expect(household.wasteDisposal == nil && household.digitalServiceUsers == nil)
    }

    @Test func scoreAloneIsEnoughForVn2022() throws {
        let household = try #require(try validate([.incomePerCapita: "", .incomeScore: "150"]).outcome.household)
        #expect(household.incomeScore == 150 && household.incomePerCapita == nil)
    }

    @Test func forcedBasisMakesItsFieldRequired() throws {
        let rules = ValidationRules(schedule: .nationalDefault, standardColumns: [:], basisPolicy: .score)
        #expect(try validate([:], rules: rules).outcome.rejection?.column == "income_score")
    }

    @Test func yearNeedingAColumnTheHeaderLacksIsAHeaderProblem() throws {
        let columns = Column.allCases.filter { $0 != .wasteDisposal }
        #expect(throws: HeaderProblem.missingColumn(.wasteDisposal, year: 2027)) {
            try validate([.reviewYear: "2027", .digitalServiceUsers: "1"], columns: columns)
        }
        // A 2024 row does not need it.
        #expect(try validate([:], columns: columns).outcome.household != nil)
    }

    @Test func personalDataIsKeptOnlyWhenAsked() throws {
        var rules = ValidationRules.nationalDefault
        rules.keepPersonalData = true
        let household = try #require(try validate([.headName: " Nguyễn  Văn A "], rules: rules).outcome.household)
        #expect(household.headName == "Nguyễn Văn A")
        #expect(household.headIDNumber == "001099012345")
    }

    @Test func headerProblems() {
        #expect(throws: HeaderProblem.duplicateColumn(.householdID, firstHeader: "household_id", secondHeader: "Mã hộ")) {
            try HeaderLayout.resolve(["household_id", "Mã hộ"]).get()
        }
        let layout = try! HeaderLayout.resolve(Column.allCases.filter { $0 != .village }.map(\.rawValue)).get()
        #expect(layout.problem(for: .nationalDefault) == .missingColumn(.village, year: nil))
        let noIncome = try! HeaderLayout.resolve(Column.allCases.filter { $0 != .incomePerCapita && $0 != .incomeScore }.map(\.rawValue)).get()
        #expect(noIncome.problem(for: .nationalDefault) == .missingIncome)
    }
}

@Suite struct ColumnIndexTests {
    @Test func indexIsThePositionInValidationOrder() {
        for (position, column) in Column.allCases.enumerated() { #expect(column.index == position) }
    }
}
