/// The combined rate of a group of sub-units at the evaluation year, judged on the unit that
/// contains them: e.g. the National Target Programme 2026–2035's goal that the multidimensional
/// poverty rate of the ethnic-minority and mountainous area (communes of region I, II, III) be
/// below 10% by 2030 (plan `ntp-2026-2030`). The group's rate is `100 · Σ numerator / Σ
/// denominator` over its units' counts at `T` (counts summed, never rates averaged, plans.md).
///
/// The group is the units of `level` inside the judged unit, valid at `T` and with data in some
/// year ≤ `T` (pin 2), whose admin row valid at `T` has `ethnic_region` in the set. No unit in
/// the group → `not_applicable`; a unit of the group without figures at `T` →
/// `insufficient_data` (the evidence names it; pin 3: missing data first).
///
/// Plan file: `group_level: {level: commune, ethnic_region: [I, II, III], metric: rate_PN, less_than: 10}`.
public struct GroupLevelRule: CriterionRule {
    public static let kind = "group_level"
    public var level: UnitLevel
    public var regions: Set<EthnicRegion>
    public var metric: RateMetric
    public var bound: Bound

    public init(level: UnitLevel, regions: Set<EthnicRegion>, metric: RateMetric, bound: Bound) {
        self.level = level
        self.regions = regions
        self.metric = metric
        self.bound = bound
    }

    public init(arguments: any RuleArguments) throws {
        level = try arguments.choice("level", as: UnitLevel.self)
        guard level == .commune else { throw arguments.problem("level", "the group is defined on communes (ethnic_region); expected commune") }
        guard let names = try arguments.optionalTextList("ethnic_region"), !names.isEmpty else {
            throw arguments.problem(nil, "missing key \"ethnic_region\" (a non-empty list of I, II, III)")
        }
        var regions = Set<EthnicRegion>()
        for name in names {
            guard let region = EthnicRegion(rawValue: name) else {
                throw arguments.problem("ethnic_region", "unknown ethnic region \"\(name)\"; expected I, II or III")
            }
            regions.insert(region)
        }
        self.regions = regions
        metric = try arguments.choice("metric", as: RateMetric.self)
        bound = try arguments.bound([.atMost, .lessThan])
    }

    /// The group in words for the evidence (`commune, ethnic_region I, II, III`).
    var groupText: String {
        "\(level.rawValue), ethnic_region " + EthnicRegion.allCases.filter { regions.contains($0) }.map(\.rawValue).joined(separator: ", ")
    }

    public func evaluate(_ context: RuleContext) -> RuleOutcome {
        let t = context.year
        var evidence = Evidence(rule: Self.kind, metric: .rate(metric), bound: bound)
        let group = context.subunits(level, at: t).filter { unit in
            unit.adminRow?.ethnicRegion.map { regions.contains($0) } ?? false
        }
        evidence.note("group", groupText)
        guard !group.isEmpty else {
            evidence.reason = Evidence.Reason.noUnitInGroup
            return RuleOutcome(verdict: .notApplicable, evidence: evidence)
        }
        var total = UnitFigures()
        var lacking: [String] = []
        var standard: StandardID?
        var restated: [String] = []
        for unit in group {
            switch context.lookup(unit, t) {
            case .figures(let f, let s):
                total.add(f)
                standard = s
                if f.isRestated { restated.append(unit.code.rawValue) }
            case .missing, .otherStandard:
                lacking.append(unit.code.rawValue)
            }
        }
        evidence.note("group_units", "\(group.count): " + group.map(\.code.rawValue).joined(separator: ", "))
        guard lacking.isEmpty else {
            evidence.reason = Evidence.Reason.missingYears
            evidence.missingYears = [t.value]
            evidence.note("group_units_missing", lacking.joined(separator: ", "))
            return RuleOutcome(verdict: .insufficientData, evidence: evidence)
        }
        evidence.years = [.rate(metric, total, year: t, standard: standard)]
        if !restated.isEmpty { evidence.note("group_units_restated", restated.joined(separator: ", ")) }
        return LevelRule.decide(metric, of: total, against: bound, at: t, evidence: evidence)
    }
}

extension GroupLevelRule: RuleWording {
    /// "Tỷ lệ nghèo đa chiều vùng đồng bào dân tộc thiểu số và miền núi giảm xuống dưới 10%": the
    /// rate of the group's summed counts.
    public static func requirement(_ e: Evidence, _ w: Wording) -> String {
        let bound = w.bound(e.comparison, e.threshold ?? "", unit: "%")
        return w.vi
            ? "Yêu cầu: \(w.metric(e.metric)) chung của các xã khu vực I, II, III (cộng số hộ của các xã, không lấy trung bình tỷ lệ) \(bound)."
            : "Rule: the combined \(w.metric(e.metric)) of the region I, II, III communes (their counts summed, never rates averaged) is \(bound)."
    }

    public static func figures(_ e: Evidence, _ w: Wording) -> [String] {
        (e.checks ?? []).map { check in
            let figure = e.figure(check.toYear)
            let detail = figure?.numerator.map { " (\(w.fraction($0, figure?.denominator)) \(w.pick("hộ", "households")))" } ?? ""
            let need = w.bound(check.comparison, check.threshold, unit: "%")
            return w.vi
                ? "Năm \(check.toYear ?? 0): \(w.percent(check.value))\(detail), cần \(need) \(w.mark(check.holds))"
                : "\(check.toYear ?? 0): \(w.percent(check.value))\(detail), needs \(need) \(w.mark(check.holds))"
        }
    }
}
