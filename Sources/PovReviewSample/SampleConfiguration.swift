import PovReviewCore

/// What the sample generator makes: how many households, which review years, which seed.
///
/// The default value is the configuration of the committed `SampleData/`: regenerating with it
/// reproduces those files byte for byte.
public struct SampleConfiguration: Sendable, Equatable {
    /// Household rows per review year (before the deliberately bad rows of the messy file).
    public var householdsPerYear: Int
    /// Review years to write, one `households_<year>.csv` each. The panel always starts at 2021
    /// (the baseline review of 2022–2025), so a year's rows do not depend on the range asked for.
    public var years: ClosedRange<ReviewYear>
    /// Seed of every random draw: the same seed gives the same bytes.
    public var seed: UInt64
    /// Two-digit province code; district and commune codes are derived from it.
    public var provinceCode: UnitCode
    /// Whether review years from 2025 use the reorganised units (no districts, merged communes),
    /// with validity windows in `admin_units.csv` and a `crosswalk.csv`.
    public var includesReform: Bool
    /// Whether one dump file (`messyYear`) gets 14 deliberately bad rows and about 1% of rows in
    /// messy but valid spellings. The bad rows stay under the default 5% quarantine limit from
    /// 300 households per year.
    public var messyRows: Bool
    /// Whether to write `household_totals.csv` (official resident households per commune).
    public var writesHouseholdTotals: Bool
    /// Whether to write `targets.csv` (Vĩnh Phúc-style planned poor-rate decreases).
    public var writesTargets: Bool

    /// The seed of the committed sample.
    public static let defaultSeed: UInt64 = 2021

    public init(
        householdsPerYear: Int = 10_000,
        years: ClosedRange<ReviewYear> = 2021...2025,
        seed: UInt64 = SampleConfiguration.defaultSeed,
        provinceCode: UnitCode = "99",
        includesReform: Bool = true,
        messyRows: Bool = true,
        writesHouseholdTotals: Bool = false,
        writesTargets: Bool = true
    ) {
        self.householdsPerYear = householdsPerYear
        self.years = years
        self.seed = seed
        self.provinceCode = provinceCode
        self.includesReform = includesReform
        self.messyRows = messyRows
        self.writesHouseholdTotals = writesHouseholdTotals
        self.writesTargets = writesTargets
    }

    /// The first review year the panel model starts from.
    public static let panelStartYear: ReviewYear = 2021
    /// The first review year without districts (the reorganisation of 1 July 2025).
    public static let reformYear: ReviewYear = 2025

    /// The review year whose file gets the bad rows: 2023 when asked for, else the middle year.
    public var messyYear: ReviewYear? {
        guard messyRows else { return nil }
        if years.contains(2023) { return 2023 }
        return years.lowerBound.advanced(by: years.lowerBound.distance(to: years.upperBound) / 2)
    }

    /// Checks the values, naming the first one that cannot be used.
    func validate() throws(SampleGeneratorError) {
        guard householdsPerYear >= 1 else {
            throw .invalidConfiguration("households per year must be at least 1, got \(householdsPerYear)")
        }
        guard householdsPerYear <= 100_000_000 else {
            throw .invalidConfiguration("households per year must be at most 100,000,000, got \(householdsPerYear)")
        }
        guard years.lowerBound >= Self.panelStartYear, years.upperBound <= 2030 else {
            throw .invalidConfiguration("review years must lie within 2021–2030, got \(years.lowerBound)–\(years.upperBound)")
        }
        let code = provinceCode.rawValue
        guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .invalidConfiguration("province code must be two digits, got \"\(code)\"")
        }
    }
}

/// Why the sample could not be written.
public enum SampleGeneratorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A configuration value out of range.
    case invalidConfiguration(String)
    /// A file could not be created or written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let message): "invalid sample configuration: \(message)"
        case .cannotWrite(let path, let reason): "\(path): cannot write the file: \(reason)"
        }
    }
}
