/// Which socio-economic region each province belongs to, per review year: the 63 provinces up to
/// the 2024 review and the 34 provinces from the 2025 review (Resolution 202/2025/QH15 merged the
/// provinces on 1 July 2025, before the 2025 review). Loaded from
/// `Pipelines/reference/province_regions.csv` by the I/O layer.
public struct ProvinceRegionTable: Sendable {
    /// One line of the reference file.
    public struct Entry: Sendable, Equatable {
        public var provinceCode: UnitCode
        public var provinceName: String
        public var region: SocioEconomicRegion
        /// First review year the entry holds for; nil = open.
        public var validFrom: Int?
        /// Last review year the entry holds for; nil = open.
        public var validTo: Int?
        /// 1 in the file: the code or the region is not yet confirmed by an official list.
        public var provisional: Bool
        /// Line in the reference file, for messages.
        public var line: Int

        public init(
            provinceCode: UnitCode, provinceName: String, region: SocioEconomicRegion, validFrom: Int?,
            validTo: Int?, provisional: Bool, line: Int
        ) {
            self.provinceCode = provinceCode
            self.provinceName = provinceName
            self.region = region
            self.validFrom = validFrom
            self.validTo = validTo
            self.provisional = provisional
            self.line = line
        }

        /// Whether the entry holds for review year `year`.
        public func holds(in year: Int) -> Bool {
            (validFrom.map { year >= $0 } ?? true) && (validTo.map { year <= $0 } ?? true)
        }
    }

    public let entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The entry for `province` in review year `year`, nil when the file has none.
    public func entry(for province: UnitCode, in year: Int) -> Entry? {
        entries.first { $0.provinceCode == province && $0.holds(in: year) }
    }

    /// Whether `province` exists in review year `year` according to the file. A code the file
    /// never names is taken to exist in every year (nothing is known against it).
    public func exists(_ province: UnitCode, in year: Int) -> Bool {
        let named = entries.filter { $0.provinceCode == province }
        return named.isEmpty || named.contains { $0.holds(in: year) }
    }

    /// Pairs of entries for one code whose year ranges overlap (the file must give one region
    /// per province and year).
    public var overlaps: [(Entry, Entry)] {
        var result: [(Entry, Entry)] = []
        for (i, a) in entries.enumerated() {
            for b in entries[(i + 1)...] where a.provinceCode == b.provinceCode {
                let start = max(a.validFrom ?? Int.min, b.validFrom ?? Int.min)
                let end = min(a.validTo ?? Int.max, b.validTo ?? Int.max)
                if start <= end { result.append((a, b)) }
            }
        }
        return result
    }
}
