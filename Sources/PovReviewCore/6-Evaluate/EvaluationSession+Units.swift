/// The units a criterion judges at a level, year and standard.
extension EvaluationSession {
    /// Units of `level` judged at `T` (plans.md pin 2): data in some year ≤ `T` (their own rows,
    /// or a predecessor's through the crosswalk), valid at `T`, inside the territory.
    func units(_ level: UnitLevel, year: ReviewYear, standard: StandardID) -> [EvaluatedUnit] {
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
    func subunits(of parent: EvaluatedUnit, level: UnitLevel, year: ReviewYear, standard: StandardID) -> [EvaluatedUnit] {
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
