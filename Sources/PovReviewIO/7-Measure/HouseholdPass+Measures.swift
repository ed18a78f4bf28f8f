import PovReviewCore

extension HouseholdPass {
    /// The analyst cells of every unit of every level, year and standard, rolled up from the
    /// village tallies filled during ingest (villages keep the codes of `unit_rates`: the
    /// canonical spelling of each village identity).
    func measureUnits() -> [MeasureUnitKey: MeasureUnit] {
        var names: [VillageNameKey: String] = [:]
        for (key, spellings) in villages.spellings { names[key] = VillageNaming.canonical(spellings) }
        var units: [MeasureUnitKey: MeasureUnit] = [:]
        for (key, village) in villages.byKey where village.cells.households > 0 {
            let name = names[VillageNameKey(commune: key.commune, villageKey: key.villageKey)] ?? key.villageKey
            let year = key.reviewYear.value
            var levels: [(UnitLevel, UnitCode)] = [
                (.village, .village(commune: key.commune, name: name)), (.commune, key.commune), (.province, village.province),
            ]
            if let district = village.district { levels.append((.district, district)) }
            for (level, code) in levels {
                let unitKey = MeasureUnitKey(year: year, standard: key.standardID, level: level, unit: code)
                units[unitKey, default: MeasureUnit(province: village.province)].cells.merge(village.cells)
            }
        }
        return units
    }
}
