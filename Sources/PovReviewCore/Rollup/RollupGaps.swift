/// Years of the national roll-up in which a province is missing: a province that some review year
/// of the roll-up has, absent from another review year in which it existed (per the province →
/// region table, so a province merged away by the 2025 reform is not missing from 2025 on).
/// The region and country rows of such a year are sums over fewer provinces than the others.
public enum RollupGaps {
    public struct Gap: Sendable, Equatable {
        public var reviewYear: Int
        public var province: UnitCode
        /// The review years in which the province is present, ascending.
        public var presentIn: [Int]

        public init(reviewYear: Int, province: UnitCode, presentIn: [Int]) {
            self.reviewYear = reviewYear
            self.province = province
            self.presentIn = presentIn
        }
    }

    /// The gaps, ordered by year and province. `presence` maps each review year of the roll-up to
    /// the provinces present in it.
    public static func find(presence: [Int: Set<UnitCode>], regions: ProvinceRegionTable) -> [Gap] {
        let everyProvince = presence.values.reduce(into: Set<UnitCode>()) { $0.formUnion($1) }
        var gaps: [Gap] = []
        for year in presence.keys.sorted() {
            for province in everyProvince.sorted()
            where !presence[year]!.contains(province) && regions.exists(province, in: year) {
                let present = presence.filter { $0.value.contains(province) }.keys.sorted()
                gaps.append(Gap(reviewYear: year, province: province, presentIn: present))
            }
        }
        return gaps
    }
}
