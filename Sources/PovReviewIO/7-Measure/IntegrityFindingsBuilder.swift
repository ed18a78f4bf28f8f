import PovReviewCore

/// Prepares the counts of the five integrity checks from the database and the unit cells, and
/// runs the core's `IntegrityChecks` on them (outputs.md §3; methods in the README).
enum IntegrityFindingsBuilder {
    static func findings(
        database: SQLiteDatabase, units: [MeasureUnitKey: MeasureUnit], rates: [MeasureUnitKey: MeasuresStage.RateRow],
        standards: [StandardID: Standard], thresholds: IntegrityThresholds, transitionTally: UnitDynamicsTally? = nil
    ) throws -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        struct YearKey: Hashable, Comparable {
            var standard: StandardID
            var year: Int
            static func < (a: YearKey, b: YearKey) -> Bool { (a.standard, a.year) < (b.standard, b.year) }
        }

        // income_bunching: households on the income basis with 0.95·line ≤ I ≤ line (below) and
        // line < I ≤ 1.05·line (above), per unit and per province.
        var bunching: [YearKey: [IntegrityChecks.UnitProportion]] = [:]
        var bunchingProvinces: [YearKey: [UnitCode: (successes: Int, trials: Int)]] = [:]
        for (key, unit) in units {
            var above = 0, below = 0
            for (cell, tally) in unit.cells.cells where cell.basis == .income {
                switch cell.band {
                case .atOrBelow105?: above += tally.households
                case .at95?, .atOrBelowLine?: below += tally.households
                default: break
                }
            }
            let yearKey = YearKey(standard: key.standard, year: key.year)
            if key.level == .province {
                bunchingProvinces[yearKey, default: [:]][key.unit] = (above, above + below)
            } else {
                bunching[yearKey, default: []].append(
                    IntegrityChecks.UnitProportion(
                        level: key.level, unit: key.unit, province: unit.province, successes: above, trials: above + below))
            }
        }
        for (yearKey, list) in bunching {
            findings += IntegrityChecks.binomialExcess(
                check: .incomeBunching, year: yearKey.year, standard: yearKey.standard, units: list,
                provinces: bunchingProvinces[yearKey] ?? [:], minimumTrials: thresholds.bunchingMinimumHouseholds,
                minimumSuccesses: 0, pValue: thresholds.bunchingPValue, names: ("just_above", "within_5_percent"))
        }

        // exit_without_change: exits (poor at T−1, neither poor nor near-poor at T) per unit of T,
        // and those with every indicator verdict unchanged and 100·I < 105·line at T.
        struct ExitKey: Hashable { var year: YearKey; var level: UnitLevel; var unit: UnitCode }
        var exitCounts: [ExitKey: (suspicious: Int, exits: Int, province: UnitCode)] = [:]
        try TransitionIntegrityReader.exits(in: database) { exit in
            let yearKey = YearKey(standard: StandardID(exit.standard), year: exit.toYear)
            guard let standard = standards[yearKey.standard] else { return }
            let province = UnitCode(exit.provinceCode ?? "")
            var suspicious = false
            if exit.indicatorsUnchanged {
                let area: Area = exit.area == "urban" ? .urban : .rural
                let onIncome = exit.incomeBasis == "income"
                let line = onIncome ? standard.incomeLine[area] : standard.scoreLine?[area]
                let value = onIncome ? exit.incomePerCapita : exit.incomeScore
                if let line, case .integer(let v) = value { suspicious = v * 100 < 105 * line }
            }
            let codes: [(UnitLevel, String?)] = [
                (.village, exit.villageCode), (.commune, exit.communeCode), (.district, exit.districtCode),
                (.province, exit.provinceCode),
            ]
            for (level, code) in codes {
                guard let code else { continue }
                let key = ExitKey(year: yearKey, level: level, unit: UnitCode(code))
                var entry = exitCounts[key] ?? (0, 0, province)
                entry.exits += 1
                if suspicious { entry.suspicious += 1 }
                exitCounts[key] = entry
            }
        }
        var exitUnits: [YearKey: [IntegrityChecks.UnitProportion]] = [:]
        var exitProvinces: [YearKey: [UnitCode: (successes: Int, trials: Int)]] = [:]
        for (key, entry) in exitCounts {
            if key.level == .province {
                exitProvinces[key.year, default: [:]][key.unit] = (entry.suspicious, entry.exits)
            } else {
                exitUnits[key.year, default: []].append(
                    IntegrityChecks.UnitProportion(
                        level: key.level, unit: key.unit, province: entry.province, successes: entry.suspicious, trials: entry.exits))
            }
        }
        for (yearKey, list) in exitUnits {
            findings += IntegrityChecks.binomialExcess(
                check: .exitWithoutChange, year: yearKey.year, standard: yearKey.standard, units: list,
                provinces: exitProvinces[yearKey] ?? [:], minimumTrials: 0,
                minimumSuccesses: thresholds.exitMinimumHouseholds, pValue: thresholds.exitPValue,
                names: ("exits_without_change", "exits"))
        }

