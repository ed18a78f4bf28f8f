/// The type of an input column as rules see it.
public enum RuleValueType: Sendable, Equatable {
    /// A whole number (counts, devices).
    case integer
    /// A 0/1 column (`loudspeaker_access`): compared with `= 0` or `= 1`.
    case boolean
    /// A decimal number (`housing_area_m2`).
    case decimal
    /// One of a fixed list of values (`water_source`), tested with `in [...]`.
    case enumeration([String])

    /// How the type is named in messages and in standard files.
    public var name: String {
        switch self {
        case .integer: "integer"
        case .boolean: "boolean"
        case .decimal: "decimal"
        case .enumeration: "enum"
        }
    }
}

/// Where a rule reads a column's value from a `Household`.
public enum RuleFieldSlot: Sendable, Equatable, Hashable {
    /// A column of the national dump format (`Column`).
    case builtIn(Column)
    /// An extra input column declared by a standard file: its index in the run's extra columns
    /// (`Household.extraValues`).
    case extra(Int)
}

/// An input column that indicator rules may read: name, type and where its value lives.
public struct RuleField: Sendable, Equatable {
    public var name: String
    public var type: RuleValueType
    public var slot: RuleFieldSlot
    public init(name: String, type: RuleValueType, slot: RuleFieldSlot) {
        self.name = name
        self.type = type
        self.slot = slot
    }

    /// The columns of the national dump format that rules may read (input-format.md §1).
    /// Identity, place and income columns decide the status, not a deprivation, so they are
    /// not offered.
    public static let builtIn: [RuleField] = {
        func integer(_ c: Column) -> RuleField { RuleField(name: c.rawValue, type: .integer, slot: .builtIn(c)) }
        func boolean(_ c: Column) -> RuleField { RuleField(name: c.rawValue, type: .boolean, slot: .builtIn(c)) }
        func enumeration<E: CaseIterable & RawRepresentable>(_ c: Column, _ type: E.Type) -> RuleField
        where E.RawValue == String {
            RuleField(name: c.rawValue, type: .enumeration(E.allCases.map(\.rawValue)), slot: .builtIn(c))
        }
        return [
            enumeration(.area, Area.self), integer(.members), boolean(.ethnicMinority),
            integer(.workingAgeWithoutJob), integer(.dependants), integer(.childrenMalnourished),
            integer(.members6PlusUninsured), integer(.adults16To30WithoutQualification),
            integer(.children3To15OutOfSchool), enumeration(.housingType, HousingType.self),
            RuleField(name: Column.housingAreaM2.rawValue, type: .decimal, slot: .builtIn(.housingAreaM2)),
            enumeration(.waterSource, WaterSource.self), enumeration(.latrine, LatrineType.self),
            integer(.internetUsers), integer(.infoDevices), boolean(.loudspeakerAccess),
            integer(.membersWithLabourCapacity), integer(.socialProtectionMembers),
            integer(.digitalServiceUsers), enumeration(.wasteDisposal, WasteDisposal.self),
        ]
    }()
}

/// An extra input column a standard file declares (a local standard's own survey question).
public struct ExtraColumn: Sendable, Equatable {
    /// Canonical (snake_case) header name, e.g. `electricity_access`.
    public var name: String
    public var type: RuleValueType
    /// Other header spellings accepted for the column (e.g. Vietnamese headers).
    public var headerAliases: [String]
    public init(name: String, type: RuleValueType, headerAliases: [String] = []) {
        self.name = name
        self.type = type
        self.headerAliases = headerAliases
    }
}
