/// Which units exist when, and the plan's territory before and after a merger.
extension EvaluationSession {
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
    func computeOldTerritoryCommunes() -> Set<UnitCode> {
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
    func inTerritory(_ code: UnitCode, level: UnitLevel, year: ReviewYear) -> Bool {
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
    func isWithin(_ code: UnitCode, level: UnitLevel, province ancestor: UnitCode, year: ReviewYear) -> Bool {
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

    func isValid(_ code: UnitCode, level: UnitLevel, year: ReviewYear) -> Bool {
        let adminCode = level == .village ? (Self.splitVillage(code)?.commune ?? code) : code
        guard let row = input.admin.unit(adminCode, in: year) else { return false }
        return level == .village ? row.level == .commune : row.level == level
    }
}
