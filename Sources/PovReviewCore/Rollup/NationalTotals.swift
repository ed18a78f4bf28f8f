/// Region and country rows of the national roll-up, summed from the provinces' counts and never
/// from their rates: every rate is recomputed from the summed counts exactly as `unit_rates`
/// defines it (outputs.md §1: `poor_rate = 100 × poor / households`, …), with the same
/// `percentage(_:of:)` the province rows were written with.
public enum NationalTotals {
    /// A region or country row.
    public struct Row: Sendable, Equatable {
        public var reviewYear: Int
        public var standard: StandardID
        /// `region` or `country`.
        public var level: String
        public var unitCode: String
        public var unitName: String
        public var parentCode: String?
        public var provisionalStandard: Bool
        /// `dump`, `totals`, or `mixed` when the provinces summed use both.
        public var denominatorSource: String
        public var counts: [String: Int64?]
        public var poorRate: Double
        public var nearPoorRate: Double
        public var poorNearPoorRate: Double
        public var ethnicMinorityPoorRate: Double?
        /// Province rows summed into this row.
        public var provincesSummed: Int
        /// Provinces missing from this year that other years of the roll-up have (`rollup_gaps`).
        public var provincesMissing: Int
    }

    /// A problem that makes the sum meaningless.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// A count the rates need is NULL or absent in a province row.
        case missingCount(column: String, province: UnitCode, reviewYear: Int, standard: StandardID)
        /// A count is NULL in one province and not in another of the same year and standard.
        case mixedNull(column: String, nullIn: UnitCode, valueIn: UnitCode, reviewYear: Int, standard: StandardID)
        /// A province the region table does not know for that year.
        case unknownProvince(UnitCode, reviewYear: Int)
        case overflow(column: String, reviewYear: Int, standard: StandardID)

        public var description: String {
            switch self {
            case .missingCount(let column, let province, let year, let standard):
                "province \(province) has no \(column) in review year \(year) (\(standard)); its database is incomplete: rerun `povreview run` for it"
            case .mixedNull(let column, let nullIn, let valueIn, let year, let standard):
                "\(column) is NULL in province \(nullIn) but not in province \(valueIn) (review year \(year), \(standard)): the two databases used different definitions of \(standard); rerun them with the same standard files"
            case .unknownProvince(let province, let year):
                "province \(province) (review year \(year)) is not in the province → region reference file; add a line for it (province_code, province_name, region_code, valid_from, valid_to, provisional, note) or pass --regions FILE"
            case .overflow(let column, let year, let standard):
                "\(column) overflows a 64-bit integer when summed (review year \(year), \(standard))"
            }
        }
    }

    /// Counts every row must have: the numerators and denominators of the rates.
    public static let requiredCounts = [
        "households", "poor", "near_poor", "poor_near_poor",
        "ethnic_minority_households", "ethnic_minority_poor",
    ]

    /// Region rows (one per region, year and standard with at least one province) and country
    /// rows (one per year and standard), ordered by year, standard, level (regions first) and code.
    /// `missing` gives, per review year, the provinces absent that year (see `RollupGaps`).
    public static func rows(
        provinces: [ProvinceFigures], regions: ProvinceRegionTable,
        missing: [Int: [UnitCode]] = [:]
    ) throws(Problem) -> [Row] {
        struct Key: Hashable {
            var year: Int
            var standard: StandardID
        }
        var groups: [Key: [ProvinceFigures]] = [:]
        for province in provinces {
            groups[Key(year: province.reviewYear, standard: province.standard), default: []].append(province)
        }
        var result: [Row] = []
        let keys = groups.keys.sorted {
            $0.year != $1.year
                ? $0.year < $1.year
                : $0.standard.rawValue.unicodeScalars.lexicographicallyPrecedes($1.standard.rawValue.unicodeScalars)
        }
        for key in keys {
            let members = groups[key]!.sorted { $0.province < $1.province }
            var byRegion: [String: [ProvinceFigures]] = [:]
            for member in members {
                guard let entry = regions.entry(for: member.province, in: key.year) else {
                    throw .unknownProvince(member.province, reviewYear: key.year)
                }
                byRegion[entry.region.code, default: []].append(member)
            }
            let missingThisYear = missing[key.year] ?? []
            for region in SocioEconomicRegion.all {
                guard let regionMembers = byRegion[region.code] else { continue }
                let absent = missingThisYear.filter { regions.entry(for: $0, in: key.year)?.region == region }.count
                result.append(
                    try row(
                        summing: regionMembers, year: key.year, standard: key.standard, level: "region",
                        code: region.code, name: region.nameVi, parent: SocioEconomicRegion.countryCode,
                        missing: absent))
            }
            result.append(
                try row(
                    summing: members, year: key.year, standard: key.standard, level: "country",
                    code: SocioEconomicRegion.countryCode, name: SocioEconomicRegion.countryName, parent: nil,
                    missing: missingThisYear.count))
        }
        return result
    }

    private static func row(
        summing members: [ProvinceFigures], year: Int, standard: StandardID, level: String,
        code: String, name: String, parent: String?, missing: Int
    ) throws(Problem) -> Row {
        let columns = Set(members.flatMap(\.counts.keys)).union(requiredCounts)
        var counts: [String: Int64?] = [:]
        for column in columns {
            var total: Int64? = nil
            var nullIn: UnitCode? = nil
            var valueIn: UnitCode? = nil
            for member in members {
                guard let value = member.counts[column] ?? nil else {
                    if requiredCounts.contains(column) {
                        throw .missingCount(column: column, province: member.province, reviewYear: year, standard: standard)
                    }
                    nullIn = nullIn ?? member.province
                    continue
                }
                valueIn = valueIn ?? member.province
                let (sum, overflow) = (total ?? 0).addingReportingOverflow(value)
                if overflow { throw .overflow(column: column, reviewYear: year, standard: standard) }
                total = sum
            }
            if let nullIn, let valueIn {
                throw .mixedNull(column: column, nullIn: nullIn, valueIn: valueIn, reviewYear: year, standard: standard)
            }
            counts[column] = total
        }
        func count(_ column: String) -> Int { Int((counts[column] ?? nil) ?? 0) }
        let households = count("households")
        let sources = Set(members.map(\.denominatorSource))
        return Row(
            reviewYear: year, standard: standard, level: level, unitCode: code, unitName: name, parentCode: parent,
            provisionalStandard: members.contains(where: \.provisionalStandard),
            denominatorSource: sources.count == 1 ? sources.first! : "mixed", counts: counts,
            poorRate: percentage(count("poor"), of: households) ?? 0,
            nearPoorRate: percentage(count("near_poor"), of: households) ?? 0,
            poorNearPoorRate: percentage(count("poor_near_poor"), of: households) ?? 0,
            ethnicMinorityPoorRate: percentage(count("ethnic_minority_poor"), of: count("ethnic_minority_households")),
            provincesSummed: members.count, provincesMissing: missing)
    }
}
