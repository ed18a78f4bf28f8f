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
        var evidence = Evidence(rule: Self.kind, metric: .rate(metric), bound: bound)
        evidence.note(.units, "\(level.rawValue)\(filter == .rural ? " (rural: all households rural)" : "")") {
            $0.items = [level.rawValue, filter.rawValue]
        }
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
                    checks.append(
                        .init(
                            unitCode: unit.code.rawValue, unitName: unit.name, verdict: .insufficientData, basis: Evidence.Reason.ruralUnknown.rawValue,
                            year: t.value))
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
                checks.append(
                    .init(
                        unitCode: unit.code.rawValue, unitName: unit.name, verdict: .notApplicable, basis: metric.zeroDenominatorReason.rawValue, year: t.value)
                )
                continue
            }
            let holds = bound.holds(rate)
            let holdsRounded = bound.holds(rate.rounded())
            checks.append(
                .init(
                    unitCode: unit.code.rawValue, unitName: unit.name, verdict: holds ? .met : .notMet, basis: "rate",
                    value: rate, rounded: rate.decimalText(places: 2), year: t.value))
            verdicts.append(holds ? .met : .notMet)
            roundedVerdicts.append(holdsRounded ? .met : .notMet)
        }
        evidence.units = checks
        if skipped > 0 { evidence.note(.notRuralSkipped, String(skipped)) { $0.count = skipped } }
        if verdicts.isEmpty {
            evidence.note("vacuous", filter == .rural ? Evidence.Reason.noRuralCommune.rawValue : "no unit")
        }
        return RuleOutcome(verdict: Verdict.everyUnit(verdicts), roundedVerdict: Verdict.everyUnit(roundedVerdicts), evidence: evidence)
    }
}

extension EveryUnitRule: RuleWording {
    /// "100% số xã đạt tiêu chí nghèo đa chiều" (Vĩnh Phúc, new-rural criterion).
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let what = subject(e, w)
        let bound = w.bound(e.comparison, e.threshold ?? "", unit: "%")
        return w.vi
            ? "Yêu cầu: 100% \(what) có \(w.metric(e.metric)) \(bound)."
            : "Rule: every one of the \(what) has a \(w.metric(e.metric)) \(bound)."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        let units = e.units ?? []
        let met = units.filter { $0.verdict == .met }.count
        let failed = units.filter { $0.verdict == .notMet }.count
        let lacking = units.filter { $0.verdict == .insufficientData }.count
        let what = subject(e, w)
        var lines = [
            w.vi
                ? "Số \(what) đạt: \(w.count(Rational(met)))/\(w.count(Rational(units.count))); không đạt: \(w.count(Rational(failed))); chưa đủ số liệu: \(w.count(Rational(lacking)))."
                : "The \(what) that meet it: \(w.count(Rational(met))) of \(w.count(Rational(units.count))); not met: \(w.count(Rational(failed))); lacking data: \(w.count(Rational(lacking)))."
        ]
        for unit in units.filter({ $0.verdict != .met }).prefix(12) {
            let name = unit.unitName.map { "\($0) (\(unit.unitCode))" } ?? unit.unitCode
            let value = unit.value.map { ": " + w.percent($0) } ?? ""
            lines.append("  - \(name)\(value) — \(w.verdict(unit.verdict))")
        }
        let more = units.filter { $0.verdict != .met }.count - 12
        if more > 0 { lines.append(w.pick("  - … và \(more) đơn vị khác", "  - … and \(more) more")) }
        return lines
    }

    /// "xã nông thôn" / "rural communes", from the `units` note (`items`: level, filter).
    private static func subject(_ e: Evidence, _ w: Wording) -> String {
        let note = e.notes?.first { $0.kind == .units }
        let level = note?.items?.first.flatMap(UnitLevel.init(rawValue:)) ?? .commune
        let rural = note?.items?.dropFirst().first == Filter.rural.rawValue
        let noun = w.level(level, plural: true)
        if rural { return w.pick("\(noun) nông thôn", "rural \(noun)") }
        return noun
    }
}
