/// Validates one well-formed dump record and builds its `Household` (input-format.md §4).
///
/// Checks run in the pinned order (rule 1), the first failing one wins: `invalid_encoding` →
/// `review_year` (`missing_value`, `invalid_number`, `unsupported_year`) → every other column in
/// `Column` order (`missing_value`, `invalid_number` including the ranges of rule 7,
/// `invalid_enum`) → `inconsistent_counts` → `unknown_unit`. `malformed_row` is decided by the
/// CSV scanner before, `duplicate_household` by the caller after (it needs every file). Each
/// check is a small function (`RowValidator+Checks.swift`); `validate` and `household` call them
/// in that order.
///
/// The accepted `Household` carries the district and province codes **as the admin directory
/// gives them for the row's review year** (district nil after the 2025 reform), not as the row
/// spells them, so aggregation needs no second lookup.
///
/// Decisions where the spec is open:
/// - a code that is not digits or is longer than its level's length is `invalid_number` at its
///   column; a shorter one is padded with a `padded_code` warning;
/// - a bad boolean is `invalid_enum` (the values form an enumeration);
/// - `digital_service_users`/`waste_disposal` (and any other standard-specific column) are read
///   only for years whose standard needs them, otherwise ignored (rule 8);
/// - `income_per_capita`/`income_score` are validated whenever non-empty, required as the
///   year's standards and the basis policy say; with neither forced, one of the two must be
///   present (`missing_value` with no single column);
/// - integers above 10^15 are `invalid_number`.
///
/// A validator caches normalised codes, village names, enumeration spellings and unit lookups
/// by raw bytes, so it is meant to live for one file (or one run) on one thread.
///
/// Stored `var`s are `@exclusivity(unchecked)`: the type is used from one thread and never
/// hands out overlapping accesses, and the profile of a million-row read showed the dynamic
/// exclusivity checks (`swift_beginAccess`) at about a tenth of the time.
public final class RowValidator {
    public let layout: HeaderLayout
    public let rules: ValidationRules
    public let admin: AdminDirectory

    let positions: [Int]
    let readsPersonalData: Bool
    @exclusivity(unchecked) var years: [Int: YearRequirements?] = [:]
    @exclusivity(unchecked) var headerCheckedYears: Set<Int> = []

    let provinceCodes = CodeCache(length: 2)
    let districtCodes = CodeCache(length: 3)
    let communeCodes = CodeCache(length: 5)
    let villages = TextCache()
    let areas: EnumCache<Area>
    let housingTypes: EnumCache<HousingType>
    let waterSources: EnumCache<WaterSource>
    let latrines: EnumCache<LatrineType>
    let wastes: EnumCache<WasteDisposal>
    @exclusivity(unchecked) var unitCache: [Int: Int32] = [:]
    @exclusivity(unchecked) var resolutions: [UnitResolution] = []

    /// A validator for rows laid out as `layout`.
    public init(layout: HeaderLayout, rules: ValidationRules, admin: AdminDirectory) {
        self.layout = layout
        self.rules = rules
        self.admin = admin
        positions = layout.positions
        readsPersonalData = rules.keepPersonalData
        areas = EnumCache(rules.aliases.area)
        housingTypes = EnumCache(rules.aliases.housingType)
        waterSources = EnumCache(rules.aliases.waterSource)
        latrines = EnumCache(rules.aliases.latrine)
        wastes = EnumCache(rules.aliases.wasteDisposal)
    }

    /// Validates the fields of one record (exactly `layout.fieldCount` of them, unescaped,
    /// untrimmed). `isASCII` may be passed true when the caller knows every byte is ASCII
    /// (skips UTF-8 validation), and `hasControl` false when it knows no byte is a C0 control
    /// character (skips that check). `line` is the record's first physical line, for warnings.
    ///
    /// Throws when the row's review year needs a column the header lacks (rule 10: a header
    /// problem that fails the run).
    public func validate(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, line: Int, isASCII: Bool = false,
        hasControl: Bool = true
    ) throws(HeaderProblem) -> RowVerdict {
        precondition(fields.count == layout.fieldCount, "field count must match the header")
        var key: HouseholdKey? = nil
        let year: ReviewYear
        let requirements: YearRequirements
        do throws(RowRejection) {
            // invalid_encoding
            if hasControl { try Self.checkControl(fields, positions: positions, names: layout.names) }
            if !isASCII { try checkEncoding(fields) }
            // review_year (the duplicate key is readable once the year is a number: rule 2)
            year = try reviewYear(fields)
            key = householdKey(fields, year: year)
            requirements = try supportedYear(year)
        } catch {
            return RowVerdict(key: key, outcome: .rejected(error))
        }
        // A column the year's standards need and the header lacks fails the run (rule 10).
        try checkHeader(for: year, requirements)
        do throws(RowRejection) {
            let (household, warnings) = try household(
                fields, line: line, year: year, requirements: requirements, key: key)
            return RowVerdict(key: key, outcome: .accepted(household, warnings: warnings))
        } catch {
            return RowVerdict(key: key, outcome: .rejected(error))
        }
    }

