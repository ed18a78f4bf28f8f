import Testing

@testable import PovReviewCore

@Suite struct FieldParserTests {
    @Test(
        arguments: [
            ("1500000", 1_500_000), ("1.500.000", 1_500_000), ("1,500,000", 1_500_000), ("  42 ", 42),
            ("1.500", 1500), ("0", 0), ("007", 7), ("-2", -2), ("\u{00A0}12\u{00A0}", 12),
        ] as [(String, Int64)])
    func readsIntegers(text: String, expected: Int64) {
        #expect(IntegerField.parse(text) == expected)
    }

    @Test(arguments: ["", "12.5", "1.50.000", "1 500", "1,500.000", "1.500,000", "abc", "1,5", "0.500", "1e3", "10000000000000000"])
    func rejectsUnreadableIntegers(text: String) {
        #expect(IntegerField.parse(text) == nil)
    }

    @Test(
        arguments: [
            ("12.5", 125, 1), ("12,5", 125, 1), ("1.234", 1234, 3), ("1.234,5", 12345, 1),
            ("1,234.5", 12345, 1), ("1.234.567", 1_234_567, 0), ("1,234,567", 1_234_567, 0), ("40", 40, 0),
            ("0,25", 25, 2), ("1,2345", 12345, 4),
        ] as [(String, Int64, Int)])
    func readsDecimals(text: String, significand: Int64, scale: Int) {
        #expect(DecimalField.parse(text) == .value(ExactDecimal(significand: significand, scale: scale)))
    }

    @Test func commaWithThreeDigitsIsAmbiguous() {
        #expect(DecimalField.parse("1,234") == .ambiguous)
        // Rule 6: a comma followed by exactly three digits is never a decimal comma, even after
        // dot groups (found by the independent reference implementation).
        #expect(DecimalField.parse("1.234,567") == .ambiguous)
        #expect(DecimalField.parse("1,234.567") == .value(ExactDecimal(significand: 1_234_567, scale: 3)))
    }

    @Test(arguments: ["+4", "+1.500.000", "+0"])
    func rejectsPlusSignedIntegers(text: String) {
        // Not one of the forms of rule 6: unreadable, never guessed.
        #expect(IntegerField.parse(text) == nil)
    }

    @Test func rejectsPlusSignedDecimals() {
        #expect(DecimalField.parse("+12.5") == .invalid)
    }

    @Test(arguments: ["", "abc", "12.", ",5", "1.2.3", "1,234,5", "1.234.5", "1,2.3,4", "12.5.6,7"])
    func rejectsUnreadableDecimals(text: String) {
        #expect(DecimalField.parse(text) == .invalid)
    }

    @Test(
        arguments: [
            ("1", true), ("0", false), ("x", true), ("X", true), ("", false), ("true", true), ("FALSE", false),
            ("có", true), ("Có", true), ("KHÔNG", false), ("không", false), ("co\u{301}", true), (" 1 ", true),
        ] as [(String, Bool)])
    func readsBooleans(text: String, expected: Bool) {
        #expect(BooleanField.parse(text) == expected)
    }

    @Test(arguments: ["2", "yes", "c", "-1"])
    func rejectsOtherBooleans(text: String) {
        #expect(BooleanField.parse(text) == nil)
    }

    @Test func codesArePaddedOrRejected() {
        #expect(UnitCodeField.parse("1", length: 2) == .code("01", padded: true))
        #expect(UnitCodeField.parse("01", length: 2) == .code("01", padded: false))
        #expect(UnitCodeField.parse("\u{00A0}123 ", length: 5) == .code("00123", padded: true))
        #expect(UnitCodeField.parse("001", length: 2) == .invalid)
        #expect(UnitCodeField.parse("A1", length: 2) == .invalid)
    }

    @Test func textIsNormalisedToNFCTrimmedAndCollapsed() {
        #expect(TextNormalization.normalizedText("  Tho\u{302}n   Ho\u{300}a\tBi\u{300}nh ") == "Thôn Hòa Bình")
        #expect(TextNormalization.normalizedText("\u{00A0}Xóm 1\u{00A0}") == "Xóm 1")
    }
}

