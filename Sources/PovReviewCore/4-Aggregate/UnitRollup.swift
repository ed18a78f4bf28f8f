/// One `unit_rates` row before storage: a unit's counts in one review year under one standard,
/// with the denominator the rates use.
public struct UnitRate: Sendable, Equatable {
    public var reviewYear: ReviewYear
    public var standardID: StandardID
    public var level: UnitLevel
    public var unitCode: UnitCode
    public var unitName: String
    public var parentCode: UnitCode?
    public var tally: UnitTally
    /// Denominator of the rates: the reviewed households, or the official total (`totals`).
    public var households: Int
    public var denominatorSource: DenominatorSource

    /// `100 × poor / households`.
    public var poorRate: Double { percentage(tally.poor, of: households) ?? 0 }
    /// `100 × near_poor / households`.
    public var nearPoorRate: Double { percentage(tally.nearPoor, of: households) ?? 0 }
    /// `100 × (poor + near_poor) / households` (tỷ lệ nghèo đa chiều).
    public var poorNearPoorRate: Double { percentage(tally.poorNearPoor, of: households) ?? 0 }
    /// `100 × ethnic_minority_poor / ethnic_minority_households`, nil without such households.
    public var ethnicMinorityPoorRate: Double? {
        percentage(tally.ethnicMinorityPoor, of: tally.ethnicMinorityHouseholds)
    }
}

/// Where a rate's denominator comes from (outputs.md, `unit_rates.denominator_source`).
public enum DenominatorSource: String, Sendable {
    case dump, totals
}

/// Rolls village tallies up to communes, districts and the province (outputs.md, `unit_rates`).
///
/// Counts are summed exactly. With official totals (`household_totals.csv`) a commune's
/// denominator is its total, and districts and the province sum their communes' denominators
/// (`denominator_source = totals` when every commune's came from the totals); villages always
/// use the reviewed households.
public struct UnitRollup: Sendable {
    /// Official total households by (review year, commune).
    public var totals: HouseholdTotals

    public init(totals: HouseholdTotals = HouseholdTotals()) { self.totals = totals }

