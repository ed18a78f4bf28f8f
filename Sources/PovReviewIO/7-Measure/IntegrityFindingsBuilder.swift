import PovReviewCore

/// Prepares the counts of the five integrity checks from the database and the unit cells, and
/// runs the core's `IntegrityChecks` on them (outputs.md §3; methods in the README).
enum IntegrityFindingsBuilder {
    static func findings(
        database: SQLiteDatabase, units: [MeasureUnitKey: MeasureUnit], rates: [MeasureUnitKey: MeasuresStage.RateRow],
        standards: [String: Standard], thresholds: IntegrityThresholds
    ) throws -> [IntegrityFinding] {
        var findings: [IntegrityFinding] = []
        struct YearKey: Hashable, Comparable {
            var standard: String
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
        let unchanged = IndicatorID.allCases.map { "a.deprived_\($0.rawValue) IS b.deprived_\($0.rawValue)" }.joined(separator: " AND ")
        let exits = try database.prepare(
            """
            SELECT t.to_year, t.standard, t.to_village_code, t.to_commune_code, t.to_district_code, t.to_province_code,
                (\(unchanged)), b.income_basis, b.area, b.income_per_capita, b.income_score
            FROM household_transitions t
            JOIN household_status a ON a.household_id = t.household_id AND a.standard = t.standard AND a.review_year = t.from_year
            JOIN household_status b ON b.household_id = t.household_id AND b.standard = t.standard AND b.review_year = t.to_year
            WHERE t.change = 'escaped_above_near_poor'
            """)
        struct ExitKey: Hashable { var year: YearKey; var level: UnitLevel; var unit: UnitCode }
        var exitCounts: [ExitKey: (suspicious: Int, exits: Int, province: UnitCode)] = [:]
        while try exits.step() {
            let yearKey = YearKey(standard: exits.string(at: 1) ?? "", year: exits.int(at: 0))
            guard let standard = standards[yearKey.standard] else { continue }
            let province = UnitCode(exits.string(at: 5) ?? "")
            var suspicious = false
            if exits.int(at: 6) == 1 {
                let area: Area = exits.string(at: 8) == "urban" ? .urban : .rural
                let onIncome = exits.string(at: 7) == "income"
                let line = onIncome ? standard.incomeLine[area] : standard.scoreLine?[area]
                let value = onIncome ? exits.value(at: 9) : exits.value(at: 10)
                if let line, case .integer(let v) = value { suspicious = v * 100 < 105 * line }
            }
            let codes: [(UnitLevel, Int)] = [(.village, 2), (.commune, 3), (.district, 4), (.province, 5)]
            for (level, column) in codes {
                guard let code = exits.string(at: column) else { continue }
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

        // bulk_absence: households of T−1 absent at T, per unit of T−1.
        var absences: [YearKey: [IntegrityChecks.Absence]] = [:]
        for level in UnitLevel.allCases {
            let column = "from_\(level.rawValue)_code"
            for row in try database.rows(
                """
                SELECT to_year, standard, \(column), count(*), sum(to_status = 'absent')
                FROM household_transitions WHERE from_status <> 'absent' AND \(column) IS NOT NULL
                GROUP BY to_year, standard, \(column)
                """)
            {
                absences[YearKey(standard: row[1].string ?? "", year: row[0].int ?? 0), default: []].append(
                    IntegrityChecks.Absence(
                        level: level, unit: UnitCode(row[2].string ?? ""),
                        householdsBefore: row[3].int ?? 0, absent: row[4].int ?? 0))
            }
        }
        for (yearKey, list) in absences {
            findings += IntegrityChecks.bulkAbsences(year: yearKey.year, standard: yearKey.standard, units: list, thresholds: thresholds)
        }

        // sum_mismatch: the reviewed counts of unit_rates, level against level.
        var counts: [YearKey: [IntegrityChecks.UnitCounts]] = [:]
        for row in try database.rows(
            "SELECT review_year, standard, level, unit_code, parent_code, reviewed_households, poor, near_poor, average FROM unit_rates")
        {
            guard let level = UnitLevel(rawValue: row[2].string ?? "") else { continue }
            counts[YearKey(standard: row[1].string ?? "", year: row[0].int ?? 0), default: []].append(
                IntegrityChecks.UnitCounts(
                    level: level, unit: UnitCode(row[3].string ?? ""), parent: row[4].string.map { UnitCode($0) },
                    counts: (5...8).map { row[$0].int ?? 0 }))
        }
        for (yearKey, list) in counts {
            findings += IntegrityChecks.sumMismatches(
                year: yearKey.year, standard: yearKey.standard, units: list,
                countNames: ["reviewed_households", "poor", "near_poor", "average"])
        }
        return findings.sorted {
            ($0.standard, $0.reviewYear, $0.level, $0.unitCode, $0.check.rawValue)
                < ($1.standard, $1.reviewYear, $1.level, $1.unitCode, $1.check.rawValue)
        }
    }
}
