extension Household {
    /// The value of one column for indicator rules: numbers as exact decimals, booleans 0/1,
    /// enumerations as their position in the type's case list (`RuleField.builtIn`). A column the
    /// row does not carry reads as -1 (the classifier checks presence before).
    @inline(__always)
    func ruleValue(_ slot: RuleFieldSlot) -> ExactDecimal {
        switch slot {
        case .extra(let index):
            return index < extraValues.count ? extraValues[index] : ExactDecimal(-1)
        case .builtIn(let column):
            let value: Int64
            switch column {
            case .area: value = area == .rural ? 0 : 1
            case .members: value = Int64(members)
            case .ethnicMinority: value = ethnicMinority ? 1 : 0
            case .workingAgeWithoutJob: value = Int64(workingAgeWithoutJob)
            case .dependants: value = Int64(dependants)
            case .childrenMalnourished: value = Int64(childrenMalnourished)
            case .members6PlusUninsured: value = Int64(members6PlusUninsured)
            case .adults16To30WithoutQualification: value = Int64(adults16To30WithoutQualification)
            case .children3To15OutOfSchool: value = Int64(children3To15OutOfSchool)
            case .housingType: value = housingType.ordinal
            case .housingAreaM2: return housingAreaM2
            case .waterSource: value = waterSource.ordinal
            case .latrine: value = latrine.ordinal
            case .internetUsers: value = Int64(internetUsers)
            case .infoDevices: value = Int64(infoDevices)
            case .loudspeakerAccess: value = loudspeakerAccess ? 1 : 0
            case .membersWithLabourCapacity: value = Int64(membersWithLabourCapacity)
            case .socialProtectionMembers: value = Int64(socialProtectionMembers)
            case .digitalServiceUsers: value = digitalServiceUsers.map { Int64($0) } ?? -1
            case .wasteDisposal: value = wasteDisposal?.ordinal ?? -1
            case .incomePerCapita: value = incomePerCapita ?? -1
            case .incomeScore: value = incomeScore ?? -1
            case .reviewYear, .householdID, .provinceCode, .districtCode, .communeCode, .village,
                .headName, .headIDNumber:
                value = -1
            }
            return ExactDecimal(significand: value, scale: 0)
        }
    }
}

// Positions in `allCases`, as switches: read per household and rule.
extension HousingType {
    @inline(__always) var ordinal: Int64 {
        switch self {
        case .durable: 0
        case .semiDurable: 1
        case .nonDurable: 2
        case .none: 3
        }
    }
}

extension WaterSource {
    @inline(__always) var ordinal: Int64 {
        switch self {
        case .piped: 0
        case .drilledWell: 1
        case .protectedWell: 2
        case .protectedSpring: 3
        case .rainwater: 4
        case .bottled: 5
        case .unprotectedWell: 6
        case .unprotectedSpring: 7
        case .surface: 8
        case .other: 9
        case .none: 10
        }
    }
}

extension LatrineType {
    @inline(__always) var ordinal: Int64 {
        switch self {
        case .septic: 0
        case .pourFlush: 1
        case .doubleVault: 2
        case .ventilatedPit: 3
        case .biogas: 4
        case .unhygienicPit: 5
        case .hanging: 6
        case .other: 7
        case .none: 8
        }
    }
}

extension WasteDisposal {
    @inline(__always) var ordinal: Int64 {
        switch self {
        case .collected: 0
        case .composted: 1
        case .burned: 2
        case .buried: 3
        case .openDumping: 4
        case .none: 5
        }
    }
}