    /// The checks after `review_year`, in `Column` order, then `inconsistent_counts` and
    /// `unknown_unit`; the household of an accepted row and its warnings.
    private func household(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, line: Int, year: ReviewYear,
        requirements: YearRequirements, key: HouseholdKey?
    ) throws(RowRejection) -> (Household, [DataWarning]) {
        guard let key else { throw Self.missing(.householdID) }
        var warnings: [DataWarning] = []
        let units = try unitCodes(fields, line: line, warnings: &warnings)
        let village = try village(fields)
        let area = try enumeration(fields, .area, areas)
        let members = Int(try integer(fields, .members, minimum: 1))
        let ethnicMinority = try boolean(fields, .ethnicMinority)
        let (income, score) = try incomeMeasures(fields, year: year, requirements: requirements)
        var counts = MemberCounts()
        counts.workingAgeWithoutJob = try count(fields, .workingAgeWithoutJob)
        counts.dependants = try count(fields, .dependants)
        counts.childrenMalnourished = try count(fields, .childrenMalnourished)
        counts.uninsured = try count(fields, .members6PlusUninsured)
        counts.adultsWithoutQualification = try count(fields, .adults16To30WithoutQualification)
        counts.childrenOutOfSchool = try count(fields, .children3To15OutOfSchool)
        let housingType = try enumeration(fields, .housingType, housingTypes)
        let housingArea = try housingArea(fields)
        let waterSource = try enumeration(fields, .waterSource, waterSources)
        let latrine = try enumeration(fields, .latrine, latrines)
        counts.internetUsers = try count(fields, .internetUsers)
        let infoDevices = try count(fields, .infoDevices)
        let loudspeaker = try boolean(fields, .loudspeakerAccess)
        counts.labourCapacity = try count(fields, .membersWithLabourCapacity)
        counts.socialProtection = try count(fields, .socialProtectionMembers)
        if requirements.required.contains(.digitalServiceUsers) {
            counts.digitalUsers = try count(fields, .digitalServiceUsers)
        }
        var waste: WasteDisposal? = nil
        if requirements.required.contains(.wasteDisposal) {
            waste = try enumeration(fields, .wasteDisposal, wastes)
        }
        // Extra input columns of local standards, after the built-in ones (no allocation when
        // the year's standards read none).
        var extras: [ExactDecimal] = []
        if !requirements.extras.isEmpty { extras = try extraValues(fields, indices: requirements.extras) }
        try checkCounts(counts, members: members)
        let resolved = try resolvedUnit(units, year: year, line: line, warnings: &warnings)
        let personal = personalData(fields)

        var household = Household(
            reviewYear: year, householdID: key.householdID, provinceCode: resolved.province,
            districtCode: resolved.district, communeCode: resolved.commune, village: village, area: area,
            members: members, ethnicMinority: ethnicMinority, incomePerCapita: income,
            incomeScore: score, workingAgeWithoutJob: counts.workingAgeWithoutJob, dependants: counts.dependants,
            childrenMalnourished: counts.childrenMalnourished, members6PlusUninsured: counts.uninsured,
            adults16To30WithoutQualification: counts.adultsWithoutQualification,
            children3To15OutOfSchool: counts.childrenOutOfSchool, housingType: housingType,
            housingAreaM2: housingArea, waterSource: waterSource, latrine: latrine,
            internetUsers: counts.internetUsers, infoDevices: infoDevices, loudspeakerAccess: loudspeaker,
            membersWithLabourCapacity: counts.labourCapacity, socialProtectionMembers: counts.socialProtection,
            digitalServiceUsers: counts.digitalUsers, wasteDisposal: waste, headName: personal.name,
            headIDNumber: personal.idNumber)
        if !extras.isEmpty { household.extraValues = extras }
        return (household, warnings)
    }
}
