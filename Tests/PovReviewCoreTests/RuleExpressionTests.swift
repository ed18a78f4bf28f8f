import Testing

@testable import PovReviewCore

/// The rule syntax of standard files: parsing, exact evaluation and located errors. Expected
/// verdicts are worked out by hand from the rule text.
@Suite("Indicator rules as expressions")
struct RuleExpressionTests {
    func definition(_ rule: String, fields: [RuleField] = RuleField.builtIn) throws -> IndicatorDefinition {
        try IndicatorDefinition(id: "x", nameVi: "x", nameEn: "x", dimension: "housing", rule: rule, fields: fields)
    }

    func household(members: Int = 4) -> Household { StandardFixtures.household(members: members) }

    @Test(
        "dependants * 2 > members and dependants > 0.5 * members decide the same, exactly",
        arguments: [
            (4, 2, false), (4, 3, true), (5, 2, false), (5, 3, true), (1, 1, true), (2, 1, false), (3, 2, true),
        ])
    func dependants(members: Int, dependants: Int, deprived: Bool) throws {
        var h = household(members: members)
        h.dependants = dependants
        #expect(try definition("dependants * 2 > members").isDeprived(h) == deprived)
        #expect(try definition("dependants > 0.5 * members").isDeprived(h) == deprived)
        #expect(try definition("2 * dependants > members").isDeprived(h) == deprived)
        // The same comparison written the other way round.
        #expect(try definition("members < dependants * 2").isDeprived(h) == deprived)
    }

    @Test(
        "Area exactly 8 m² per person is not deprived",
        arguments: [
            (4, ExactDecimal(32), false), (4, ExactDecimal(significand: 319, scale: 1), true),
            (3, ExactDecimal(significand: 2400, scale: 2), false), (3, ExactDecimal(significand: 23999, scale: 3), true),
            (1, ExactDecimal(0), true), (2, ExactDecimal(significand: 16001, scale: 3), false),
        ])
    func housingArea(members: Int, area: ExactDecimal, deprived: Bool) throws {
        var h = household(members: members)
        h.housingAreaM2 = area
        #expect(try definition("housing_area_m2 < 8 * members").isDeprived(h) == deprived)
        // 7.5 m² per person: 31.9 < 30 is false, 29.9 < 30 true.
        h.housingAreaM2 = ExactDecimal(significand: 299, scale: 1)
        #expect(try definition("housing_area_m2 < 7.5 * members").isDeprived(h) == (members == 4))
    }

    @Test("Enumeration membership: in and not in")
    func membership() throws {
        var h = household()
        let notIn = try definition("water_source not in [piped, rainwater]")
        let isIn = try definition("water_source in [piped, rainwater]")
        for (source, listed) in [(WaterSource.piped, true), (.rainwater, true), (.surface, false), (.none, false)] {
            h.waterSource = source
            #expect(notIn.isDeprived(h) == !listed)
            #expect(isIn.isDeprived(h) == listed)
        }
    }

    @Test(
        "and binds tighter than or; brackets override",
        arguments: [
            // (internet_users, info_devices, loudspeaker) → a = 0 or (b = 0 and c = 0) ; (a = 0 or b = 0) and c = 0
            (0, 1, 1, true, false), (1, 0, 0, true, true), (1, 0, 1, false, false), (0, 1, 0, true, true),
            (1, 1, 0, false, false),
        ])
    func precedence(internet: Int, devices: Int, loudspeaker: Int, plain: Bool, bracketed: Bool) throws {
        var h = household()
        h.internetUsers = internet
        h.infoDevices = devices
        h.loudspeakerAccess = loudspeaker == 1
        #expect(try definition("internet_users = 0 or info_devices = 0 and loudspeaker_access = 0").isDeprived(h) == plain)
        #expect(try definition("(internet_users = 0 or info_devices = 0) and loudspeaker_access = 0").isDeprived(h) == bracketed)
    }

    @Test("Operators: <= >= != ≤ ≥ and ==")
    func operators() throws {
        var h = household(members: 4)
        h.infoDevices = 2
        #expect(try definition("info_devices <= 2").isDeprived(h))
        #expect(try definition("info_devices ≤ 2").isDeprived(h))
        #expect(!(try definition("info_devices < 2").isDeprived(h)))
        #expect(try definition("info_devices >= 2").isDeprived(h))
        #expect(try definition("info_devices ≥ 2").isDeprived(h))
        #expect(!(try definition("info_devices != 2").isDeprived(h)))
        #expect(try definition("info_devices == 2").isDeprived(h))
        #expect(try definition("info_devices * 2 = members").isDeprived(h))
    }

    @Test("An extra column is read from the household's extra values")
    func extraColumn() throws {
        let fields = RuleField.builtIn + [RuleField(name: "electricity_access", type: .boolean, slot: .extra(0))]
        let rule = try definition("electricity_access = 0", fields: fields)
        var h = household()
        h.extraValues = [ExactDecimal(0)]
        #expect(rule.isDeprived(h))
        h.extraValues = [ExactDecimal(1)]
        #expect(!rule.isDeprived(h))
    }

    @Test(
        "Errors name the offset of the problem",
        arguments: [
            ("happiness >= 1", 0, "unknown column \"happiness\""),
            ("members >= 1 and wealth < 3", 17, "unknown column \"wealth\""),
            ("water_source >= 1", 0, "is an enumeration"),
            ("members in [one, two]", 0, "not an enumeration"),
            ("water_source in [piped, tap]", 24, "cannot take the value \"tap\""),
            ("loudspeaker_access = 2", 0, "0/1 column"),
            ("loudspeaker_access < 1", 0, "0/1 column"),
            ("1 < 2", 0, "compares two numbers"),
            ("members >", 9, "expected a column name or a number"),
            ("members >= 1 and", 16, "expected a column name or a number"),
            ("(members >= 1", 13, "expected \")\""),
            ("members # 1", 8, "unexpected character"),
            ("members * dependants > 1", 10, "not two columns"),
            ("members >= 1,5", 12, "decimals with a point"),
            ("members >= 1 members", 13, "expected \"and\", \"or\""),
        ])
    func errors(rule: String, offset: Int, message: String) {
        #expect {
            try definition(rule)
        } throws: { error in
            guard let e = error as? RuleError else { return false }
            return e.offset == offset && e.message.contains(message)
        }
    }
}