@Suite struct VillageKeyTests {
    @Test(arguments: [
        ("Hoà", "Hòa"), ("Thuỷ", "Thủy"), ("Hoá", "Hóa"), ("Quỳ", "Qùy"), ("THÔN HÒA BÌNH", "thôn  hoà bình"),
        ("Tho\u{302}n Ho\u{300}a", "Thôn Hòa"), ("Khoẻ", "Khỏe"),
    ])
    func foldsCaseAndTonePlacement(a: String, b: String) {
        #expect(villageKey(a) == villageKey(b))
    }

    @Test(arguments: [("Hòa", "Hóa"), ("Thôn 1", "Thôn 2"), ("Hoa", "Hòa")])
    func keepsDifferentNamesApart(a: String, b: String) {
        #expect(villageKey(a) != villageKey(b))
    }
}

@Suite struct AliasTableTests {
    @Test func everyColumnHasAVietnameseHeaderAlias() {
        for column in Column.allCases {
            let aliases = DefaultAliases.headers.entries.filter { $0.value == column }.flatMap(\.aliases)
            #expect(aliases.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }, "\(column.rawValue)")
        }
    }

    @Test(arguments: [
        ("Năm rà soát", Column.reviewYear), ("Mã hộ", .householdID), ("MÃ TỈNH", .provinceCode),
        ("Mã huyện", .districtCode), ("Mã xã", .communeCode), ("Thôn", .village),
        ("Thôn, bản, tổ dân phố", .village), ("Khu vực", .area), ("Số nhân khẩu", .members),
        ("Dân tộc thiểu số", .ethnicMinority), ("Thu nhập bình quân", .incomePerCapita),
        ("Điểm B1", .incomeScore), ("Điểm A", .incomeScore), ("Họ tên chủ hộ", .headName),
        ("Số CCCD", .headIDNumber), (" review_year ", .reviewYear), ("Ma ho", .householdID),
        ("Ma\u{303} ho\u{323}\u{302}", .householdID),
    ])
    func matchesHeaders(name: String, column: Column) {
        #expect(DefaultAliases.headers.value(for: name) == column)
    }

    @Test func everyEnumValueHasAVietnameseAlias() {
        func check<V>(_ table: AliasTable<V>) {
            for value in V.allCases {
                let aliases = table.entries.filter { $0.value == value }.flatMap(\.aliases)
                #expect(aliases.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }, "\(value.rawValue)")
            }
        }
        check(DefaultAliases.area)
        check(DefaultAliases.housingType)
        check(DefaultAliases.waterSource)
        check(DefaultAliases.latrine)
        check(DefaultAliases.wasteDisposal)
    }

    @Test func matchesEnumAliases() {
        #expect(DefaultAliases.area.value(for: "Nông thôn") == .rural)
        #expect(DefaultAliases.area.value(for: "nong_thon") == .rural)
        #expect(DefaultAliases.area.value(for: "NT") == .rural)
        #expect(DefaultAliases.area.value(for: "Đô thị") == .urban)
        #expect(DefaultAliases.area.value(for: "TT") == .urban)
        #expect(DefaultAliases.housingType.value(for: "Bán kiên cố") == .semiDurable)
        #expect(DefaultAliases.housingType.value(for: "đơn sơ") == .nonDurable)
        #expect(DefaultAliases.housingType.value(for: "semi-durable") == .semiDurable)
        #expect(DefaultAliases.waterSource.value(for: "Giếng khoan") == .drilledWell)
        #expect(DefaultAliases.waterSource.value(for: "sông suối ao hồ") == .surface)
        #expect(DefaultAliases.latrine.value(for: "Tự hoại") == .septic)
        #expect(DefaultAliases.latrine.value(for: "bán tự hoại") == .pourFlush)
        #expect(DefaultAliases.latrine.value(for: "hai ngăn") == .doubleVault)
        #expect(DefaultAliases.wasteDisposal.value(for: "Vứt bừa bãi") == .openDumping)
        #expect(DefaultAliases.housingType.value(for: "kiến cố") == nil)
        #expect(DefaultAliases.area.value(for: "urbanish") == nil)
    }

    @Test func pipelineAliasesAreAdded() {
        let table = DefaultAliases.headers.adding("HH code", for: .householdID)
        #expect(table.value(for: "hh code") == .householdID)
    }

    @Test func markdownListsTheTables() {
        let text = DefaultAliases.markdown()
        #expect(text.contains("| `household_id` |"))
        #expect(text.contains("`Mã hộ`"))
        #expect(text.contains("`giếng khoan`"))
    }
}
