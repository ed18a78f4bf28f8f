/// The figures of a unit in a year as seen from the evaluation year: direct, summed over
/// communes, or restated through the crosswalk (see `EvaluationSession`).
extension EvaluationSession {
    func lookup(_ unit: EvaluatedUnit, year: ReviewYear, standard: StandardID, evaluationYear: ReviewYear) -> FigureLookup {
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

    func figure(_ unit: EvaluatedUnit, year: ReviewYear, standard: StandardID, evaluationYear: ReviewYear) -> UnitFigures? {
        let key = FigureKey(
            level: unit.level, code: unit.code, territory: unit.isTerritory, year: year,
            standard: standard, evaluationYear: evaluationYear)
        if let cached = figureCache[key] { return cached }
        let result: UnitFigures?
        switch unit.level {
        case .village, .commune:
            result = localFigure(unit.level, unit.code, year: year, standard: standard, evaluationYear: evaluationYear)
        case .district, .province:
            if unit.isTerritory {
                result = communeSum(
                    territoryCommunes(at: evaluationYear), year: year, standard: standard,
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

    private func direct(_ level: UnitLevel, _ code: UnitCode, year: ReviewYear, standard: StandardID) -> UnitFigures? {
        input.figures.row(level: level, unit: code, year: year, standard: standard).map {
            UnitFigures($0.tally, ruralHouseholds: $0.ruralHouseholds)
        }
    }

    private func communeSum(_ communes: [UnitCode], year: ReviewYear, standard: StandardID, evaluationYear: ReviewYear) -> UnitFigures? {
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
    private func localFigure(_ level: UnitLevel, _ code: UnitCode, year: ReviewYear, standard: StandardID, evaluationYear: ReviewYear) -> UnitFigures? {
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
    func sources(of code: UnitCode, level: UnitLevel) -> [UnitCode] {
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
    func targets(of old: UnitCode, level: UnitLevel) -> [Crosswalk.Target]? {
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
    func changed(_ code: UnitCode, level: UnitLevel, year: ReviewYear, evaluationYear: ReviewYear) -> Bool {
        let adminCode = level == .village ? (Self.splitVillage(code)?.commune ?? code) : code
        guard let row = input.admin.unit(adminCode, in: year) else { return true }
        return !row.isValid(in: evaluationYear)
    }

    static func splitVillage(_ code: UnitCode) -> (commune: UnitCode, name: String)? {
        guard let slash = code.rawValue.firstIndex(of: "/") else { return nil }
        return (UnitCode(String(code.rawValue[..<slash])), String(code.rawValue[code.rawValue.index(after: slash)...]))
    }
}
