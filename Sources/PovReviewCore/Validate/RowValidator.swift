/// Validates one well-formed dump record and builds its `Household` (input-format.md §4).
///
/// Checks run in the pinned order (rule 1), the first failing one wins: `invalid_encoding` →
/// `review_year` (`missing_value`, `invalid_number`, `unsupported_year`) → every other column in
/// `Column` order (`missing_value`, `invalid_number` including the ranges of rule 7,
/// `invalid_enum`) → `inconsistent_counts` → `unknown_unit`. `malformed_row` is decided by the
/// CSV scanner before, `duplicate_household` by the caller after (it needs every file).
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

    private let positions: [Int]
    private let readsPersonalData: Bool
    @exclusivity(unchecked) private var years: [Int: YearRequirements?] = [:]
    @exclusivity(unchecked) private var headerCheckedYears: Set<Int> = []

    private let provinceCodes = CodeCache(length: 2)
    private let districtCodes = CodeCache(length: 3)
    private let communeCodes = CodeCache(length: 5)
    private let villages = TextCache()
    private let areas: EnumCache<Area>
    private let housingTypes: EnumCache<HousingType>
    private let waterSources: EnumCache<WaterSource>
    private let latrines: EnumCache<LatrineType>
    private let wastes: EnumCache<WasteDisposal>
    @exclusivity(unchecked) private var unitCache: [Int: Int32] = [:]
    @exclusivity(unchecked) private var resolutions: [UnitResolution] = []

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
        do throws(RowRejection) {
            if hasControl { try Self.checkControl(fields, positions: positions, names: layout.names) }
            let household = try check(fields, line: line, isASCII: isASCII, key: &key)
            return RowVerdict(key: key, outcome: .accepted(household.0, warnings: household.1))
        } catch {
            if let problem = pendingHeaderProblem {
                pendingHeaderProblem = nil
                throw problem
            }
            return RowVerdict(key: key, outcome: .rejected(error))
        }
    }

    @exclusivity(unchecked) private var pendingHeaderProblem: HeaderProblem?

    // MARK: - Field access

    @inline(__always)
    private func raw(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column)
        -> UnsafeBufferPointer<UInt8>?
    {
        let p = positions[column.index]
        return p >= 0 ? FieldBytes.trimmed(fields[p]) : nil
    }

    private static func shown(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var text = FieldBytes.string(bytes)
        if text.count > 60 { text = String(text.prefix(57)) + "…" }
        return "\"" + text + "\""
    }

    private static func missing(_ column: Column, _ detail: String = "") -> RowRejection {
        RowRejection(reason: .missingValue, column: column.rawValue,
                     message: "\(column.rawValue) is required but empty\(detail)")
    }

    @inline(__always)
    private func integer(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column, minimum: Int64
    ) throws(RowRejection) -> Int64 {
        guard let bytes = raw(fields, column), !bytes.isEmpty else { throw Self.missing(column) }
        return try Self.integer(bytes, column, minimum: minimum)
    }

    @inline(__always)
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ column: Column, minimum: Int64)
        throws(RowRejection) -> Int64
    {
        if let value = IntegerField.parse(bytes), value >= minimum { return value }
        throw RowRejection(
            reason: .invalidNumber, column: column.rawValue,
            message: "\(column.rawValue) must be a whole number ≥ \(minimum), got \(shown(bytes))")
    }

    @inline(__always)
    private func count(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column)
        throws(RowRejection) -> Int
    {
        Int(try integer(fields, column, minimum: 0))
    }

    private func boolean(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column)
        throws(RowRejection) -> Bool
    {
        let bytes = raw(fields, column) ?? UnsafeBufferPointer(start: nil, count: 0)
        if let value = BooleanField.parse(bytes) { return value }
        throw RowRejection(
            reason: .invalidEnum, column: column.rawValue,
            message: "\(column.rawValue) must be one of \(BooleanField.spellings), got \(Self.shown(bytes))")
    }

    private func enumeration<Value>(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, _ column: Column,
        _ cache: EnumCache<Value>
    ) throws(RowRejection) -> Value {
        guard let bytes = raw(fields, column), !bytes.isEmpty else { throw Self.missing(column) }
        if let value = cache.value(bytes) { return value }
        throw RowRejection(
            reason: .invalidEnum, column: column.rawValue,
            message: "\(column.rawValue) must be one of \(AliasTable<Value>.canonicalList) or a listed alias, got \(Self.shown(bytes))")
    }

    private func code(
        _ bytes: UnsafeBufferPointer<UInt8>, _ column: Column, _ cache: CodeCache, line: Int,
        warnings: inout [DataWarning]
    ) throws(RowRejection) -> Int32 {
        let index = cache.index(bytes)
        guard index >= 0 else {
            throw RowRejection(
                reason: .invalidNumber, column: column.rawValue,
                message: "\(column.rawValue) must be a code of \(cache.length) digits, got \(Self.shown(bytes))")
        }
        if cache.padded[Int(index)] {
            warnings.append(DataWarning(
                code: "padded_code",
                message: "\(column.rawValue) \(Self.shown(bytes)) read as \"\(cache.codes[Int(index)])\" (leading zeros restored)",
                line: line))
        }
        return index
    }

    // MARK: - The checks, in order

    private func requirements(for year: ReviewYear) -> YearRequirements? {
        if let cached = years[year.value] { return cached }
        let computed = rules.requirements(for: year)
        years[year.value] = computed
        return computed
    }

    private func check(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, line: Int, isASCII: Bool,
        key: inout HouseholdKey?
    ) throws(RowRejection) -> (Household, [DataWarning]) {
        // invalid_encoding: the column is named only when exactly one field is at fault.
        if !isASCII {
            let bad = fields.indices.filter { FieldBytes.firstInvalidUTF8Offset(fields[$0]) != nil }
            if let position = bad.first {
                let column = bad.count == 1 ? Column.allCases.first { positions[$0.index] == position } : nil
                let names = bad.map { position in
                    Column.allCases.first { positions[$0.index] == position }?.rawValue
                        ?? "field \(position + 1) (\"\(layout.names[position])\")"
                }
                throw RowRejection(
                    reason: .invalidEncoding, column: column?.rawValue,
                    message: "\(names.joined(separator: ", ")) \(bad.count == 1 ? "holds" : "hold") bytes that are not valid UTF-8; save the dump as CSV UTF-8")
            }
        }

        // review_year
        guard let yearBytes = raw(fields, .reviewYear), !yearBytes.isEmpty else {
            throw Self.missing(.reviewYear)
        }
        guard let yearValue = IntegerField.parse(yearBytes) else {
            throw RowRejection(
                reason: .invalidNumber, column: Column.reviewYear.rawValue,
                message: "review_year must be a whole number, got \(Self.shown(yearBytes))")
        }
        let year = ReviewYear(Int(yearValue))
        let idBytes = raw(fields, .householdID) ?? UnsafeBufferPointer(start: nil, count: 0)
        if !idBytes.isEmpty {
            key = HouseholdKey(reviewYear: year, householdID: HouseholdID(FieldBytes.string(idBytes)))
        }
        guard let requirements = requirements(for: year) else {
            throw RowRejection(
                reason: .unsupportedYear, column: Column.reviewYear.rawValue,
                message: "review year \(year) has no poverty standard in the pipeline's schedule")
        }
        if !headerCheckedYears.contains(year.value) {
            for column in requirements.required.columns where positions[column.index] < 0 {
                pendingHeaderProblem = .missingColumn(column, year: year)
                throw RowRejection(reason: .missingValue, message: "")
            }
            for index in requirements.extras where layout.extraPositions[index] < 0 {
                pendingHeaderProblem = .missingExtraColumn(rules.extraColumns[index].name, year: year)
                throw RowRejection(reason: .missingValue, message: "")
            }
            headerCheckedYears.insert(year.value)
        }

        // household_id
        guard !idBytes.isEmpty else { throw Self.missing(.householdID) }

        var warnings: [DataWarning] = []
        // province_code, district_code, commune_code
        guard let provinceBytes = raw(fields, .provinceCode), !provinceBytes.isEmpty else {
            throw Self.missing(.provinceCode)
        }
        let province = try code(provinceBytes, .provinceCode, provinceCodes, line: line, warnings: &warnings)
        var district: Int32 = -1
        if let districtBytes = raw(fields, .districtCode), !districtBytes.isEmpty {
            district = try code(districtBytes, .districtCode, districtCodes, line: line, warnings: &warnings)
        }
        guard let communeBytes = raw(fields, .communeCode), !communeBytes.isEmpty else {
            throw Self.missing(.communeCode)
        }
        let commune = try code(communeBytes, .communeCode, communeCodes, line: line, warnings: &warnings)

        // village
        guard let villageBytes = raw(fields, .village), !villageBytes.isEmpty else {
            throw Self.missing(.village)
        }
        let village = villages.text(villageBytes)

        let area = try enumeration(fields, .area, areas)
        let members = Int(try integer(fields, .members, minimum: 1))
        let ethnicMinority = try boolean(fields, .ethnicMinority)

        // income_per_capita / income_score
        var income: Int64? = nil
        var score: Int64? = nil
        if let bytes = raw(fields, .incomePerCapita), !bytes.isEmpty {
            income = try Self.integer(bytes, .incomePerCapita, minimum: 0)
        } else if requirements.required.contains(.incomePerCapita) {
            throw Self.missing(.incomePerCapita, " (review year \(year) is classified on income: \(requirements.standardIDs.joined(separator: ", ")))")
        }
        if let bytes = raw(fields, .incomeScore), !bytes.isEmpty {
            score = try Self.integer(bytes, .incomeScore, minimum: 0)
        } else if requirements.required.contains(.incomeScore) {
            throw Self.missing(.incomeScore, " (the pipeline classifies on the B1 score)")
        }
        if requirements.needsIncomeOrScore && income == nil && score == nil {
            throw RowRejection(reason: .missingValue, column: nil,
                               message: "income_per_capita or income_score is required; both are empty")
        }

        let workingAgeWithoutJob = try count(fields, .workingAgeWithoutJob)
        let dependants = try count(fields, .dependants)
        let childrenMalnourished = try count(fields, .childrenMalnourished)
        let uninsured = try count(fields, .members6PlusUninsured)
        let adultsWithoutQualification = try count(fields, .adults16To30WithoutQualification)
        let childrenOutOfSchool = try count(fields, .children3To15OutOfSchool)
        let housingType = try enumeration(fields, .housingType, housingTypes)

        guard let areaBytes = raw(fields, .housingAreaM2), !areaBytes.isEmpty else {
            throw Self.missing(.housingAreaM2)
        }
        let housingArea: ExactDecimal
        switch DecimalField.parse(areaBytes) {
        case .value(let value) where value.significand >= 0:
            housingArea = value
        case .ambiguous:
            throw RowRejection(
                reason: .invalidNumber, column: Column.housingAreaM2.rawValue,
                message: "housing_area_m2 \(Self.shown(areaBytes)) is ambiguous (a thousands separator or a decimal comma?); write it without the separator or with a decimal point")
        default:
            throw RowRejection(
                reason: .invalidNumber, column: Column.housingAreaM2.rawValue,
                message: "housing_area_m2 must be a decimal number ≥ 0 (12.5 or 12,5), got \(Self.shown(areaBytes))")
        }

        let waterSource = try enumeration(fields, .waterSource, waterSources)
        let latrine = try enumeration(fields, .latrine, latrines)
        let internetUsers = try count(fields, .internetUsers)
        let infoDevices = try count(fields, .infoDevices)
        let loudspeaker = try boolean(fields, .loudspeakerAccess)
        let labourCapacity = try count(fields, .membersWithLabourCapacity)
        let socialProtection = try count(fields, .socialProtectionMembers)
        var digitalUsers: Int? = nil
        if requirements.required.contains(.digitalServiceUsers) {
            digitalUsers = try count(fields, .digitalServiceUsers)
        }
        var waste: WasteDisposal? = nil
        if requirements.required.contains(.wasteDisposal) {
            waste = try enumeration(fields, .wasteDisposal, wastes)
        }
        // Extra input columns of local standards, after the built-in ones (no allocation when
        // the year's standards read none).
        var extras: [ExactDecimal] = []
        if !requirements.extras.isEmpty { extras = try extraValues(fields, indices: requirements.extras) }

        // inconsistent_counts
        func atMostMembers(_ value: Int, _ column: Column) throws(RowRejection) {
            if value > members {
                throw RowRejection(
                    reason: .inconsistentCounts, column: column.rawValue,
                    message: "\(column.rawValue) (\(value)) is greater than members (\(members))")
            }
        }
        try atMostMembers(workingAgeWithoutJob, .workingAgeWithoutJob)
        try atMostMembers(dependants, .dependants)
        try atMostMembers(childrenMalnourished, .childrenMalnourished)
        try atMostMembers(uninsured, .members6PlusUninsured)
        try atMostMembers(adultsWithoutQualification, .adults16To30WithoutQualification)
        try atMostMembers(childrenOutOfSchool, .children3To15OutOfSchool)
        try atMostMembers(internetUsers, .internetUsers)
        try atMostMembers(labourCapacity, .membersWithLabourCapacity)
        try atMostMembers(socialProtection, .socialProtectionMembers)
        if let digitalUsers { try atMostMembers(digitalUsers, .digitalServiceUsers) }
        if workingAgeWithoutJob > labourCapacity {
            throw RowRejection(
                reason: .inconsistentCounts, column: Column.workingAgeWithoutJob.rawValue,
                message: "working_age_without_job (\(workingAgeWithoutJob)) is greater than members_with_labour_capacity (\(labourCapacity))")
        }

        // unknown_unit
        let unit = resolution(year: year, commune: commune)
        let communeCode = communeCodes.codes[Int(commune)]
        guard unit >= 0 else {
            throw RowRejection(
                reason: .unknownUnit, column: Column.communeCode.rawValue,
                message: "commune_code \(communeCode) is not a commune of the admin-units file in review year \(year)")
        }
        let resolved = resolutions[Int(unit)]
        if district >= 0 {
            let givenDistrict = districtCodes.codes[Int(district)]
            if let resolvedDistrict = resolved.district {
                if givenDistrict != resolvedDistrict {
                    throw RowRejection(
                        reason: .unknownUnit, column: Column.districtCode.rawValue,
                        message: "district_code \(givenDistrict) contradicts the admin-units file: commune \(communeCode) is in district \(resolvedDistrict) in review year \(year)")
                }
            } else {
                warnings.append(DataWarning(
                    code: "leftover_district_code",
                    message: "district_code \(givenDistrict) ignored: commune \(communeCode) belongs directly to province \(resolved.province) in review year \(year) (districts abolished)",
                    line: line))
            }
        }
        // The hierarchy upwards (input-format.md §2: "district or province"): a row whose district
        // and province both contradict the admin file is reported on its district.
        let givenProvince = provinceCodes.codes[Int(province)]
        if givenProvince != resolved.province {
            throw RowRejection(
                reason: .unknownUnit, column: Column.provinceCode.rawValue,
                message: "province_code \(givenProvince) contradicts the admin-units file: commune \(communeCode) is in province \(resolved.province) in review year \(year)")
        }

        var headName: String? = nil
        var headID: String? = nil
        if readsPersonalData {
            if let bytes = raw(fields, .headName), !bytes.isEmpty { headName = TextNormalization.normalizedText(bytes) }
            if let bytes = raw(fields, .headIDNumber), !bytes.isEmpty { headID = FieldBytes.string(bytes) }
        }

        var household = Household(
            reviewYear: year, householdID: key!.householdID, provinceCode: resolved.province,
            districtCode: resolved.district, communeCode: communeCode, village: village, area: area,
            members: members, ethnicMinority: ethnicMinority, incomePerCapita: income,
            incomeScore: score, workingAgeWithoutJob: workingAgeWithoutJob, dependants: dependants,
            childrenMalnourished: childrenMalnourished, members6PlusUninsured: uninsured,
            adults16To30WithoutQualification: adultsWithoutQualification,
            children3To15OutOfSchool: childrenOutOfSchool, housingType: housingType,
            housingAreaM2: housingArea, waterSource: waterSource, latrine: latrine,
            internetUsers: internetUsers, infoDevices: infoDevices, loudspeakerAccess: loudspeaker,
            membersWithLabourCapacity: labourCapacity, socialProtectionMembers: socialProtection,
            digitalServiceUsers: digitalUsers, wasteDisposal: waste, headName: headName,
            headIDNumber: headID)
        if !extras.isEmpty { household.extraValues = extras }
        return (household, warnings)
    }

    /// Index into `resolutions` of commune `commune` (a `communeCodes` index) in `year`, or -1.
    private func resolution(year: ReviewYear, commune: Int32) -> Int32 {
        let cacheKey = year.value &* 1_048_576 &+ Int(commune)
        if let cached = unitCache[cacheKey] { return cached }
        var result: Int32 = -1
        if let parents = admin.parents(ofCommune: communeCodes.codes[Int(commune)], in: year) {
            resolutions.append(UnitResolution(province: parents.province.code, district: parents.district?.code))
            result = Int32(resolutions.count - 1)
        }
        unitCache[cacheKey] = result
        return result
    }
}

