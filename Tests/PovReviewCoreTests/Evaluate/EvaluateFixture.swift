import PovReviewCore

/// Builds small hand-made worlds for evaluator tests: an admin directory and a figures table.
struct EvaluateFixture {
    var admin: [AdminUnit] = []
    var table = FigureTable()
    var crosswalk = Crosswalk()
    var targets = Targets()
    var schedule = StandardSchedule.nationalDefault

    static func tally(
        households: Int, poor: Int, nearPoor: Int = 0, emHouseholds: Int = 0, emPoor: Int = 0,
        specialDifficulty: Int = 0, poorDeprived: [IndicatorID: Int] = [:], nearPoorDeprived: [IndicatorID: Int] = [:]
    ) -> UnitTally {
        var t = UnitTally()
        t.households = households
        t.poor = poor
        t.nearPoor = nearPoor
        t.ethnicMinorityHouseholds = emHouseholds
        t.ethnicMinorityPoor = emPoor
        t.poorSpecialDifficulty = specialDifficulty
        for (id, n) in poorDeprived { t.poorDeprived[id.bit] = n }
        for (id, n) in nearPoorDeprived { t.nearPoorDeprived[id.bit] = n }
        return t
    }

    mutating func put(
        _ level: UnitLevel, _ code: UnitCode, _ year: Int, _ tally: UnitTally, name: String? = nil,
        rural: Int? = nil, standard: StandardID = "vn-2022"
    ) {
        table.insert(
            FigureRow(name: name ?? code.rawValue, tally: tally, ruralHouseholds: rural),
            level: level, unit: code, year: ReviewYear(year), standard: standard)
    }

    /// Households `h`, poor `p`, near-poor `n` for each year of a series.
    mutating func series(_ level: UnitLevel, _ code: UnitCode, _ values: [Int: (h: Int, p: Int, n: Int)], standard: StandardID = "vn-2022") {
        for (year, v) in values {
            put(level, code, year, Self.tally(households: v.h, poor: v.p, nearPoor: v.n), standard: standard)
        }
    }

    var input: EvaluationInput {
        EvaluationInput(
            figures: table, admin: AdminDirectory(units: admin), crosswalk: crosswalk, targets: targets,
            schedule: schedule)
    }

    func evaluate(_ plan: Plan, territory: UnitCode? = nil) -> [CriterionResult] {
        PlanEvaluator(input: input).evaluate(plan, options: EvaluationOptions(territoryOverride: territory))
    }

    /// A province 99 with a poor district 991 and a district 992, and communes under each.
    static func province99() -> EvaluateFixture {
        var f = EvaluateFixture()
        f.admin = [
            AdminUnit(code: "99", name: "Tỉnh Mẫu", level: .province, parentCode: nil),
            AdminUnit(code: "991", name: "Huyện Nghèo", level: .district, parentCode: "99", poorDistrict: true),
            AdminUnit(code: "992", name: "Huyện Khá", level: .district, parentCode: "99"),
            AdminUnit(code: "99101", name: "Xã Ven Biển", level: .commune, parentCode: "991", coastalSpecialDifficulty: true),
            AdminUnit(code: "99102", name: "Xã Vùng III", level: .commune, parentCode: "991", ethnicRegion: .iii),
            AdminUnit(code: "99201", name: "Phường Một", level: .commune, parentCode: "992"),
        ]
        return f
    }

    static func plan(
        _ rule: any CriterionRule, level: UnitLevel = .province, applicability: Applicability = .any,
        deadline: Int? = nil, monitoring: Bool = false, baseline: Int = 2021, period: ClosedRange<Int> = 2021...2025,
        scope: Plan.Scope = .provincial(territory: "99", nameVi: "Tỉnh Mẫu"), id: PlanID = "test-plan"
    ) -> Plan {
        Plan(
            id: id, titleVi: "Kế hoạch thử", baselineYear: ReviewYear(baseline),
            period: ReviewYear(period.lowerBound)...ReviewYear(period.upperBound), scope: scope,
            criteria: [
                Criterion(
                    id: "c", textVi: "tiêu chí", levels: [level], applicability: applicability,
                    deadline: deadline.map { ReviewYear($0) }, monitoring: monitoring, rule: rule)
            ])
    }
}

extension Rational {
    static func d(_ text: String) -> Rational { Rational(decimalText: text)! }
}

extension PlanParameter {
    static func n(_ text: String) -> PlanParameter { PlanParameter(.d(text)) }
}