    /// The unit rows of every level, sorted by year, standard, level (village first) and code,
    /// plus data-quality warnings (communes without a total when totals are used).
    ///
    /// - Parameters:
    ///   - villages: tallies by village identity.
    ///   - villageCodes: the canonical code of each village (`<commune>/<spelling>`) by
    ///     (commune, folded name).
    ///   - admin: names and kinds of communes, districts and provinces.
    public func rows(
        villages: [VillageTallyKey: VillageTally],
        villageNames: [VillageNameKey: String],
        admin: AdminDirectory
    ) -> (rows: [UnitRate], warnings: [DataWarning]) {
        struct GroupKey: Hashable {
            var year: ReviewYear
            var standard: StandardID
            var code: UnitCode
        }
        var rows: [UnitRate] = []
        var warnings: [DataWarning] = []
        var communes: [GroupKey: (tally: UnitTally, district: UnitCode?, province: UnitCode)] = [:]

        for (key, village) in villages where village.tally.households > 0 {
            let name = villageNames[VillageNameKey(commune: key.commune, villageKey: key.villageKey)] ?? key.villageKey
            rows.append(
                UnitRate(
                    reviewYear: key.reviewYear, standardID: key.standardID, level: .village,
                    unitCode: .village(commune: key.commune, name: name), unitName: name,
                    parentCode: key.commune, tally: village.tally, households: village.tally.households,
                    denominatorSource: .dump))
            let group = GroupKey(year: key.reviewYear, standard: key.standardID, code: key.commune)
            communes[group, default: (UnitTally(), village.district, village.province)].tally += village.tally
        }

        // A commune in the official totals with no reviewed household that year still has
        // resident households: it gets a row with zero counts, and its total counts in the
        // denominators above it (under every standard the year has data for).
        if !totals.totals.isEmpty {
            var standardsByYear: [ReviewYear: Set<StandardID>] = [:]
            for key in communes.keys { standardsByYear[key.year, default: []].insert(key.standard) }
            for (key, total) in totals.totals where total > 0 {
                guard let standards = standardsByYear[key.reviewYear],
                    let parents = admin.parents(ofCommune: key.communeCode, in: key.reviewYear)
                else { continue }
                for standard in standards {
                    let group = GroupKey(year: key.reviewYear, standard: standard, code: key.communeCode)
                    if communes[group] == nil {
                        communes[group] = (UnitTally(), parents.district?.code, parents.province.code)
                    }
                }
            }
        }

        var districts: [GroupKey: (tally: UnitTally, households: Int, allTotals: Bool, province: UnitCode)] = [:]
        var provinces: [GroupKey: (tally: UnitTally, households: Int, allTotals: Bool)] = [:]
        var warnedMissingTotals = Set<GroupKey>()
        for (key, commune) in communes {
            var households = commune.tally.households
            var source = DenominatorSource.dump
            if !totals.totals.isEmpty {
                if let total = totals.totals[HouseholdTotals.Key(reviewYear: key.year, communeCode: key.code)] {
                    households = total
                    source = .totals
                    if total < commune.tally.households {
                        warnings.append(
                            DataWarning(
                                code: "totals_below_reviewed",
                                message:
                                    "commune \(key.code) in \(key.year): official total \(total) is below the \(commune.tally.households) reviewed households"))
                    }
                } else if warnedMissingTotals.insert(GroupKey(year: key.year, standard: "", code: key.code)).inserted {
                    warnings.append(
                        DataWarning(
                            code: "missing_totals",
                            message:
                                "commune \(key.code) has dump rows in \(key.year) but no official total; its rates use the \(commune.tally.households) reviewed households"
                        ))
                }
            }
            guard households > 0 else { continue }
            let unit = admin.unit(key.code, in: key.year)
            rows.append(
                UnitRate(
                    reviewYear: key.year, standardID: key.standard, level: .commune, unitCode: key.code,
                    unitName: unit?.name ?? key.code.rawValue, parentCode: commune.district ?? commune.province,
                    tally: commune.tally, households: households, denominatorSource: source))
            if let district = commune.district {
                let group = GroupKey(year: key.year, standard: key.standard, code: district)
                var entry = districts[group] ?? (UnitTally(), 0, true, commune.province)
                entry.tally += commune.tally
                entry.households += households
                entry.allTotals = entry.allTotals && source == .totals
                districts[group] = entry
            }
            let group = GroupKey(year: key.year, standard: key.standard, code: commune.province)
            var entry = provinces[group] ?? (UnitTally(), 0, true)
            entry.tally += commune.tally
            entry.households += households
            entry.allTotals = entry.allTotals && source == .totals
            provinces[group] = entry
        }
        for (key, district) in districts {
            rows.append(
                UnitRate(
                    reviewYear: key.year, standardID: key.standard, level: .district, unitCode: key.code,
                    unitName: admin.unit(key.code, in: key.year)?.name ?? key.code.rawValue,
                    parentCode: district.province, tally: district.tally, households: district.households,
                    denominatorSource: district.allTotals ? .totals : .dump))
        }
        for (key, province) in provinces {
            rows.append(
                UnitRate(
                    reviewYear: key.year, standardID: key.standard, level: .province, unitCode: key.code,
                    unitName: admin.unit(key.code, in: key.year)?.name ?? key.code.rawValue,
                    parentCode: nil, tally: province.tally, households: province.households,
                    denominatorSource: province.allTotals ? .totals : .dump))
        }
        rows.sort {
            ($0.reviewYear, $0.standardID, $0.level, $0.unitCode) < ($1.reviewYear, $1.standardID, $1.level, $1.unitCode)
        }
        warnings.sort { $0.message < $1.message }
        return (rows, warnings)
    }
}

/// A village's identity regardless of year: its commune and folded name.
public struct VillageNameKey: Hashable, Sendable {
    public var commune: UnitCode
    public var villageKey: String
    public init(commune: UnitCode, villageKey: String) {
        self.commune = commune
        self.villageKey = villageKey
    }
}
