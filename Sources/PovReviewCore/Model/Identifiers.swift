/// A review year ("năm rà soát"): the year of the annual review that produced a dump row.
public struct ReviewYear: Hashable, Comparable, Sendable, Strideable, ExpressibleByIntegerLiteral,
    CustomStringConvertible
{
    /// The calendar year, e.g. 2024.
    public var value: Int

    public init(_ value: Int) { self.value = value }
    public init(integerLiteral value: Int) { self.value = value }

    public static func < (lhs: ReviewYear, rhs: ReviewYear) -> Bool { lhs.value < rhs.value }
    public func distance(to other: ReviewYear) -> Int { other.value - value }
    public func advanced(by n: Int) -> ReviewYear { ReviewYear(value + n) }
    public var description: String { String(value) }
}

/// A household identifier ("mã hộ"), stable across review years; trimmed, case-sensitive.
public struct HouseholdID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static func < (lhs: HouseholdID, rhs: HouseholdID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// An administrative unit code: province (2 digits), district (3), commune (5), or a village
/// code `<commune_code>/<village name>`.
public struct UnitCode: Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public var rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (lhs: UnitCode, rhs: UnitCode) -> Bool {
        lhs.rawValue.unicodeScalars.lexicographicallyPrecedes(rhs.rawValue.unicodeScalars)
    }
    public var description: String { rawValue }

    /// The code of the village `name` in `commune`: `<commune_code>/<village name>`.
    public static func village(commune: UnitCode, name: String) -> UnitCode {
        UnitCode(commune.rawValue + "/" + name)
    }
}

/// An administrative level, from the smallest to the largest.
public enum UnitLevel: String, CaseIterable, Sendable, Comparable, Codable {
    case village, commune, district, province

    private var rank: Int {
        switch self {
        case .village: 0
        case .commune: 1
        case .district: 2
        case .province: 3
        }
    }
    public static func < (lhs: UnitLevel, rhs: UnitLevel) -> Bool { lhs.rank < rhs.rank }

    /// Vietnamese label for reports.
    public var labelVi: String {
        switch self {
        case .village: "Thôn, bản, tổ dân phố"
        case .commune: "Xã, phường, thị trấn"
        case .district: "Huyện, quận, thị xã, thành phố"
        case .province: "Tỉnh, thành phố"
        }
    }
}

/// The stable id of a poverty standard (`vn-2022`, `vn-2027`): the `id` of its standard file,
/// the `standard_id` of the database and the standard named by schedules and plans.
public struct StandardID: RawRepresentable, Hashable, Comparable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (lhs: StandardID, rhs: StandardID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// The stable id of a plan (`national-666`, `lang-son`): the `id` of its plan file, the
/// `plan_id` of the database and the id `adopt:` and the targets file name.
public struct PlanID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public static func < (lhs: PlanID, rhs: PlanID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}
