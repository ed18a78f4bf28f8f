/// "100% số xã đạt tiêu chí về tỷ lệ hộ nghèo theo … Bộ tiêu chí quốc gia xã đạt chuẩn Nông thôn
/// mới" (Vĩnh Phúc, by end of 2022), judged on a province: every unit of a level inside it
/// (optionally only rural communes: all their households rural that year; wards and towns are
/// outside the new-rural criteria) has `rate ⋈ x` at `T`. plans.md pin 3: not_met if any unit
/// fails; else insufficient_data if any unit lacks data (or its rural households are unknown);
/// else met (vacuously when no unit qualifies; the evidence says so).
///
/// Plan file: `every_unit: {level: commune, only: rural, metric: rate_P, at_most: {value: 2, provisional: true}}`.
public struct EveryUnitRule: CriterionRule {
    public static let kind = "every_unit"

    /// Which units of the level count.
    public enum Filter: String, Sendable, CaseIterable {
        case all
        /// Communes all of whose households are rural that year (needs `ruralHouseholds`).
        case rural
    }

    public var level: UnitLevel
    public var filter: Filter
    public var metric: RateMetric
    public var bound: Bound

    public init(level: UnitLevel, filter: Filter, metric: RateMetric, bound: Bound) {
        self.level = level
        self.filter = filter
        self.metric = metric
        self.bound = bound
    }

    public init(arguments: any RuleArguments) throws {
        level = try arguments.choice("level", as: UnitLevel.self)
        filter = try arguments.choice("only", as: Filter.self, default: .all)
        metric = try arguments.choice("metric", as: RateMetric.self)
        bound = try arguments.bound([.atMost, .lessThan])
        if filter == .rural && level != .commune {
            throw arguments.problem("only", "\"rural\" applies to communes only")
        }
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        var evidence = Evidence(rule: Self.kind, metric: metric.rawValue, bound: bound)
        evidence.note("units", "\(level.rawValue)\(filter == .rural ? " (rural: all households rural)" : "")")
        var checks: [Evidence.UnitCheck] = []
        var verdicts: [Verdict] = []
        var roundedVerdicts: [Verdict] = []
        var skipped = 0
        for unit in context.subunits(level, at: t) {
            guard let figures = context.lookup(unit, t).figures else {
                checks.append(.init(unitCode: unit.code.rawValue, unitName: unit.name, verdict: .insufficientData, basis: "missing_years", year: t.value))
                verdicts.append(.insufficientData)
                roundedVerdicts.append(.insufficientData)
                continue
            }
            if filter == .rural {
                guard let rural = figures.ruralHouseholds else {
                    checks.append(.init(unitCode: unit.code.rawValue, unitName: unit.name, verdict: .insufficientData, basis: Evidence.Reason.ruralUnknown.rawValue, year: t.value))
                    verdicts.append(.insufficientData)
                    roundedVerdicts.append(.insufficientData)
                    continue
                }
                if rural != figures.households {
                    skipped += 1
                    continue
                }
            }
            guard let rate = figures.value(of: metric) else {
                checks.append(.init(unitCode: unit.code.rawValue, unitName: unit.name, verdict: .notApplicable, basis: metric.zeroDenominatorReason.rawValue, year: t.value))
                continue
            }
            let holds = bound.holds(rate)
            let holdsRounded = bound.holds(rate.rounded())
            checks.append(.init(unitCode: unit.code.rawValue, unitName: unit.name, verdict: holds ? .met : .notMet, basis: "rate",
                                value: rate, rounded: rate.decimalText(places: 2), year: t.value))
            verdicts.append(holds ? .met : .notMet)
            roundedVerdicts.append(holdsRounded ? .met : .notMet)
        }
        evidence.units = checks
        if skipped > 0 { evidence.note("not_rural_skipped", String(skipped)) }
        if verdicts.isEmpty {
            evidence.note("vacuous", filter == .rural ? Evidence.Reason.noRuralCommune.rawValue : "no unit")
        }
        return RuleOutcome(verdict: Verdict.everyUnit(verdicts), roundedVerdict: Verdict.everyUnit(roundedVerdicts), evidence: evidence)
    }
}
