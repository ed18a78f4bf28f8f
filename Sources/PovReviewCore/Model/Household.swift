/// One validated household record of one review year: the input of classification.
///
/// Field meanings are those of `input-format.md` §1. Counts are persons. Optional fields are
/// absent in the dump (`nil`), never defaulted.
public struct Household: Sendable, Equatable {
    public var reviewYear: ReviewYear
    public var householdID: HouseholdID
    public var provinceCode: UnitCode
    public var districtCode: UnitCode?
    public var communeCode: UnitCode
    /// Village name after normalisation (NFC, trimmed, inner spaces collapsed), as spelled in the row.
    public var village: String
    public var area: Area
    public var members: Int
    public var ethnicMinority: Bool
    /// VND per person per month.
    public var incomePerCapita: Int64?
    /// B1 proxy score ("điểm A").
    public var incomeScore: Int64?
    public var workingAgeWithoutJob: Int
    public var dependants: Int
    public var childrenMalnourished: Int
    public var members6PlusUninsured: Int
    public var adults16To30WithoutQualification: Int
    public var children3To15OutOfSchool: Int
    public var housingType: HousingType
    public var housingAreaM2: ExactDecimal
    public var waterSource: WaterSource
    public var latrine: LatrineType
    public var internetUsers: Int
    public var infoDevices: Int
    public var loudspeakerAccess: Bool
    public var membersWithLabourCapacity: Int
    public var socialProtectionMembers: Int
    /// Required for `vn-2027` rows only.
    public var digitalServiceUsers: Int?
    /// Required for `vn-2027` rows only.
    public var wasteDisposal: WasteDisposal?
    /// Values of the extra input columns declared by local standards, by their index in the
    /// run's extra columns (empty when the run has none).
    public var extraValues: [ExactDecimal] = []
    /// Personal data: kept only when a pipeline opts in.
    public var headName: String?
    /// Personal data: kept only when a pipeline opts in.
    public var headIDNumber: String?

    public init(
        reviewYear: ReviewYear, householdID: HouseholdID, provinceCode: UnitCode,
        districtCode: UnitCode? = nil, communeCode: UnitCode, village: String, area: Area,
        members: Int, ethnicMinority: Bool = false, incomePerCapita: Int64? = nil,
        incomeScore: Int64? = nil, workingAgeWithoutJob: Int = 0, dependants: Int = 0,
        childrenMalnourished: Int = 0, members6PlusUninsured: Int = 0,
        adults16To30WithoutQualification: Int = 0, children3To15OutOfSchool: Int = 0,
        housingType: HousingType = .durable, housingAreaM2: ExactDecimal = ExactDecimal(100),
        waterSource: WaterSource = .piped, latrine: LatrineType = .septic, internetUsers: Int = 1,
        infoDevices: Int = 1, loudspeakerAccess: Bool = true, membersWithLabourCapacity: Int = 1,
        socialProtectionMembers: Int = 0, digitalServiceUsers: Int? = nil,
        wasteDisposal: WasteDisposal? = nil, headName: String? = nil, headIDNumber: String? = nil
    ) {
        self.reviewYear = reviewYear
        self.householdID = householdID
        self.provinceCode = provinceCode
        self.districtCode = districtCode
        self.communeCode = communeCode
        self.village = village
        self.area = area
        self.members = members
        self.ethnicMinority = ethnicMinority
        self.incomePerCapita = incomePerCapita
        self.incomeScore = incomeScore
        self.workingAgeWithoutJob = workingAgeWithoutJob
        self.dependants = dependants
        self.childrenMalnourished = childrenMalnourished
        self.members6PlusUninsured = members6PlusUninsured
        self.adults16To30WithoutQualification = adults16To30WithoutQualification
        self.children3To15OutOfSchool = children3To15OutOfSchool
        self.housingType = housingType
        self.housingAreaM2 = housingAreaM2
        self.waterSource = waterSource
        self.latrine = latrine
        self.internetUsers = internetUsers
        self.infoDevices = infoDevices
        self.loudspeakerAccess = loudspeakerAccess
        self.membersWithLabourCapacity = membersWithLabourCapacity
        self.socialProtectionMembers = socialProtectionMembers
        self.digitalServiceUsers = digitalServiceUsers
        self.wasteDisposal = wasteDisposal
        self.headName = headName
        self.headIDNumber = headIDNumber
    }

    /// A household with no member able to work ("hộ không có khả năng lao động").
    public var withoutLabourCapacity: Bool { membersWithLabourCapacity == 0 }

    /// A household with at least one member receiving monthly social assistance.
    public var withSocialProtection: Bool { socialProtectionMembers >= 1 }
}
