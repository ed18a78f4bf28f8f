/// The checks of `RowValidator`, one function per step of the pinned order (input-format.md §4,
/// rule 1). Each throws the row's `RowRejection` when its check fails.
extension RowValidator {
    /// `invalid_encoding`: bytes that are not UTF-8. The column is named only when exactly one
    /// field is at fault.
    func checkEncoding(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws(RowRejection) {
        let bad = fields.indices.filter { FieldBytes.firstInvalidUTF8Offset(fields[$0]) != nil }
        guard let position = bad.first else { return }
        let column = bad.count == 1 ? Column.allCases.first { positions[$0.index] == position } : nil
        let names = bad.map { position in
            Column.allCases.first { positions[$0.index] == position }?.rawValue
                ?? "field \(position + 1) (\"\(layout.names[position])\")"
        }
        throw RowRejection(
            reason: .invalidEncoding, column: column?.rawValue,
            message: "\(names.joined(separator: ", ")) \(bad.count == 1 ? "holds" : "hold") bytes that are not valid UTF-8; save the dump as CSV UTF-8")
    }

    /// `review_year`: `missing_value` or `invalid_number`.
    func reviewYear(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws(RowRejection) -> ReviewYear {
        guard let yearBytes = raw(fields, .reviewYear), !yearBytes.isEmpty else {
            throw Self.missing(.reviewYear)
        }
        guard let yearValue = IntegerField.parse(yearBytes) else {
            throw RowRejection(
                reason: .invalidNumber, column: Column.reviewYear.rawValue,
                message: "review_year must be a whole number, got \(Self.shown(yearBytes))")
        }
        return ReviewYear(Int(yearValue))
    }

    /// The duplicate key of the row (rule 2), nil when its `household_id` is empty.
    func householdKey(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, year: ReviewYear) -> HouseholdKey? {
        guard let idBytes = raw(fields, .householdID), !idBytes.isEmpty else { return nil }
        return HouseholdKey(reviewYear: year, householdID: HouseholdID(FieldBytes.string(idBytes)))
    }

    /// `review_year`: `unsupported_year` when no standard of the schedule covers `year`.
    func supportedYear(_ year: ReviewYear) throws(RowRejection) -> YearRequirements {
        guard let requirements = requirements(for: year) else {
            throw RowRejection(
                reason: .unsupportedYear, column: Column.reviewYear.rawValue,
                message: "review year \(year) has no poverty standard in the pipeline's schedule")
        }
        return requirements
    }

    /// What the standards of `year` need of a row, nil when no standard covers the year (cached).
    private func requirements(for year: ReviewYear) -> YearRequirements? {
        if let cached = years[year.value] { return cached }
        let computed = rules.requirements(for: year)
        years[year.value] = computed
        return computed
    }

    /// Rule 10, once per review year: a column the year's standards need and the header lacks.
    func checkHeader(for year: ReviewYear, _ requirements: YearRequirements) throws(HeaderProblem) {
        guard !headerCheckedYears.contains(year.value) else { return }
        for column in requirements.required.columns where positions[column.index] < 0 {
            throw .missingColumn(column, year: year)
        }
        for index in requirements.extras where layout.extraPositions[index] < 0 {
            throw .missingExtraColumn(rules.extraColumns[index].name, year: year)
        }
        headerCheckedYears.insert(year.value)
    }

    /// `province_code`, `district_code` (optional), `commune_code`: `missing_value` or
    /// `invalid_number`; indices into the code caches (district -1 when empty).
    func unitCodes(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, line: Int, warnings: inout [DataWarning]
    ) throws(RowRejection) -> RowUnitCodes {
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
        return RowUnitCodes(province: province, district: district, commune: commune)
    }

    /// `village`: `missing_value`; the normalised name.
    func village(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws(RowRejection) -> String {
        guard let villageBytes = raw(fields, .village), !villageBytes.isEmpty else {
            throw Self.missing(.village)
        }
        return villages.text(villageBytes)
    }

    /// `income_per_capita`, `income_score`: each validated when present, required as the year's
    /// standards and the basis policy say; with neither required, one of them.
    func incomeMeasures(
        _ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>, year: ReviewYear, requirements: YearRequirements
    ) throws(RowRejection) -> (income: Int64?, score: Int64?) {
        var income: Int64? = nil
        var score: Int64? = nil
        if let bytes = raw(fields, .incomePerCapita), !bytes.isEmpty {
            income = try Self.integer(bytes, .incomePerCapita, minimum: 0)
        } else if requirements.required.contains(.incomePerCapita) {
            throw Self.missing(
                .incomePerCapita, " (review year \(year) is classified on income: \(requirements.standardIDs.map(\.rawValue).joined(separator: ", ")))")
        }
        if let bytes = raw(fields, .incomeScore), !bytes.isEmpty {
            score = try Self.integer(bytes, .incomeScore, minimum: 0)
        } else if requirements.required.contains(.incomeScore) {
            throw Self.missing(.incomeScore, " (the pipeline classifies on the B1 score)")
        }
        if requirements.needsIncomeOrScore && income == nil && score == nil {
            throw RowRejection(
                reason: .missingValue, column: nil,
                message: "income_per_capita or income_score is required; both are empty")
        }
        return (income, score)
    }

    /// `housing_area_m2`: `missing_value` or `invalid_number` (negative, unreadable or ambiguous).
    func housingArea(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) throws(RowRejection) -> ExactDecimal {
        guard let areaBytes = raw(fields, .housingAreaM2), !areaBytes.isEmpty else {
            throw Self.missing(.housingAreaM2)
        }
        switch DecimalField.parse(areaBytes) {
        case .value(let value) where value.significand >= 0:
            return value
        case .ambiguous:
            throw RowRejection(
                reason: .invalidNumber, column: Column.housingAreaM2.rawValue,
                message:
                    "housing_area_m2 \(Self.shown(areaBytes)) is ambiguous (a thousands separator or a decimal comma?); write it without the separator or with a decimal point"
            )
        default:
            throw RowRejection(
                reason: .invalidNumber, column: Column.housingAreaM2.rawValue,
                message: "housing_area_m2 must be a decimal number ≥ 0 (12.5 or 12,5), got \(Self.shown(areaBytes))")
        }
    }

    /// `inconsistent_counts`: a member count above `members`, or more working-age members
    /// without a job than members with labour capacity.
    func checkCounts(_ counts: MemberCounts, members: Int) throws(RowRejection) {
        func atMostMembers(_ value: Int, _ column: Column) throws(RowRejection) {
            if value > members {
                throw RowRejection(
                    reason: .inconsistentCounts, column: column.rawValue,
                    message: "\(column.rawValue) (\(value)) is greater than members (\(members))")
            }
        }
        try atMostMembers(counts.workingAgeWithoutJob, .workingAgeWithoutJob)
        try atMostMembers(counts.dependants, .dependants)
        try atMostMembers(counts.childrenMalnourished, .childrenMalnourished)
        try atMostMembers(counts.uninsured, .members6PlusUninsured)
        try atMostMembers(counts.adultsWithoutQualification, .adults16To30WithoutQualification)
        try atMostMembers(counts.childrenOutOfSchool, .children3To15OutOfSchool)
        try atMostMembers(counts.internetUsers, .internetUsers)
        try atMostMembers(counts.labourCapacity, .membersWithLabourCapacity)
        try atMostMembers(counts.socialProtection, .socialProtectionMembers)
        if let digitalUsers = counts.digitalUsers { try atMostMembers(digitalUsers, .digitalServiceUsers) }
        if counts.workingAgeWithoutJob > counts.labourCapacity {
            throw RowRejection(
                reason: .inconsistentCounts, column: Column.workingAgeWithoutJob.rawValue,
                message: "working_age_without_job (\(counts.workingAgeWithoutJob)) is greater than members_with_labour_capacity (\(counts.labourCapacity))")
        }
    }

    /// `unknown_unit`: the commune is not in the admin directory in `year`, or the row's district
    /// or province contradicts it. A district code left over after the reform is a warning.
    func resolvedUnit(
        _ units: RowUnitCodes, year: ReviewYear, line: Int, warnings: inout [DataWarning]
    ) throws(RowRejection) -> (province: UnitCode, district: UnitCode?, commune: UnitCode) {
        let unit = resolution(year: year, commune: units.commune)
        let communeCode = communeCodes.codes[Int(units.commune)]
        guard unit >= 0 else {
            throw RowRejection(
                reason: .unknownUnit, column: Column.communeCode.rawValue,
                message: "commune_code \(communeCode) is not a commune of the admin-units file in review year \(year)")
        }
        let resolved = resolutions[Int(unit)]
        if units.district >= 0 {
            let givenDistrict = districtCodes.codes[Int(units.district)]
            if let resolvedDistrict = resolved.district {
                if givenDistrict != resolvedDistrict {
                    throw RowRejection(
                        reason: .unknownUnit, column: Column.districtCode.rawValue,
                        message:
                            "district_code \(givenDistrict) contradicts the admin-units file: commune \(communeCode) is in district \(resolvedDistrict) in review year \(year)"
                    )
                }
            } else {
                warnings.append(
                    DataWarning(
                        code: "leftover_district_code",
                        message:
                            "district_code \(givenDistrict) ignored: commune \(communeCode) belongs directly to province \(resolved.province) in review year \(year) (districts abolished)",
                        line: line))
            }
        }
        // The hierarchy upwards (input-format.md §2: "district or province"): a row whose district
        // and province both contradict the admin file is reported on its district.
        let givenProvince = provinceCodes.codes[Int(units.province)]
        if givenProvince != resolved.province {
            throw RowRejection(
                reason: .unknownUnit, column: Column.provinceCode.rawValue,
                message:
                    "province_code \(givenProvince) contradicts the admin-units file: commune \(communeCode) is in province \(resolved.province) in review year \(year)"
            )
        }
        return (resolved.province, resolved.district, communeCode)
    }

    /// `head_name` and `head_id_number`, read only when the pipeline keeps personal data.
    func personalData(_ fields: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> (name: String?, idNumber: String?) {
        guard readsPersonalData else { return (nil, nil) }
        var headName: String? = nil
        var headID: String? = nil
        if let bytes = raw(fields, .headName), !bytes.isEmpty { headName = TextNormalization.normalizedText(bytes) }
        if let bytes = raw(fields, .headIDNumber), !bytes.isEmpty { headID = FieldBytes.string(bytes) }
        return (headName, headID)
    }

    /// Index into `resolutions` of commune `commune` (a `communeCodes` index) in `year`, or -1.
    func resolution(year: ReviewYear, commune: Int32) -> Int32 {
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

/// The unit codes of a row as indices into the validator's code caches (district -1: empty).
struct RowUnitCodes {
    var province: Int32
    var district: Int32
    var commune: Int32
}

/// The member counts of a row that `inconsistent_counts` compares with `members`.
struct MemberCounts {
    var workingAgeWithoutJob = 0
    var dependants = 0
    var childrenMalnourished = 0
    var uninsured = 0
    var adultsWithoutQualification = 0
    var childrenOutOfSchool = 0
    var internetUsers = 0
    var labourCapacity = 0
    var socialProtection = 0
    var digitalUsers: Int? = nil
}
