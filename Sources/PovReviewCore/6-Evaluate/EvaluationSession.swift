/// The state of evaluating one plan: which units exist when, how an earlier year's figures are
/// restated onto the units of the evaluation year, and the plan's territory. Caches lookups.
///
/// Restatement (plans.md, "After the 2025 reform"), for a commune or village `u` valid at `T` and
/// a year `y < T`: the figure is `Σ share(o → u) × tally(o, y)` over the units `o` with a row in
/// `y`, where
/// - if `o` has crosswalk rows and its admin row valid at `y` is no longer valid at `T` (the unit
///   changed: merged, split, or re-issued), `share(o → u)` is the crosswalk share (0 without a row);
/// - otherwise `o` continues: share 1 to itself, 0 to anything else.
/// A village without crosswalk rows whose commune went whole (one target, share 1) into another
/// commune follows it under the same village name. The figure is "restated" when any part came
/// through the crosswalk or from another code.
///
/// Provinces and districts at `y < T`: the unit's own row when its communes at `y` are those at
/// `T`; otherwise the sum of its communes at `T`, each restated as above.
///
/// A provincial plan's territory (its province as of the baseline): while that province is valid
/// at `T`, the province itself. After it was merged (not valid at `T`), the territory at `T` is
/// the set of communes valid at `T` that are old communes of the territory (a commune that kept
/// its code) or that have a crosswalk predecessor among them; its province-level figure in every
/// year is the sum of those communes, each restated — so all years describe the same area. A new
/// commune that also has predecessors outside the territory is counted whole (its post-reform
/// households cannot be split); the evidence names such communes.
final class EvaluationSession {
    let plan: Plan
    let input: EvaluationInput
    /// The province whose units are judged (plan territory or override); nil = every unit.
    let territory: UnitCode?
    let territoryName: String

    private let relevantStandards: Set<StandardID>
    private var yearsByStandard: [StandardID: Set<ReviewYear>] = [:]
    /// Years with data under any standard that may feed the plan.
    let dataYears: [ReviewYear]

    struct FigureKey: Hashable {
        var level: UnitLevel
        var code: UnitCode
        var territory: Bool
        var year: ReviewYear
        var standard: StandardID
        var evaluationYear: ReviewYear
    }
    var figureCache: [FigureKey: UnitFigures?] = [:]
    var communeIndex: [ReviewYear: [UnitCode: [UnitCode]]] = [:]
    var territoryCommuneCache: [ReviewYear: [UnitCode]] = [:]
    var unitCache: [String: [EvaluatedUnit]] = [:]
    lazy var oldTerritoryCommunes: Set<UnitCode> = computeOldTerritoryCommunes()
    var territoryWholeCache: [ReviewYear: Bool] = [:]

    init(plan: Plan, input: EvaluationInput, options: EvaluationOptions) {
        self.plan = plan
        self.input = input
        let territory = options.territoryOverride ?? plan.scope.territory
        self.territory = territory
        var name = ""
        if let territory {
            if options.territoryOverride == nil, case .provincial(_, let n) = plan.scope { name = n }
            if let last = input.admin.rows(of: territory).last { name = last.name }
        }
        territoryName = name
        var relevant = input.nationalStandardIDs
        for entry in input.schedule.entries {
            for id in entry.standardIDs where input.nationalStandardIDs.contains(id) { relevant.insert(id) }
        }
        if let local = plan.localStandard?.id { relevant.insert(local) }
        if let own = plan.standard { relevant.insert(own) }
        relevantStandards = relevant
        var all = Set<ReviewYear>()
        for s in relevant {
            let years = Set(input.figures.reviewYears(standard: s))
            yearsByStandard[s] = years
            all.formUnion(years)
        }
        dataYears = all.sorted()
    }

    // MARK: Standards and years

    func hasData(_ year: ReviewYear, standard: StandardID) -> Bool {
        yearsByStandard[standard]?.contains(year) ?? false
    }

    private var standardsWithDataCache: [ReviewYear: [StandardID]] = [:]

    /// Standards with data in `year`, national first in schedule order.
    func standardsWithData(_ year: ReviewYear) -> [StandardID] {
        if let cached = standardsWithDataCache[year] { return cached }
        let scheduled = input.schedule.standardIDs(for: year)
        let others = relevantStandards.subtracting(scheduled).sorted()
        let result = (scheduled + others).filter { hasData(year, standard: $0) }
        standardsWithDataCache[year] = result
        return result
    }

    /// The standards of the rows at evaluation year `T` (plans.md pin 8): the plan's local
    /// standard when the run has figures for it that year, else the national standards of `T`.
    func rowStandards(for year: ReviewYear) -> [StandardID] {
        // A plan naming its standard (ntp-2026-2030: vn-2027) is judged on that standard only,
        // so a 2026 classified under both standards gives its rows one standard.
        if let own = plan.standard { return [own] }
        if let local = plan.localStandard?.id, hasData(year, standard: local) { return [local] }
        let national = input.schedule.standardIDs(for: year).filter { input.nationalStandardIDs.contains($0) }
        if !national.isEmpty { return national }
        let fallback = standardsWithData(year).filter { input.nationalStandardIDs.contains($0) }
        if !fallback.isEmpty { return [fallback[0]] }
        let baseline = input.schedule.standardIDs(for: plan.baselineYear).filter { input.nationalStandardIDs.contains($0) }
        return baseline.isEmpty ? [input.nationalStandardIDs.sorted().first ?? "vn-2022"] : [baseline[0]]
    }

    func yearHasDistricts(_ year: ReviewYear, standard: StandardID) -> Bool {
        if dataYears.contains(year) {
            let stds = hasData(year, standard: standard) ? [standard] : standardsWithData(year)
            return stds.contains { !input.figures.unitCodes(level: .district, year: year, standard: $0).isEmpty }
        }
        return input.admin.units.contains { $0.level == .district && $0.isValid(in: year) }
    }

    func lastYearWithDistricts(atOrBefore year: ReviewYear, standard: StandardID) -> ReviewYear? {
        dataYears.filter { $0 <= year }.reversed().first { yearHasDistricts($0, standard: standard) }
    }
}
