/// What a rule sees while judging one unit at one evaluation year: the unit's figures in any
/// year (restated onto the units valid at the evaluation year), targets, sub-units and the
/// plan's parameters.
public struct RuleContext {
    let session: EvaluationSession
    public let planID: PlanID
    public let criterionID: String
    /// The criterion is a monitoring criterion (plans.md pin 5).
    public let monitoring: Bool
    public let unit: EvaluatedUnit
    /// The evaluation year `T`.
    public let year: ReviewYear
    /// The standard of the row.
    public let standard: StandardID

    /// The plan's baseline review year `B`.
    public var baselineYear: ReviewYear { session.plan.baselineYear }

    /// The admin directory.
    public var admin: AdminDirectory { session.input.admin }

    /// The figures of the judged unit in `year`.
    public func lookup(_ year: ReviewYear) -> FigureLookup {
        session.lookup(unit, year: year, standard: standard, evaluationYear: self.year)
    }

    /// The figures of another unit (a sub-unit) in `year`, restated onto the units of `T`.
    public func lookup(_ other: EvaluatedUnit, _ year: ReviewYear) -> FigureLookup {
        session.lookup(other, year: year, standard: standard, evaluationYear: self.year)
    }

    /// The figures of the judged unit in every year of `years`; when one is missing, or has data
    /// only under another standard, the `insufficient_data` outcome (missing years first,
    /// plans.md pin 3).
    public func require(_ years: [ReviewYear], rule: String) -> RequiredFigures {
        require(unit, years, rule: rule)
    }

    /// `require` for another unit.
    public func require(_ other: EvaluatedUnit, _ years: [ReviewYear], rule: String) -> RequiredFigures {
        var found: [ReviewYear: UnitFigures] = [:]
        var standards: [ReviewYear: StandardID] = [:]
        var missing: [ReviewYear] = []
        var changed: [(ReviewYear, [StandardID])] = []
        for y in Set(years).sorted() {
            switch session.lookup(other, year: y, standard: standard, evaluationYear: year) {
            case .figures(let f, let s):
                found[y] = f
                standards[y] = s
            case .missing: missing.append(y)
            case .otherStandard(let list): changed.append((y, list))
            }
        }
        if !missing.isEmpty {
            // Years before the plan's baseline lie outside its period and never come: the year
            // cannot be judged yet, which is not the same as data someone failed to supply.
            if missing.allSatisfy({ $0 < baselineYear }) {
                return .unavailable(
                    .unresolved(.insufficientData, rule: rule, reason: .beforeBaseline, missingYears: missing) {
                        $0.baselineYear = baselineYear.value
                    })
            }
            return .unavailable(.unresolved(.insufficientData, rule: rule, reason: .missingYears, missingYears: missing))
        }
        if !changed.isEmpty {
            let names = session.input.standardNamesVi
            return .unavailable(
                .unresolved(.insufficientData, rule: rule, reason: .standardChange) { e in
                    for (y, list) in changed {
                        e.note(.standardChange, "\(y): \(list.map(\.rawValue).joined(separator: ", ")) instead of \(standard)") {
                            $0.year = y.value
                            $0.items = list.map(\.rawValue)
                            if list.allSatisfy({ names[$0] != nil }) { $0.itemsVi = list.map { names[$0]! } }
                        }
                    }
                })
        }
        return .available(found, standards: standards)
    }

    /// The planned figure of the judged unit for `T` (targets.csv).
    public func target(_ metric: Targets.Metric) -> Rational? {
        session.input.targets.target(
            Targets.Key(plan: session.plan.id, year: year, level: unit.level, unitCode: unit.code, metric: metric))
    }

    /// Units of `level` inside the judged unit at `year` that have data in some year ≤ `year`
    /// and are valid then.
    public func subunits(_ level: UnitLevel, at year: ReviewYear) -> [EvaluatedUnit] {
        session.subunits(of: unit, level: level, year: year, standard: standard)
    }

    /// The judged province's poor districts: districts with `poor_district = 1` in any admin
    /// row (plans.md pin 6), with every one of their rows.
    public func poorDistricts() -> [UnitCode] { session.poorDistricts(of: unit) }

    /// The last review year ≤ `year` whose data has districts.
    public func lastYearWithDistricts(atOrBefore year: ReviewYear) -> ReviewYear? {
        session.lastYearWithDistricts(atOrBefore: year, standard: standard)
    }

    /// Whether the row's standard has `indicator`.
    public func standardHas(_ indicator: IndicatorID) -> Bool {
        session.input.standardIndicators[standard]?.contains(indicator) ?? true
    }
}
