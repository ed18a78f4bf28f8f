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

    private let relevantStandards: Set<String>
    private var yearsByStandard: [String: Set<ReviewYear>] = [:]
    /// Years with data under any standard that may feed the plan.
    let dataYears: [ReviewYear]

    private struct FigureKey: Hashable {
        var level: UnitLevel
        var code: UnitCode
        var territory: Bool
        var year: ReviewYear
        var standard: String
        var evaluationYear: ReviewYear
    }
    private var figureCache: [FigureKey: UnitFigures?] = [:]
    private var communeIndex: [ReviewYear: [UnitCode: [UnitCode]]] = [:]
    private var territoryCommuneCache: [ReviewYear: [UnitCode]] = [:]
    private var unitCache: [String: [EvaluatedUnit]] = [:]
    private lazy var oldTerritoryCommunes: Set<UnitCode> = computeOldTerritoryCommunes()
    private var territoryWholeCache: [ReviewYear: Bool] = [:]

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

    func hasData(_ year: ReviewYear, standard: String) -> Bool {
        yearsByStandard[standard]?.contains(year) ?? false
    }

    private var standardsWithDataCache: [ReviewYear: [String]] = [:]

    /// Standards with data in `year`, national first in schedule order.
    func standardsWithData(_ year: ReviewYear) -> [String] {
        if let cached = standardsWithDataCache[year] { return cached }
        let scheduled = input.schedule.standardIDs(for: year)
        let others = relevantStandards.subtracting(scheduled).sorted()
        let result = (scheduled + others).filter { hasData(year, standard: $0) }
        standardsWithDataCache[year] = result
        return result
    }

    /// The standards of the rows at evaluation year `T` (plans.md pin 8): the plan's local
    /// standard when the run has figures for it that year, else the national standards of `T`.
    func rowStandards(for year: ReviewYear) -> [String] {
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

    func yearHasDistricts(_ year: ReviewYear, standard: String) -> Bool {
        if dataYears.contains(year) {
            let stds = hasData(year, standard: standard) ? [standard] : standardsWithData(year)
            return stds.contains { !input.figures.unitCodes(level: .district, year: year, standard: $0).isEmpty }
        }
        return input.admin.units.contains { $0.level == .district && $0.isValid(in: year) }
    }

    func lastYearWithDistricts(atOrBefore year: ReviewYear, standard: String) -> ReviewYear? {
        dataYears.filter { $0 <= year }.reversed().first { yearHasDistricts($0, standard: standard) }
    }

    // MARK: Figures

    func lookup(_ unit: EvaluatedUnit, year: ReviewYear, standard: String, evaluationYear: ReviewYear) -> FigureLookup {
        guard dataYears.contains(year) else { return .missing }
        var used = standard
        if !hasData(year, standard: standard) {
            let available = standardsWithData(year)
            guard plan.allowsCrossStandardComparison, let first = available.first else {
                return .otherStandard(available)
            }
            used = first
        }
        guard let f = figure(unit, year: year, standard: used, evaluationYear: evaluationYear), !f.households.isZero else {
            return .missing
        }
        return .figures(f, standard: used)
    }

    private func figure(_ unit: EvaluatedUnit, year: ReviewYear, standard: String, evaluationYear: ReviewYear) -> UnitFigures? {
        let key = FigureKey(level: unit.level, code: unit.code, territory: unit.isTerritory, year: year,
                            standard: standard, evaluationYear: evaluationYear)
        if let cached = figureCache[key] { return cached }
        let result: UnitFigures?
        switch unit.level {
        case .village, .commune:
            result = localFigure(unit.level, unit.code, year: year, standard: standard, evaluationYear: evaluationYear)
        case .district, .province:
            if unit.isTerritory {
                result = communeSum(territoryCommunes(at: evaluationYear), year: year, standard: standard,
                                    evaluationYear: evaluationYear)
            } else if year == evaluationYear {
                result = direct(unit.level, unit.code, year: year, standard: standard)
            } else {
                let now = communes(of: unit.code, at: evaluationYear)
                let then = communes(of: unit.code, at: year)
                if now.isEmpty || now == then {
                    result = direct(unit.level, unit.code, year: year, standard: standard)
                } else {
                    result = communeSum(now, year: year, standard: standard, evaluationYear: evaluationYear)
                }
            }
        }
        figureCache[key] = result
        return result
    }

    private func direct(_ level: UnitLevel, _ code: UnitCode, year: ReviewYear, standard: String) -> UnitFigures? {
        input.figures.row(level: level, unit: code, year: year, standard: standard).map {
            UnitFigures($0.tally, ruralHouseholds: $0.ruralHouseholds)
        }
    }

    private func communeSum(_ communes: [UnitCode], year: ReviewYear, standard: String, evaluationYear: ReviewYear) -> UnitFigures? {
        var total = UnitFigures()
        var any = false
        for c in communes {
            guard let f = localFigure(.commune, c, year: year, standard: standard, evaluationYear: evaluationYear) else { continue }
            total.add(f)
            any = true
        }
        guard any else { return nil }
        total.restatement = .communeSum(communes: communes.count, asOf: evaluationYear.value)
        return total
    }

    /// A commune's or village's figure in `year`, restated onto the units valid at `T`.
    private func localFigure(_ level: UnitLevel, _ code: UnitCode, year: ReviewYear, standard: String, evaluationYear: ReviewYear) -> UnitFigures? {
        if year == evaluationYear { return direct(level, code, year: year, standard: standard) }
        var candidates = [code]
        for source in sources(of: code, level: level) where !candidates.contains(source) { candidates.append(source) }
        var total = UnitFigures()
        var contributions: [UnitFigures.Contribution] = []
        var restated = false
        for old in candidates {
            let share = self.share(from: old, to: code, level: level, year: year, evaluationYear: evaluationYear)
            guard !share.isZero, let row = input.figures.row(level: level, unit: old, year: year, standard: standard) else { continue }
            total.add(row.tally, ruralHouseholds: row.ruralHouseholds, share: share)
            contributions.append(.init(level: level, code: old, share: share))
            if old != code || share != .one { restated = true }
        }
        guard !contributions.isEmpty else { return nil }
        if restated { total.restatement = .crosswalk(contributions) }
        return total
    }

    /// Codes that may have sent households to `code` (crosswalk rows, and for a village the same
    /// village name in a commune that went whole into `code`'s commune).
    private func sources(of code: UnitCode, level: UnitLevel) -> [UnitCode] {
        var result = (input.crosswalk.sources[code] ?? []).map(\.oldCode)
        if level == .village, let (commune, name) = Self.splitVillage(code) {
            for source in input.crosswalk.sources[commune] ?? [] {
                let targets = input.crosswalk.targets[source.oldCode] ?? []
                if targets.count == 1, targets[0].share == .one {
                    result.append(UnitCode.village(commune: source.oldCode, name: name))
                }
            }
        }
        return result
    }

    /// Targets of an old code that changed (explicit rows, or the implicit village mapping).
    private func targets(of old: UnitCode, level: UnitLevel) -> [Crosswalk.Target]? {
        if let explicit = input.crosswalk.targets[old] { return explicit }
        if level == .village, let (commune, name) = Self.splitVillage(old),
            let communeTargets = input.crosswalk.targets[commune], communeTargets.count == 1,
            communeTargets[0].share == .one
        {
            return [Crosswalk.Target(newCode: .village(commune: communeTargets[0].newCode, name: name), share: .one)]
        }
        return nil
    }

    func share(from old: UnitCode, to new: UnitCode, level: UnitLevel, year: ReviewYear, evaluationYear: ReviewYear) -> Rational {
        if changed(old, level: level, year: year, evaluationYear: evaluationYear), let targets = targets(of: old, level: level) {
            return targets.first { $0.newCode == new }?.share ?? .zero
        }
        return old == new ? .one : .zero
    }

    /// Whether the admin row of `code` (a village: its commune) valid at `year` is no longer
    /// valid at `T` (or is unknown).
    private func changed(_ code: UnitCode, level: UnitLevel, year: ReviewYear, evaluationYear: ReviewYear) -> Bool {
        let adminCode = level == .village ? (Self.splitVillage(code)?.commune ?? code) : code
        guard let row = input.admin.unit(adminCode, in: year) else { return true }
        return !row.isValid(in: evaluationYear)
    }

    static func splitVillage(_ code: UnitCode) -> (commune: UnitCode, name: String)? {
        guard let slash = code.rawValue.firstIndex(of: "/") else { return nil }
        return (UnitCode(String(code.rawValue[..<slash])), String(code.rawValue[code.rawValue.index(after: slash)...]))
    }

    // MARK: Hierarchy

    /// Communes valid at `year` inside the district or province `code`, ascending.
    func communes(of code: UnitCode, at year: ReviewYear) -> [UnitCode] {
        if communeIndex[year] == nil {
            var index: [UnitCode: [UnitCode]] = [:]
            for row in input.admin.units where row.level == .commune && row.isValid(in: year) {
                guard let parents = input.admin.parents(ofCommune: row.code, in: year) else { continue }
                index[parents.province.code, default: []].append(row.code)
                if let district = parents.district { index[district.code, default: []].append(row.code) }
            }
            for key in index.keys { index[key] = Array(Set(index[key]!)).sorted() }
            communeIndex[year] = index
        }
        return communeIndex[year]![code] ?? []
    }

    /// The communes of the territory province as of the plan's baseline review year (plans.md:
    /// "a provincial plan names its province as of its baseline"). Rows valid only after the
    /// baseline (e.g. communes the province absorbed in 2025) are not part of it.
    private func computeOldTerritoryCommunes() -> Set<UnitCode> {
        guard let territory else { return [] }
        var result = Set<UnitCode>()
        for row in input.admin.units where row.level == .commune && row.isValid(in: plan.baselineYear) {
            if input.admin.parents(ofCommune: row.code, in: plan.baselineYear)?.province.code == territory {
                result.insert(row.code)
            }
        }
        if !result.isEmpty { return result }
        // An admin file without a row valid at the baseline: every commune ever under the province.
        var districts = Set<UnitCode>()
        for row in input.admin.units where row.level == .district && row.parentCode == territory {
            districts.insert(row.code)
        }
        for row in input.admin.units where row.level == .commune {
            if let parent = row.parentCode, parent == territory || districts.contains(parent) { result.insert(row.code) }
        }
        return result
    }

    /// Whether the territory province's own row stands for the plan's territory at `year`: the
    /// province is valid then and every one of its communes descends from the old territory
    /// only. A province that kept its code but absorbed another in the 2025 reform (Đà Nẵng
    /// took in Quảng Nam) is not its old territory: it is judged as the sum of the old
    /// territory's communes, never as the merged province (plans.md, "A plan's territory").
    func territoryIsValid(_ year: ReviewYear) -> Bool {
        guard let territory else { return true }
        if let cached = territoryWholeCache[year] { return cached }
        var whole = input.admin.unit(territory, in: year) != nil
        if whole {
            let old = oldTerritoryCommunes
            for row in input.admin.units where row.level == .commune && row.isValid(in: year) && !old.contains(row.code) {
                guard input.admin.parents(ofCommune: row.code, in: year)?.province.code == territory else { continue }
                let sources = input.crosswalk.sources[row.code] ?? []
                if sources.isEmpty || sources.contains(where: { !old.contains($0.oldCode) }) {
                    whole = false
                    break
                }
            }
        }
        territoryWholeCache[year] = whole
        return whole
    }

    /// The communes valid at `T` that make up the territory of a merged province.
    func territoryCommunes(at year: ReviewYear) -> [UnitCode] {
        if let cached = territoryCommuneCache[year] { return cached }
        let old = oldTerritoryCommunes
        var result = Set<UnitCode>()
        for row in input.admin.units where row.level == .commune && row.isValid(in: year) {
            if old.contains(row.code) || (input.crosswalk.sources[row.code] ?? []).contains(where: { old.contains($0.oldCode) }) {
                result.insert(row.code)
            }
        }
        let sorted = result.sorted()
        territoryCommuneCache[year] = sorted
        return sorted
    }

    /// Territory communes at `T` that also have predecessors outside the territory.
    func straddlingCommunes(at year: ReviewYear) -> [UnitCode] {
        let old = oldTerritoryCommunes
        return territoryCommunes(at: year).filter { c in
            (input.crosswalk.sources[c] ?? []).contains { !old.contains($0.oldCode) }
        }
    }

    /// Whether `code` (of `level`) lies in the judged territory at `year`.
    private func inTerritory(_ code: UnitCode, level: UnitLevel, year: ReviewYear) -> Bool {
        guard let territory else { return true }
        if territoryIsValid(year) {
            return isWithin(code, level: level, province: territory, year: year)
        }
        switch level {
        case .province: return code == territory
        case .district: return false
        case .commune: return territoryCommunes(at: year).contains(code)
        case .village:
            guard let commune = Self.splitVillage(code)?.commune else { return false }
            return territoryCommunes(at: year).contains(commune)
        }
    }

    /// Whether `code` lies inside the province or district `ancestor` at `year`.
    private func isWithin(_ code: UnitCode, level: UnitLevel, province ancestor: UnitCode, year: ReviewYear) -> Bool {
        switch level {
        case .province: return code == ancestor
        case .district:
            guard let row = input.admin.unit(code, in: year) else { return false }
            return row.code == ancestor || row.parentCode == ancestor
        case .commune:
            guard let parents = input.admin.parents(ofCommune: code, in: year) else { return false }
            return parents.province.code == ancestor || parents.district?.code == ancestor
        case .village:
            guard let commune = Self.splitVillage(code)?.commune else { return false }
            return isWithin(commune, level: .commune, province: ancestor, year: year)
        }
    }

    private func isValid(_ code: UnitCode, level: UnitLevel, year: ReviewYear) -> Bool {
        let adminCode = level == .village ? (Self.splitVillage(code)?.commune ?? code) : code
        guard let row = input.admin.unit(adminCode, in: year) else { return false }
        return level == .village ? row.level == .commune : row.level == level
    }

    // MARK: Units

    /// Units of `level` judged at `T` (plans.md pin 2): data in some year ≤ `T` (their own rows,
    /// or a predecessor's through the crosswalk), valid at `T`, inside the territory.
    func units(_ level: UnitLevel, year: ReviewYear, standard: String) -> [EvaluatedUnit] {
        let cacheKey = "\(level.rawValue)|\(year)|\(standard)"
        if let cached = unitCache[cacheKey] { return cached }
        var result: [EvaluatedUnit] = []
        if level == .province, let territory {
            if territoryIsValid(year) {
                if let row = input.admin.unit(territory, in: year), hasAnyData(territory, level: .province, upTo: year) {
                    result = [EvaluatedUnit(level: .province, code: territory, name: row.name, adminRow: row)]
                }
            } else if !territoryCommunes(at: year).isEmpty {
                result = [EvaluatedUnit(level: .province, code: territory, name: territoryName, isTerritory: true)]
            }
            unitCache[cacheKey] = result
            return result
        }
        var seen = Set<UnitCode>()
        for y in dataYears where y <= year {
            for s in standardsWithData(y) {
                for code in input.figures.unitCodes(level: level, year: y, standard: s) {
                    seen.insert(code)
                    if changed(code, level: level, year: y, evaluationYear: year) {
                        for t in targets(of: code, level: level) ?? [] { seen.insert(t.newCode) }
                    }
                }
            }
        }
        for code in seen.sorted() where isValid(code, level: level, year: year) && inTerritory(code, level: level, year: year) {
            result.append(evaluatedUnit(level, code, year: year))
        }
        unitCache[cacheKey] = result
        return result
    }

    private func hasAnyData(_ code: UnitCode, level: UnitLevel, upTo year: ReviewYear) -> Bool {
        dataYears.contains { y in
            y <= year && standardsWithData(y).contains { input.figures.row(level: level, unit: code, year: y, standard: $0) != nil }
        }
    }

    private func evaluatedUnit(_ level: UnitLevel, _ code: UnitCode, year: ReviewYear) -> EvaluatedUnit {
        if level == .village {
            var name = Self.splitVillage(code)?.name ?? code.rawValue
            outer: for y in dataYears.reversed() where y <= year {
                for s in standardsWithData(y) {
                    if let row = input.figures.row(level: .village, unit: code, year: y, standard: s) {
                        name = row.name
                        break outer
                    }
                }
            }
            return EvaluatedUnit(level: level, code: code, name: name)
        }
        let row = input.admin.unit(code, in: year)
        return EvaluatedUnit(level: level, code: code, name: row?.name ?? code.rawValue, adminRow: row)
    }

    /// Units of `level` inside `parent` at `year`.
    func subunits(of parent: EvaluatedUnit, level: UnitLevel, year: ReviewYear, standard: String) -> [EvaluatedUnit] {
        let all = units(level, year: year, standard: standard)
        if parent.isTerritory || (parent.level == .province && parent.code == territory) { return all }
        return all.filter { isWithin($0.code, level: level, province: parent.code, year: year) }
    }

    /// Districts of a province with `poor_district = 1` in any admin row.
    func poorDistricts(of province: EvaluatedUnit) -> [UnitCode] {
        var result = Set<UnitCode>()
        for row in input.admin.units where row.level == .district && row.poorDistrict {
            let parents = input.admin.rows(of: row.code).compactMap(\.parentCode)
            if parents.contains(province.code) { result.insert(row.code) }
        }
        return result.sorted()
    }
}