        // implausible_drop: rate_P from unit_rates, mean D and households from the cells.
        var falls: [YearKey: [IntegrityChecks.RateFall]] = [:]
        for (key, unit) in units {
            let before = MeasureUnitKey(year: key.year - 1, standard: key.standard, level: key.level, unit: key.unit)
            guard let previous = units[before], let rateNow = rates[key], let rateBefore = rates[before] else { continue }
            let householdsNow = unit.cells.households, householdsBefore = previous.cells.households
            guard householdsNow > 0, householdsBefore > 0 else { continue }
            falls[YearKey(standard: key.standard, year: key.year), default: []].append(
                IntegrityChecks.RateFall(
                    level: key.level, unit: key.unit, province: unit.province, householdsBefore: householdsBefore,
                    householdsAfter: householdsNow, rateBefore: rateBefore.rates[.poorRate] ?? 0,
                    rateAfter: rateNow.rates[.poorRate] ?? 0,
                    meanDeprivationsBefore: Double(previous.cells.deprivations) / Double(householdsBefore),
                    meanDeprivationsAfter: Double(unit.cells.deprivations) / Double(householdsNow)))
        }
        for (yearKey, list) in falls {
            findings += IntegrityChecks.implausibleDrops(year: yearKey.year, standard: yearKey.standard, units: list, thresholds: thresholds)
        }

        // bulk_absence: households of T−1 absent at T, per unit of T−1: counted with the
        // transitions' tally when the run has it (four GROUP BYs over household_transitions
        // measured 2.4 s of a run of 200,000 households × 5 years), else read.
        var absences: [YearKey: [IntegrityChecks.Absence]] = [:]
        for level in UnitLevel.allCases {
            for row in try transitionTally?.absences(at: level) ?? TransitionIntegrityReader.absences(at: level, in: database) {
                absences[YearKey(standard: StandardID(row.standard), year: row.toYear), default: []].append(
                    IntegrityChecks.Absence(
                        level: level, unit: UnitCode(row.unitCode), householdsBefore: row.householdsBefore,
                        absent: row.absent))
            }
        }
        for (yearKey, list) in absences {
            findings += IntegrityChecks.bulkAbsences(year: yearKey.year, standard: yearKey.standard, units: list, thresholds: thresholds)
        }

        // sum_mismatch: the reviewed counts of unit_rates, level against level.
        var counts: [YearKey: [IntegrityChecks.UnitCounts]] = [:]
        for row in try UnitRatesMeasureReader.reviewedCounts(in: database) {
            counts[YearKey(standard: StandardID(row.standard), year: row.reviewYear), default: []].append(
                IntegrityChecks.UnitCounts(level: row.level, unit: row.unitCode, parent: row.parentCode, counts: row.counts))
        }
        for (yearKey, list) in counts {
            findings += IntegrityChecks.sumMismatches(
                year: yearKey.year, standard: yearKey.standard, units: list,
                countNames: UnitRatesMeasureReader.reviewedCountNames)
        }
        return findings.sorted {
            ($0.standard, $0.reviewYear, $0.level, $0.unitCode, $0.check.rawValue)
                < ($1.standard, $1.reviewYear, $1.level, $1.unitCode, $1.check.rawValue)
        }
    }
}