/// A commune's parents in one review year, as the admin directory gives them.
private struct UnitResolution {
    var province: UnitCode
    var district: UnitCode?
}

/// Unit codes read from raw bytes, normalised once per distinct spelling.
private final class CodeCache {
    let length: Int
    let cache = ByteKeyedCache()
    @exclusivity(unchecked) var codes: [UnitCode] = []
    @exclusivity(unchecked) var padded: [Bool] = []
    @exclusivity(unchecked) private var byCode: [String: Int32] = [:]
    init(length: Int) { self.length = length }

    /// Index into `codes`, or -1 when the spelling is not a code.
    @inline(__always)
    func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let hit = cache.payload(for: bytes) { return hit }
        var result: Int32 = -1
        if case .code(let code, let wasPadded) = UnitCodeField.parse(bytes, length: length) {
            let dedupKey = (wasPadded ? "+" : "") + code
            if let existing = byCode[dedupKey] {
                result = existing
            } else {
                codes.append(UnitCode(code))
                padded.append(wasPadded)
                result = Int32(codes.count - 1)
                byCode[dedupKey] = result
            }
        }
        cache.insert(bytes, payload: result)
        return result
    }
}

/// Normalised text (NFC, trimmed, spaces collapsed) by raw spelling.
private final class TextCache {
    let cache = ByteKeyedCache()
    @exclusivity(unchecked) var texts: [String] = []

    @inline(__always)
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let hit = cache.payload(for: bytes) { return texts[Int(hit)] }
        let text = TextNormalization.normalizedText(bytes)
        guard cache.count < cache.capacityLimit else { return text }
        texts.append(text)
        cache.insert(bytes, payload: Int32(texts.count - 1))
        return text
    }
}

/// Enumeration values by raw spelling.
private final class EnumCache<Value>
where Value: RawRepresentable & CaseIterable & Hashable & Sendable, Value.RawValue == String {
    let table: AliasTable<Value>
    let cache = ByteKeyedCache(capacityLimit: 4096)
    let all = Array(Value.allCases)
    init(_ table: AliasTable<Value>) { self.table = table }

    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        if let hit = cache.payload(for: bytes) { return hit >= 0 ? all[Int(hit)] : nil }
        let value = table.value(for: FieldBytes.string(bytes))
        cache.insert(bytes, payload: value.flatMap { v in all.firstIndex(of: v).map(Int32.init) } ?? -1)
        return value
    }
}
