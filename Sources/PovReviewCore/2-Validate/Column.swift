/// The canonical columns of a household dump, in the order of the table in input-format.md §1,
/// which is also the order validation checks them in (first failing check wins).
public enum Column: String, CaseIterable, Sendable {
    case reviewYear = "review_year"
    case householdID = "household_id"
    case provinceCode = "province_code"
    case districtCode = "district_code"
    case communeCode = "commune_code"
    case village
    case area
    case members
    case ethnicMinority = "ethnic_minority"
    case incomePerCapita = "income_per_capita"
    case incomeScore = "income_score"
    case workingAgeWithoutJob = "working_age_without_job"
    case dependants
    case childrenMalnourished = "children_malnourished"
    case members6PlusUninsured = "members_6plus_uninsured"
    case adults16To30WithoutQualification = "adults_16_30_without_qualification"
    case children3To15OutOfSchool = "children_3_15_out_of_school"
    case housingType = "housing_type"
    case housingAreaM2 = "housing_area_m2"
    case waterSource = "water_source"
    case latrine
    case internetUsers = "internet_users"
    case infoDevices = "info_devices"
    case loudspeakerAccess = "loudspeaker_access"
    case membersWithLabourCapacity = "members_with_labour_capacity"
    case socialProtectionMembers = "social_protection_members"
    case digitalServiceUsers = "digital_service_users"
    case wasteDisposal = "waste_disposal"
    case headName = "head_name"
    case headIDNumber = "head_id_number"

    /// Position in validation order (a switch, not a search: it is read per field on the
    /// ingest hot path).
    public var index: Int {
        switch self {
        case .reviewYear: 0
        case .householdID: 1
        case .provinceCode: 2
        case .districtCode: 3
        case .communeCode: 4
        case .village: 5
        case .area: 6
        case .members: 7
        case .ethnicMinority: 8
        case .incomePerCapita: 9
        case .incomeScore: 10
        case .workingAgeWithoutJob: 11
        case .dependants: 12
        case .childrenMalnourished: 13
        case .members6PlusUninsured: 14
        case .adults16To30WithoutQualification: 15
        case .children3To15OutOfSchool: 16
        case .housingType: 17
        case .housingAreaM2: 18
        case .waterSource: 19
        case .latrine: 20
        case .internetUsers: 21
        case .infoDevices: 22
        case .loudspeakerAccess: 23
        case .membersWithLabourCapacity: 24
        case .socialProtectionMembers: 25
        case .digitalServiceUsers: 26
        case .wasteDisposal: 27
        case .headName: 28
        case .headIDNumber: 29
        }
    }

    /// Columns every row needs whatever its standard. `income_per_capita`/`income_score` are
    /// "one of these two"; `digital_service_users`/`waste_disposal` are needed by `vn-2027` only.
    public static let alwaysRequired: [Column] = [
        .reviewYear, .householdID, .provinceCode, .communeCode, .village, .area, .members,
        .ethnicMinority, .workingAgeWithoutJob, .dependants, .childrenMalnourished,
        .members6PlusUninsured, .adults16To30WithoutQualification, .children3To15OutOfSchool,
        .housingType, .housingAreaM2, .waterSource, .latrine, .internetUsers, .infoDevices,
        .loudspeakerAccess, .membersWithLabourCapacity, .socialProtectionMembers,
    ]

    /// Personal-data columns: never quoted in messages, masked as `***` in `quarantine.raw`.
    public var isPersonalData: Bool { self == .headName || self == .headIDNumber }
}
