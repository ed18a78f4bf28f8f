/// "Phấn đấu đến 2025 có ít nhất 01 huyện thoát nghèo" (Lạng Sơn), judged on a province
/// (plans.md pin 6): the province's poor districts are those with `poor_district = 1` in any
/// admin row; one has exited at `T` when its admin row valid at `T` has `poor_district = 0`, or
/// else when its `rate_PN(T) < x` (x provisional, 35). Met iff at least `n` have exited; else
/// `insufficient_data` if the districts lacking data could make up the difference; else not_met.
/// No poor district → `not_applicable`. When `T` has no districts (after the 2025 reform), the
/// districts are judged at the last review year that has them, and the evidence says so.
///
/// Plan file: `poor_district_exit: {rate_PN_below: {value: 35, provisional: true}, at_least: 1}`.
public struct PoorDistrictExitRule: CriterionRule {
    public static let kind = "poor_district_exit"
    public var rateBelow: PlanParameter
    public var minimum: Int

    public init(rateBelow: PlanParameter, minimum: Int = 1) {
        self.rateBelow = rateBelow
        self.minimum = minimum
    }

    public init(arguments: any RuleArguments) throws {
        rateBelow = try arguments.number("rate_PN_below")
        minimum = try arguments.integer("at_least", default: 1, minimum: 1)
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        var evidence = Evidence(rule: Self.kind, metric: RateMetric.poorNearPoorRate.rawValue,
                                bound: Bound(.lessThan, rateBelow))
        let districts = context.poorDistricts()
        guard !districts.isEmpty else {
            evidence.reason = Evidence.Reason.noPoorDistrict.rawValue
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        var year = context.year
        if context.lastYearWithDistricts(atOrBefore: year) != year {
            guard let last = context.lastYearWithDistricts(atOrBefore: year) else {
                evidence.reason = Evidence.Reason.noDistricts.rawValue
                return RuleOutcome(verdict: .insufficientData, evidence: evidence)
            }
            evidence.note(.districtsAbolished, "districts judged at \(last), the last review year with districts") { $0.year = last.value }
            year = last
        }
        var exited = 0
        var exitedRounded = 0
        var lacking = 0
        var checks: [Evidence.UnitCheck] = []
        for code in districts {
            let row = context.admin.unit(code, in: year)
            let name = row?.name ?? context.admin.rows(of: code).last?.name
            if let row, !row.poorDistrict {
                exited += 1
                exitedRounded += 1
                checks.append(.init(unitCode: code.rawValue, unitName: name, verdict: .met, basis: "admin_file", year: year.value))
                continue
            }
            let unit = EvaluatedUnit(level: .district, code: code, name: name ?? code.rawValue, adminRow: row)
            guard let figures = context.lookup(unit, year).figures, let rate = figures.value(of: .poorNearPoorRate) else {
                lacking += 1
                checks.append(.init(unitCode: code.rawValue, unitName: name, verdict: .insufficientData, basis: "missing_years", year: year.value))
                continue
            }
            let out = rate < rateBelow.value
            let outRounded = rate.rounded() < rateBelow.value
            if out { exited += 1 }
            if outRounded { exitedRounded += 1 }
            checks.append(.init(unitCode: code.rawValue, unitName: name, verdict: out ? .met : .notMet, basis: "rate",
                                value: rate, rounded: rate.decimalText(places: 2), year: year.value))
        }
        evidence.units = checks
        func verdict(_ count: Int) -> Verdict {
            if count >= minimum { return .met }
            if count + lacking >= minimum { return .insufficientData }
            return .notMet
        }
        evidence.note(.atLeast, String(minimum)) { $0.count = minimum }
        return RuleOutcome(verdict: verdict(exited), roundedVerdict: verdict(exitedRounded), evidence: evidence)
    }
}

extension PoorDistrictExitRule: RuleWording {
    /// "Có ít nhất 01 huyện thoát nghèo" (Lạng Sơn, by 2025).
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let minimum = e.notes?.first { $0.kind == .atLeast }.flatMap { $0.count ?? Int($0.detail ?? "") } ?? 1
        let byRate = e.threshold.map {
            w.pick(", hoặc có \(w.metric(e.metric)) \(w.bound(e.comparison, $0, unit: "%"))",
                   ", or whose \(w.metric(e.metric)) is \(w.bound(e.comparison, $0, unit: "%"))")
        } ?? ""
        return w.vi
            ? "Yêu cầu: có ít nhất \(minimum) huyện nghèo thoát nghèo (ra khỏi danh sách huyện nghèo trong tệp đơn vị hành chính\(byRate))."
            : "Rule: at least \(minimum) poor district leaves poverty (off the poor-district list of the admin file\(byRate))."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        let units = e.units ?? []
        var lines = [w.vi
            ? "Huyện nghèo: \(units.count); đã thoát nghèo: \(units.filter { $0.verdict == .met }.count)."
            : "Poor districts: \(units.count); exited: \(units.filter { $0.verdict == .met }.count)."]
        for unit in units {
            let name = unit.unitName.map { "\($0) (\(unit.unitCode))" } ?? unit.unitCode
            let how: String = switch unit.basis {
            case "admin_file": w.pick("đã ra khỏi danh sách huyện nghèo", "off the poor-district list")
            case "rate": w.vi
                ? "còn trong danh sách; \(w.metric(e.metric)) năm \(unit.year ?? 0): \(w.percent(unit.value))"
                : "still listed; \(w.metric(e.metric)) in \(unit.year ?? 0): \(w.percent(unit.value))"
            default: w.pick("còn trong danh sách huyện nghèo", "still on the poor-district list")
            }
            lines.append("  - \(name): \(how) — \(w.verdict(unit.verdict))")
        }
        return lines
    }
}
