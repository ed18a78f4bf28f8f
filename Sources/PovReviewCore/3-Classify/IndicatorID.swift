/// Stable ids of every deprivation indicator known to povreview (the union of the national
/// standards). The raw value appears in standard files, in the database
/// (`deprived_<id>`, `poor_deprived_<id>`) and in reports.
public enum IndicatorID: String, CaseIterable, Sendable, Codable, Comparable {
    case employment
    case dependants
    case nutrition
    case healthInsurance = "health_insurance"
    case adultEducation = "adult_education"
    case childSchooling = "child_schooling"
    case housingQuality = "housing_quality"
    case housingArea = "housing_area"
    case water
    case latrine
    case telecom
    case informationAccess = "information_access"
    case digitalServices = "digital_services"
    case waste

    /// Position in `allCases`: the bit of this indicator in a `DeprivationSet`.
    /// A switch, not `allCases.firstIndex(of:)`: it is on the per-household hot path.
    @inline(__always) public var bit: Int {
        switch self {
        case .employment: 0
        case .dependants: 1
        case .nutrition: 2
        case .healthInsurance: 3
        case .adultEducation: 4
        case .childSchooling: 5
        case .housingQuality: 6
        case .housingArea: 7
        case .water: 8
        case .latrine: 9
        case .telecom: 10
        case .informationAccess: 11
        case .digitalServices: 12
        case .waste: 13
        }
    }

    public static func < (lhs: IndicatorID, rhs: IndicatorID) -> Bool { lhs.bit < rhs.bit }
}

/// The six dimensions of the multidimensional poverty standard.
public enum Dimension: String, CaseIterable, Sendable, Codable {
    case employment, health, education, housing
    case waterSanitation = "water_sanitation"
    case information

    /// Vietnamese label.
    public var labelVi: String {
        switch self {
        case .employment: "Việc làm"
        case .health: "Y tế"
        case .education: "Giáo dục"
        case .housing: "Nhà ở"
        case .waterSanitation: "Nước sinh hoạt và vệ sinh"
        case .information: "Thông tin"
        }
    }
}

/// A set of indicators on which a household is deprived, one bit per `IndicatorID`.
public struct DeprivationSet: Hashable, Sendable, Sequence {
    public private(set) var bits: UInt16

    public init() { bits = 0 }
    public init(bits: UInt16) { self.bits = bits }
    public init(_ ids: some Sequence<IndicatorID>) {
        bits = 0
        for id in ids { insert(id) }
    }

    public mutating func insert(_ id: IndicatorID) { bits |= 1 << UInt16(id.bit) }
    public func contains(_ id: IndicatorID) -> Bool { bits & (1 << UInt16(id.bit)) != 0 }
    public var count: Int { bits.nonzeroBitCount }

    public func makeIterator() -> some IteratorProtocol<IndicatorID> {
        IndicatorID.allCases.filter { contains($0) }.makeIterator()
    }
}
